namespace Boilerplate.Core.Model;

/// <summary>
/// Label probabilities for every block of a page, stored row-major in one array so scoring a page
/// allocates once rather than once per block.
/// </summary>
public sealed class PageScores
{
    private readonly float[] _probabilities;

    /// <summary>Wraps <paramref name="probabilities"/> (blocks x labels, each row summing to 1).</summary>
    public PageScores(IReadOnlyList<string> labels, float[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count == 0 || probabilities.Length % labels.Count != 0)
        {
            throw new ArgumentException("Probabilities must hold one row of label scores per block.", nameof(probabilities));
        }

        Labels = labels;
        _probabilities = probabilities;
    }

    /// <summary>The page's type (article, forum, product...), or empty when the model does not tell types or cannot tell this page's.</summary>
    public string PageType { get; init; } = string.Empty;

    /// <summary>Page types the model tells apart, in the order of <see cref="PageTypeProbabilities"/>; empty when it tells none.</summary>
    public IReadOnlyList<string> PageTypes { get; init; } = [];

    /// <summary>Probability of each of <see cref="PageTypes"/> for this page.</summary>
    public IReadOnlyList<float> PageTypeProbabilities { get; init; } = [];

    /// <summary>Probability that the page is of <paramref name="type"/>; 0 when the model does not tell that type.</summary>
    public float PageTypeProbability(string type)
    {
        for (var i = 0; i < PageTypes.Count && i < PageTypeProbabilities.Count; i++)
        {
            if (PageTypes[i] == type)
            {
                return PageTypeProbabilities[i];
            }
        }

        return 0f;
    }

    /// <summary>
    /// Whether the page reads as an article: its type is article, or the model withheld a type (text it is not sure
    /// of) and article is its likeliest. The rules for an article's own chrome (a comment thread, a list of other
    /// stories) act only then; on other types the same shapes are often the content.
    /// </summary>
    internal bool ReadsAsArticle() => ReadsAsOneOf(PageTypeNames.Article);

    /// <summary>
    /// Whether the page's type is one of <paramref name="types"/>, or, where the model withheld a type, one of them is
    /// at least as likely as any other type.
    /// </summary>
    internal bool ReadsAsOneOf(params ReadOnlySpan<string> types)
    {
        if (PageType.Length > 0 || PageTypes.Count == 0)
        {
            return types.Contains(PageType);
        }

        var best = 0f;
        foreach (var type in types)
        {
            best = Math.Max(best, PageTypeProbability(type));
        }

        return PageTypes.All(type => PageTypeProbability(type) <= best);
    }

    /// <summary>The labels, in column order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of blocks scored.</summary>
    public int BlockCount => _probabilities.Length / Labels.Count;

    /// <summary>The probabilities of block <paramref name="block"/>, one per label.</summary>
    public ReadOnlySpan<float> For(int block) => _probabilities.AsSpan(block * Labels.Count, Labels.Count);

    /// <summary>Index of the most probable label of block <paramref name="block"/>.</summary>
    public int ArgMax(int block)
    {
        var row = For(block);
        var best = 0;
        for (var i = 1; i < row.Length; i++)
        {
            if (row[i] > row[best])
            {
                best = i;
            }
        }

        return best;
    }
}
