using Boilerplate.Core.Segmentation;
using Slot = Boilerplate.Core.Features.ContextFeatureLayout;

namespace Boilerplate.Core.Features;

/// <summary>
/// Second-stage features of one block: the first stage's label probabilities of the block, of its neighbours, of
/// windows around it, of its container (ContainerId) and of the whole page, how far it shares the words of each
/// label's blocks (<see cref="TopicCoherence"/>), whether it lies where each label's text concentrates in the markup
/// (<see cref="ArticleRoot"/>), plus its dense shape, markup and position facts, and the page's type probabilities
/// when the model tells types (a list is the content of a listing page and chrome beside an article). A block's label
/// depends on its surroundings (a short line inside the article is a subheading, the same line in a footer is a link),
/// and this is where the model sees them. Groups that are switched off read as 0. Each value goes to its named slot of
/// <see cref="ContextFeatureLayout"/>, which fixes the row's order.
/// </summary>
public sealed class ContextFeatureExtractor
{
    /// <summary>Blocks searched each way for a block of a label: farther than this, its distance no longer tells where the block sits.</summary>
    private const int MaxDistance = 64;

    /// <summary>Blocks each side of the near window: the lines right around a block (a subheading and its paragraphs).</summary>
    private const int NearWindowRadius = 3;

    /// <summary>Blocks each side of the far window: about a section, so a run of links reads apart from the article beside it.</summary>
    private const int FarWindowRadius = 10;

    /// <summary>Sentence ends counted at most: past a paragraph's worth more only says the block is long, which its length says.</summary>
    private const int MaxSentenceEnds = 20;

    /// <summary>Separators counted at most: a few already mark a menu or breadcrumb, and one huge menu should not stretch the scale.</summary>
    private const int MaxSeparators = 10;

    /// <summary>Legal phrases counted in a block at most: two already make a notice.</summary>
    private const int MaxLegalPhrases = 3;

    /// <summary>Each neighbour slot and how many blocks away its block is.</summary>
    private static readonly (ContextSlot Slot, int Step)[] NeighbourSlots =
        [(Slot.Previous, -1), (Slot.Next, 1), (Slot.SecondPrevious, -2), (Slot.SecondNext, 2)];

    private readonly FeatureGroups _groups;
    private readonly int _labels;
    private readonly int _pageTypes;

    /// <summary>
    /// Creates an extractor for a model with <paramref name="labels"/> labels that tells <paramref name="pageTypes"/>
    /// page types (0: none, or the PageType group switched off).
    /// </summary>
    public ContextFeatureExtractor(FeatureGroups groups, int labels, int pageTypes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(labels, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(pageTypes);
        _groups = groups;
        _labels = labels;
        _pageTypes = (groups & FeatureGroups.PageType) != 0 ? pageTypes : 0;
        Layout = new ContextFeatureLayout(labels, _pageTypes);
    }

    /// <summary>Where each named slot lies in a row.</summary>
    public ContextFeatureLayout Layout { get; }

    /// <summary>Number of features per block.</summary>
    public int Dimension => Layout.Dimension;

    /// <summary>Page types whose probabilities each row carries (0 when none).</summary>
    public int PageTypes => _pageTypes;

    /// <summary>
    /// Writes the features of every block of <paramref name="page"/> into <paramref name="output"/>
    /// (blocks x <see cref="Dimension"/>, row-major), given the first stage's probabilities (blocks x labels) and,
    /// when the extractor reads page types, the page's type probabilities.
    /// </summary>
    public void Extract(PreparedPage page, ReadOnlySpan<float> firstStage, Span<float> output, ReadOnlySpan<float> pageType = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        var n = page.Count;
        var k = _labels;
        var dimension = Dimension;
        if (firstStage.Length != n * k || output.Length != n * dimension || (_pageTypes > 0 && pageType.Length != _pageTypes))
        {
            throw new ArgumentException("Buffers do not match the page's block count.");
        }

        output.Clear();
        Span<float> pageMean = stackalloc float[k];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < k; j++)
            {
                pageMean[j] += firstStage[(i * k) + j] / n;
            }
        }

        var containerMeans = (_groups & FeatureGroups.Subtree) != 0 ? ContainerMeans(page, firstStage, k) : null;
        var coherence = containerMeans is null ? null : new float[n * k];
        var roots = containerMeans is null ? null : new float[n * k * ArticleRoot.PerLabel];
        if (coherence is not null && roots is not null)
        {
            TopicCoherence.Compute(page, firstStage, k, coherence);
            ArticleRoot.Compute(page, firstStage, k, roots);
        }

