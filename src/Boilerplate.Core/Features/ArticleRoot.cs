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

    /// <summary>
    /// Writes, for every block of <paramref name="page"/> and label j, at [block, 2j] whether the block is inside label
    /// j's root (1 or 0) and at [block, 2j + 1] the share of the page's characters inside that root, into
    /// <paramref name="output"/> (blocks x 2 labels), given the first stage's probabilities (blocks x labels).
    /// </summary>
    public static void Compute(PageContext page, ReadOnlySpan<float> probabilities, int labels, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(page);
        var n = page.Count;
        var k = labels;
        if (probabilities.Length != n * k || output.Length != n * k * PerLabel)
        {
            throw new ArgumentException("Buffers do not match the page's block count.");
        }

        output.Fill(Absent);
        var elements = 0;
        for (var i = 0; i < n; i++)
        {
            if (page[i].Dom?.Element is { } element)
            {
                elements = Math.Max(elements, element.Id + 1);
            }
        }

        if (elements == 0)
        {
            return;
        }

        // Every element's characters and label mass, summed up each block's chain of ancestors.
        var chars = new float[elements];
        var mass = new float[elements * k];
        var depth = new int[elements];
        Span<float> total = stackalloc float[k];
        var totalChars = 0f;
        for (var i = 0; i < n; i++)
        {
            if (page[i].Dom?.Element is not { } element)
            {
                continue;
            }

            var blockChars = page.Statistics[i].WeightedChars;
            totalChars += blockChars;
            for (var j = 0; j < k; j++)
            {
                total[j] += blockChars * probabilities[(i * k) + j];
            }

            for (var e = Holder(element); e is not null; e = e.Parent)
            {
                depth[e.Id] = e.Depth;
                chars[e.Id] += blockChars;
                for (var j = 0; j < k; j++)
                {
                    mass[(e.Id * k) + j] += blockChars * probabilities[(i * k) + j];
                }
            }
        }

        // Elements holding a majority of a label's mass form one chain from the root; its deepest one is the root.
        Span<int> roots = stackalloc int[k];
        roots.Fill(-1);
        for (var e = 0; e < elements; e++)
        {
            for (var j = 0; j < k; j++)
            {
                if (total[j] > 0 && mass[(e * k) + j] > total[j] / 2 && (roots[j] < 0 || depth[e] > depth[roots[j]]))
                {
                    roots[j] = e;
                }
            }
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

                output[at] = Contains(Holder(element), roots[j], depth[roots[j]]) ? 1 : 0;
                output[at + 1] = totalChars <= 0 ? 0 : chars[roots[j]] / totalChars;
            }
        }
    }

    /// <summary>
    /// Masses count from the element that holds the block: a root is a container, so one paragraph with most of the
    /// article's words does not become the root and leave its sibling paragraphs outside.
    /// </summary>
    private static DomElement Holder(DomElement element) => element.Parent ?? element;

    private static bool Contains(DomElement element, int rootId, int rootDepth)
    {
        for (var e = element; e is not null && e.Depth >= rootDepth; e = e.Parent)
        {
            if (e.Id == rootId)
            {
                return true;
            }
        }

        return false;
    }
}
