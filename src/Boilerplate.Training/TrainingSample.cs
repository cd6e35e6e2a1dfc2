namespace Boilerplate.Training;

/// <summary>One user-supplied training example, read by <see cref="SampleReader"/>.</summary>
public abstract record TrainingSample
{
    private TrainingSample(string source)
    {
        Source = source;
    }

    /// <summary>Where the sample came from ("samples.jsonl:12").</summary>
    public string Source { get; }

    /// <summary>
    /// One labelled paragraph. With <paramref name="PageId"/> (and <paramref name="Position"/>), the paragraphs of a page
    /// are put back together so the model sees their neighbours; without, the paragraph is learnt on its own.
    /// </summary>
    /// <param name="Text">The paragraph's text.</param>
    /// <param name="Label">Its label (any name; a retrained model may add labels).</param>
    /// <param name="Html">The block's HTML, when known; gives the model its markup.</param>
    /// <param name="PageId">Id of the page the paragraph belongs to.</param>
    /// <param name="Position">Position of the paragraph within its page.</param>
    /// <param name="SampleSource">Where the sample came from.</param>
    public sealed record Paragraph(string Text, string Label, string? Html, string? PageId, int? Position, string SampleSource)
        : TrainingSample(SampleSource);

    /// <summary>A whole page with its article body; blocks are labelled the way the corpora are.</summary>
    /// <param name="Html">The page's HTML.</param>
    /// <param name="ArticleBody">The article text, paragraphs separated by blank lines.</param>
    /// <param name="SampleSource">Where the sample came from.</param>
    public sealed record Page(string Html, string ArticleBody, string SampleSource) : TrainingSample(SampleSource)
    {
        /// <summary>Blocks of the page named with a label of their own (a promotion, a comment), by their text.</summary>
        public IReadOnlyList<LabelledBlock> Blocks { get; init; } = [];

        /// <summary>
        /// The label <see cref="Blocks"/> give a block of the page: the first whose text the block's holds, or that holds
        /// the block's (when the block has 20 characters or more); null when none names it.
        /// </summary>
        public string? LabelOf(string blockText)
        {
            ArgumentNullException.ThrowIfNull(blockText);
            var text = Normalize(blockText);
            foreach (var block in Blocks)
            {
                var named = Normalize(block.Text);
                if (named.Length > 0 && (text.Contains(named, StringComparison.Ordinal) || (text.Length >= 20 && named.Contains(text, StringComparison.Ordinal))))
                {
                    return block.Label;
                }
            }

            return null;
        }

        private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    /// <summary>A block of a page sample named with its label.</summary>
    /// <param name="Text">The block's text as it reads on the page.</param>
    /// <param name="Label">Its label.</param>
    public sealed record LabelledBlock(string Text, string Label);
}