        if ((_groups & FeatureGroups.Neighbours) != 0)
        {
            WriteDistances(firstStage, n, k, output, Slot.DistanceBefore, -1);
            WriteDistances(firstStage, n, k, output, Slot.DistanceAfter, +1);
        }

        var legalAttribute = new LegalAttributeMemo();
        Span<float> cumulative = stackalloc float[k];
        for (var i = 0; i < n; i++)
        {
            var row = output.Slice(i * dimension, dimension);
            var own = firstStage.Slice(i * k, k);
            own.CopyTo(Layout.Of(row, Slot.Probabilities));
            if ((_groups & FeatureGroups.Neighbours) != 0)
            {
                foreach (var (slot, step) in NeighbourSlots)
                {
                    var other = i + step;
                    var values = Layout.Of(row, slot);
                    for (var j = 0; j < k; j++)
                    {
                        values[j] = other >= 0 && other < n ? firstStage[(other * k) + j] : -1;
                    }
                }

                WindowMean(firstStage, k, i, NearWindowRadius, Layout.Of(row, Slot.NearWindow));
                WindowMean(firstStage, k, i, FarWindowRadius, Layout.Of(row, Slot.FarWindow));
            }

            if (containerMeans is not null && coherence is not null && roots is not null)
            {
                var container = Layout.Of(row, Slot.Container);
                if (page[i].Dom is { } dom)
                {
                    containerMeans[dom.ContainerId].AsSpan().CopyTo(container);
                }
                else
                {
                    container.Fill(-1);
                }

                pageMean.CopyTo(Layout.Of(row, Slot.PageMean));
                var fromMean = Layout.Of(row, Slot.FromPageMean);
                var massBefore = Layout.Of(row, Slot.MassBefore);
                for (var j = 0; j < k; j++)
                {
                    fromMean[j] = own[j] - pageMean[j];
                    // Where the block sits relative to each label's mass: before the article, inside it, after it.
                    massBefore[j] = pageMean[j] <= 0 ? 0 : cumulative[j] / (pageMean[j] * n);
                    cumulative[j] += own[j];
                }

                coherence.AsSpan(i * k, k).CopyTo(Layout.Of(row, Slot.Coherence));
                roots.AsSpan(i * k * ArticleRoot.PerLabel, k * ArticleRoot.PerLabel).CopyTo(Layout.Of(row, Slot.ArticleRoots));
            }

            WriteFacts(page, i, row, ref legalAttribute);
            if (_pageTypes > 0)
            {
                pageType.CopyTo(Layout.Of(row, Slot.PageTypes));
            }
        }
    }

    private void WriteFacts(PreparedPage page, int i, Span<float> row, ref LegalAttributeMemo legalAttribute)
    {
        var block = page[i];
        var stats = page.Statistics[i];
        var n = page.Count;
        At(row, Slot.IsHtml) = page.Page.Format == InputFormat.Html ? 1 : 0;
        if ((_groups & FeatureGroups.Shape) != 0)
        {
            At(row, Slot.LogWeightedChars) = MathF.Log(1 + stats.WeightedChars);
            At(row, Slot.LogWords) = MathF.Log(1 + stats.Words);
            At(row, Slot.AverageWordLength) = stats.AverageWordLength;
            At(row, Slot.PunctuationRatio) = stats.PunctuationRatio;
            At(row, Slot.DigitRatio) = stats.DigitRatio;
            At(row, Slot.UpperRatio) = stats.UpperRatio;
            At(row, Slot.CapitalisedWordRatio) = stats.CapitalisedWordRatio;
            At(row, Slot.SentenceEnds) = Math.Min(stats.SentenceEnds, MaxSentenceEnds);
            At(row, Slot.SentenceShape) = (stats.EndsWithSentenceMark ? 1 : 0) + (stats.StartsUpper ? 2 : 0);
            At(row, Slot.Separators) = Math.Min(stats.Separators, MaxSeparators);
            At(row, Slot.CopyrightSign) = stats.HasCopyrightSign ? 1 : 0;
            At(row, Slot.Kind) = (int)block.Kind;
            At(row, Slot.Level) = block.Level;
            At(row, Slot.CharShare) = page.TotalChars == 0 ? 0 : (float)stats.Chars / page.TotalChars;
        }

        if ((_groups & FeatureGroups.Dom) != 0)
        {
            At(row, Slot.LinkTextShare) = block.Dom?.LinkTextShare ?? -1;
            At(row, Slot.LogLinkCount) = block.Dom is { } dom ? MathF.Log(1 + dom.LinkCount) : -1;
            At(row, Slot.Depth) = block.Dom?.Depth ?? -1;
            At(row, Slot.LogContainerSize) = page.ContainerSize(i) is var size and > 0 ? MathF.Log(size) : -1;
        }

        if ((_groups & FeatureGroups.Position) != 0)
        {
            At(row, Slot.RelativePosition) = n <= 1 ? 0.5f : (float)i / (n - 1);
            At(row, Slot.LogBlocksBefore) = MathF.Log(1 + i);
            At(row, Slot.LogBlocksToEnd) = MathF.Log(n - i);
            At(row, Slot.LogPageBlocks) = MathF.Log(n);
        }

        At(row, Slot.HasMarkup) = block.Dom is null ? 0 : 1;

        // The lexicon that derives the legal label, as a fact the trees can weigh against the context: inside a
        // footer full of links a cookie or copyright notice is still legal, and its words say so in any language.
        if ((_groups & FeatureGroups.Shape) != 0)
        {
            At(row, Slot.LegalPhrases) = Math.Min(LegalLexicon.CountPhrases(block.Text), MaxLegalPhrases);
            At(row, Slot.NavigationPhrase) = NavigationLexicon.Share(block.Text);
        }

        if ((_groups & FeatureGroups.Dom) != 0)
        {
            At(row, Slot.LegalAttribute) = block.Dom is { } marked ? (legalAttribute.Of(marked.AttributeTokens) ? 1 : 0) : -1;
        }
    }

    /// <summary>The one value of a fact slot in <paramref name="row"/>.</summary>
    private ref float At(Span<float> row, ContextSlot slot) => ref row[Layout.Offset(slot)];

    /// <summary>
    /// Writes into each row's <paramref name="slot"/> the log of 1 + the blocks to the nearest other block in
    /// <paramref name="direction"/> whose label probability is at least 1/2 (capped at <see cref="MaxDistance"/>):
    /// one pass over the page instead of a search from every block.
    /// </summary>
    private void WriteDistances(ReadOnlySpan<float> probabilities, int n, int k, Span<float> output, ContextSlot slot, int direction)
    {
        var dimension = Dimension;
        Span<int> nearest = stackalloc int[k];
        nearest.Fill(-1);
        for (var step = 0; step < n; step++)
        {
            var i = direction < 0 ? step : n - 1 - step;
            var values = Layout.Of(output.Slice(i * dimension, dimension), slot);
            for (var j = 0; j < k; j++)
            {
                var distance = nearest[j] < 0 ? MaxDistance : Math.Min(Math.Abs(nearest[j] - i), MaxDistance);
                values[j] = MathF.Log(1 + (float)distance);
                if (probabilities[(i * k) + j] >= 0.5f)
                {
                    nearest[j] = i;
                }
            }
        }
    }

    private static void WindowMean(ReadOnlySpan<float> probabilities, int k, int i, int radius, Span<float> mean)
    {
        var n = probabilities.Length / k;
        var from = Math.Max(0, i - radius);
        var to = Math.Min(n - 1, i + radius);
        var count = to - from;
        if (count == 0)
        {
            mean.Fill(-1);
            return;
        }

        for (var other = from; other <= to; other++)
        {
            if (other == i)
            {
                continue;
            }

            for (var j = 0; j < k; j++)
            {
                mean[j] += probabilities[(other * k) + j] / count;
            }
        }
    }

    private static Dictionary<int, float[]> ContainerMeans(PreparedPage page, ReadOnlySpan<float> probabilities, int k)
    {
        var sums = new Dictionary<int, float[]>();
        for (var i = 0; i < page.Count; i++)
        {
            if (page[i].Dom is not { } dom)
            {
                continue;
            }

            if (!sums.TryGetValue(dom.ContainerId, out var sum))
            {
                sums[dom.ContainerId] = sum = new float[k];
            }

            var size = page.ContainerSize(i);
            for (var j = 0; j < k; j++)
            {
                sum[j] += probabilities[(i * k) + j] / size;
            }
        }

        return sums;
    }

    /// <summary>
    /// <see cref="LegalLexicon.HasLegalAttribute"/> of the last tokens asked for: the blocks of one container, and the
    /// items of a menu or list, carry the same token string one after another.
    /// </summary>
    private struct LegalAttributeMemo
    {
        private string? _tokens;
        private bool _value;

        public bool Of(string tokens)
        {
            if (!string.Equals(tokens, _tokens, StringComparison.Ordinal))
            {
                _value = LegalLexicon.HasLegalAttribute(tokens);
                _tokens = tokens;
            }

            return _value;
        }
    }
}
