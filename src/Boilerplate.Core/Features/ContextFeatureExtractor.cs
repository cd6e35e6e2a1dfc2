using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Features;

/// <summary>
/// Second-stage features of one block: the first stage's label probabilities of the block, of its neighbours, of
/// windows around it, of its container (ContainerId) and of the whole page, how far it shares the words of each
/// label's blocks (<see cref="TopicCoherence"/>), whether it lies where each label's text concentrates in the markup
/// (<see cref="ArticleRoot"/>), plus its dense shape, markup and position facts, and the page's type probabilities
/// when the model tells types (a list is the content of a listing page and chrome beside an article). A block's label
/// depends on its surroundings (a short line inside the article is a subheading, the same line in a footer is a link),
/// and this is where the model sees them. Groups that are switched off read as 0.
/// </summary>
public sealed class ContextFeatureExtractor
{
    private const int ProbabilityBlocks = 14 + ArticleRoot.PerLabel;
    private const int MaxDistance = 64;
    private const int DenseFacts = 26;

    /// <summary>Legal phrases counted in a block at most: two already make a notice.</summary>
    private const int MaxLegalPhrases = 3;
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
    }

    /// <summary>Number of features per block.</summary>
    public int Dimension => (ProbabilityBlocks * _labels) + DenseFacts + _pageTypes;

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
        if (firstStage.Length != n * k || output.Length != n * Dimension || (_pageTypes > 0 && pageType.Length != _pageTypes))
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

        Span<float> cumulative = stackalloc float[k];
        for (var i = 0; i < n; i++)
        {
            var row = output.Slice(i * Dimension, Dimension);
            firstStage.Slice(i * k, k).CopyTo(row);
            var at = k;
            if ((_groups & FeatureGroups.Neighbours) != 0)
            {
                foreach (var offset in (ReadOnlySpan<int>)[-1, 1, -2, 2])
                {
                    var other = i + offset;
                    for (var j = 0; j < k; j++)
                    {
                        row[at + j] = other >= 0 && other < n ? firstStage[(other * k) + j] : -1;
                    }

                    at += k;
                }

                WindowMean(firstStage, k, i, 3, row.Slice(at, k));
                at += k;
                WindowMean(firstStage, k, i, 10, row.Slice(at, k));
                at += k;
                for (var j = 0; j < k; j++)
                {
                    row[at + j] = MathF.Log(1 + Distance(firstStage, k, i, j, -1));
                    row[at + k + j] = MathF.Log(1 + Distance(firstStage, k, i, j, +1));
                }

                at += 2 * k;
            }
            else
            {
                at += 8 * k;
            }

            if (containerMeans is not null)
            {
                if (page[i].Dom is { } dom)
                {
                    containerMeans[dom.ContainerId].AsSpan().CopyTo(row.Slice(at, k));
                }
                else
                {
                    row.Slice(at, k).Fill(-1);
                }

                at += k;
                pageMean.CopyTo(row.Slice(at, k));
                at += k;
                for (var j = 0; j < k; j++)
                {
                    row[at + j] = firstStage[(i * k) + j] - pageMean[j];
                    // Where the block sits relative to each label's mass: before the article, inside it, after it.
                    row[at + k + j] = pageMean[j] <= 0 ? 0 : cumulative[j] / (pageMean[j] * n);
                    cumulative[j] += firstStage[(i * k) + j];
                }

                at += 2 * k;
                coherence.AsSpan(i * k, k).CopyTo(row.Slice(at, k));
                at += k;
                roots.AsSpan(i * k * ArticleRoot.PerLabel, k * ArticleRoot.PerLabel).CopyTo(row.Slice(at, k * ArticleRoot.PerLabel));
                at += k * ArticleRoot.PerLabel;
            }
            else
            {
                at += (5 + ArticleRoot.PerLabel) * k;
            }

            WriteFacts(page, i, row.Slice(at, DenseFacts));
            at += DenseFacts;
            if (_pageTypes > 0)
            {
                pageType.CopyTo(row[at..]);
            }
        }
    }

    private void WriteFacts(PreparedPage page, int i, Span<float> facts)
    {
        var block = page[i];
        var stats = page.Statistics[i];
        var n = page.Count;
        facts[0] = page.Page.Format == InputFormat.Html ? 1 : 0;
        if ((_groups & FeatureGroups.Shape) != 0)
        {
            facts[1] = MathF.Log(1 + stats.WeightedChars);
            facts[2] = MathF.Log(1 + stats.Words);
            facts[3] = stats.AverageWordLength;
            facts[4] = stats.PunctuationRatio;
            facts[5] = stats.DigitRatio;
            facts[6] = stats.UpperRatio;
            facts[7] = stats.CapitalisedWordRatio;
            facts[8] = Math.Min(stats.SentenceEnds, 20);
            facts[9] = (stats.EndsWithSentenceMark ? 1 : 0) + (stats.StartsUpper ? 2 : 0);
            facts[10] = Math.Min(stats.Separators, 10);
            facts[11] = stats.HasCopyrightSign ? 1 : 0;
            facts[12] = (int)block.Kind;
            facts[13] = block.Level;
            facts[14] = page.TotalChars == 0 ? 0 : (float)stats.Chars / page.TotalChars;
        }

        if ((_groups & FeatureGroups.Dom) != 0)
        {
            facts[15] = block.Dom?.LinkTextShare ?? -1;
            facts[16] = block.Dom is { } dom ? MathF.Log(1 + dom.LinkCount) : -1;
            facts[17] = block.Dom?.Depth ?? -1;
            facts[18] = page.ContainerSize(i) is var size and > 0 ? MathF.Log(size) : -1;
        }

        if ((_groups & FeatureGroups.Position) != 0)
        {
            facts[19] = n <= 1 ? 0.5f : (float)i / (n - 1);
            facts[20] = MathF.Log(1 + i);
            facts[21] = MathF.Log(n - i);
            facts[22] = MathF.Log(n);
        }

        facts[23] = block.Dom is null ? 0 : 1;

        // The lexicon that derives the legal label, as a fact the trees can weigh against the context: inside a
        // footer full of links a cookie or copyright notice is still legal, and its words say so in any language.
        if ((_groups & FeatureGroups.Shape) != 0)
        {
            facts[24] = Math.Min(LegalLexicon.CountPhrases(block.Text), MaxLegalPhrases);
        }

        if ((_groups & FeatureGroups.Dom) != 0)
        {
            facts[25] = block.Dom is { } marked ? (LegalLexicon.HasLegalAttribute(marked.AttributeTokens) ? 1 : 0) : -1;
        }
    }

    /// <summary>Blocks from <paramref name="i"/> to the nearest other block whose label-<paramref name="label"/> probability is at least 1/2, capped.</summary>
    private static float Distance(ReadOnlySpan<float> probabilities, int k, int i, int label, int direction)
    {
        var n = probabilities.Length / k;
        for (var step = 1; step <= MaxDistance; step++)
        {
            var other = i + (direction * step);
            if (other < 0 || other >= n)
            {
                return MaxDistance;
            }

            if (probabilities[(other * k) + label] >= 0.5f)
            {
                return step;
            }
        }

        return MaxDistance;
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
}
