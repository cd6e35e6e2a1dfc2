using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Features;

/// <summary>
/// For each label, the element where most of the page's text of that label sits, as the first stage sees it: the
/// deepest container holding more than half of the label's character mass (characters x probability). Readability
/// keeps the subtree of its best-scoring element; here that choice is one more fact for the second stage: whether
/// the block lies inside each label's root, and how much of the page's text that root holds (a narrow root means a
/// clear article container, a root near the page's top means the label's text is spread out). A long dialogue line
/// deep in a chapter's container and a "related stories" teaser after it differ here even when their neighbours and
/// shapes do not. Text input has no elements and reads as <see cref="Absent"/>.
/// </summary>
public static class ArticleRoot
{
    /// <summary>Written for a block without markup.</summary>
    public const float Absent = -1;

    /// <summary>Features per label.</summary>
    public const int PerLabel = 2;

    /// <summary>A label's root holds more than this share of its mass.</summary>
    private const float RootShare = 0.5f;

    /// <summary>
    /// Writes, for every block of <paramref name="page"/> and label j, at [block, 2j] whether the block is inside label
    /// j's root (1 or 0) and at [block, 2j + 1] the share of the page's characters inside that root, into
    /// <paramref name="output"/> (blocks x 2 labels), given the first stage's probabilities (blocks x labels).
    /// </summary>
    public static void Compute(PreparedPage page, ReadOnlySpan<float> probabilities, int labels, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(page);
        var n = page.Count;
        var k = labels;
        if (probabilities.Length != n * k || output.Length != n * k * PerLabel)
        {
            throw new ArgumentException("Buffers do not match the page's block count.");
        }

        output.Fill(Absent);
        var chars = new float[n];
        for (var i = 0; i < n; i++)
        {
            chars[i] = page.Statistics[i].WeightedChars;
        }

        if (ElementMass.Build(page.Page.Blocks, chars, probabilities, k) is not { } mass)
        {
            return;
        }

        Span<int> roots = stackalloc int[k];
        for (var j = 0; j < k; j++)
        {
            roots[j] = mass.Root(j, RootShare);
        }

        for (var i = 0; i < n; i++)
        {
            if (page[i].Dom?.Element is not { } element)
            {
                continue;
            }

            for (var j = 0; j < k; j++)
            {
                var at = (i * k * PerLabel) + (j * PerLabel);
                if (roots[j] < 0)
                {
                    output[at] = 0;
                    output[at + 1] = 0;
                    continue;
                }

                output[at] = mass.Contains(element, roots[j]) ? 1 : 0;
                output[at + 1] = mass.CharShare(roots[j]);
            }
        }
    }
}
