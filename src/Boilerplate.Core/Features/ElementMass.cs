using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Features;

/// <summary>
/// How a page's text, under one or more weightings of its blocks, spreads over the elements that hold it: each
/// block's characters times its weight are summed up its chain of ancestors, so the deepest element holding more
/// than a given share of a weighting's mass is one pass over the elements. The second stage's article root (weights:
/// the first stage's probabilities, <see cref="ArticleRoot"/>) and the article assembler's article container (weight: kept or
/// not) both ask it.
/// </summary>
internal sealed class ElementMass
{
    private readonly int _weightings;
    private readonly float[] _chars;
    private readonly float[] _mass;
    private readonly int[] _depth;
    private readonly float[] _total;

    private ElementMass(int elements, int weightings)
    {
        _weightings = weightings;
        _chars = new float[elements];
        _mass = new float[elements * weightings];
        _depth = new int[elements];
        _total = new float[weightings];
    }

    /// <summary>Characters in all blocks that have an element.</summary>
    public float TotalChars { get; private set; }

    /// <summary>
    /// Sums <paramref name="chars"/> (one per block) times <paramref name="weights"/> (blocks x
    /// <paramref name="weightings"/>) over <paramref name="blocks"/>' elements; null when no block has one (text input).
    /// </summary>
    public static ElementMass? Build(IReadOnlyList<Block> blocks, ReadOnlySpan<float> chars, ReadOnlySpan<float> weights, int weightings)
    {
        var n = blocks.Count;
        if (chars.Length != n || weights.Length != n * weightings)
        {
            throw new ArgumentException("Buffers do not match the page's block count.");
        }

        var elements = 0;
        for (var i = 0; i < n; i++)
        {
            if (blocks[i].Dom?.Element is { } element)
            {
                elements = Math.Max(elements, element.Id + 1);
            }
        }

        if (elements == 0)
        {
            return null;
        }

        var result = new ElementMass(elements, weightings);
        for (var i = 0; i < n; i++)
        {
            if (blocks[i].Dom?.Element is not { } element)
            {
                continue;
            }

            var blockChars = chars[i];
            result.TotalChars += blockChars;
            for (var j = 0; j < weightings; j++)
            {
                result._total[j] += blockChars * weights[(i * weightings) + j];
            }

            for (var e = Holder(element); e is not null; e = e.Parent)
            {
                result._depth[e.Id] = e.Depth;
                result._chars[e.Id] += blockChars;
                for (var j = 0; j < weightings; j++)
                {
                    result._mass[(e.Id * weightings) + j] += blockChars * weights[(i * weightings) + j];
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The deepest element holding more than <paramref name="share"/> of weighting <paramref name="weighting"/>'s
    /// mass, or -1 when that weighting has none. For shares of a half or more those elements form one chain from the
    /// root, so the deepest is well defined.
    /// </summary>
    public int Root(int weighting, float share)
    {
        var root = -1;
        var total = _total[weighting];
        if (total <= 0)
        {
            return root;
        }

        for (var e = 0; e < _depth.Length; e++)
        {
            if (_mass[(e * _weightings) + weighting] > total * share && (root < 0 || _depth[e] > _depth[root]))
            {
                root = e;
            }
        }

        return root;
    }

    /// <summary>Share of the page's characters inside element <paramref name="element"/>.</summary>
    public float CharShare(int element) => TotalChars <= 0 ? 0 : _chars[element] / TotalChars;

    /// <summary>Whether the block whose element is <paramref name="element"/> lies inside element <paramref name="root"/>.</summary>
    public bool Contains(DomElement element, int root)
    {
        var rootDepth = _depth[root];
        for (var e = Holder(element); e is not null && e.Depth >= rootDepth; e = e.Parent)
        {
            if (e.Id == root)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Masses count from the element that holds the block: a root is a container, so one paragraph with most of the
    /// text does not become the root and leave its sibling paragraphs outside.
    /// </summary>
    private static DomElement Holder(DomElement element) => element.Parent ?? element;
}
