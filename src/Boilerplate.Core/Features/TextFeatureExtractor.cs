using System.Buffers;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Features;

/// <summary>
/// First-stage features of one block: hashed words, word pairs and character 3-grams of its text, bucketed shape,
/// markup and position tokens, and the shape and tag of its neighbours. No word lists: everything is learnt, and
/// character n-grams carry scripts written without spaces (Chinese, Japanese) as well as spaced ones.
/// </summary>
public sealed class TextFeatureExtractor
{
    /// <summary>Characters of a block that feed character n-grams; the start of a paragraph says enough.</summary>
    private const int MaxNgramChars = 200;

    /// <summary>Word tokens of a block that feed word features.</summary>
    private const int MaxWords = 64;

    private static readonly uint WordSpace = FeatureHasher.Namespace("w");
    private static readonly uint PairSpace = FeatureHasher.Namespace("ww");
    private static readonly uint CharSpace = FeatureHasher.Namespace("c3");
    private static readonly uint ShapeSpace = FeatureHasher.Namespace("shape");
    private static readonly uint DomSpace = FeatureHasher.Namespace("dom");
    private static readonly uint PositionSpace = FeatureHasher.Namespace("pos");
    private static readonly uint NeighbourSpace = FeatureHasher.Namespace("nb");
    private static readonly uint BiasToken = FeatureHasher.Namespace("bias");

    private readonly FeatureGroups _groups;

    /// <summary>Creates an extractor of the given feature groups.</summary>
    public TextFeatureExtractor(FeatureGroups groups)
    {
        _groups = groups;
    }

    /// <summary>Writes the features of block <paramref name="index"/> of <paramref name="page"/> into <paramref name="output"/> (cleared first).</summary>
    public void Extract(PreparedPage page, int index, SparseFeatures output)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        output.Clear();
        var block = page[index];
        var stats = page.Statistics[index];
        var hasMarkup = page.Page.Format == InputFormat.Html;
        output.Add(FeatureHasher.Add(BiasToken, hasMarkup ? 1 : 0));

        if ((_groups & (FeatureGroups.Words | FeatureGroups.CharNgrams)) != 0)
        {
            AddText(block.Text, output);
        }

        if ((_groups & FeatureGroups.Shape) != 0)
        {
            output.BeginGroup();
            AddShape(ShapeSpace, block, stats, output, hasMarkup);
            output.EndGroup();
        }

        if ((_groups & FeatureGroups.Dom) != 0)
        {
            output.BeginGroup();
            AddDom(block.Dom, output);
            output.EndGroup();
        }

        if ((_groups & FeatureGroups.Position) != 0)
        {
            output.BeginGroup();
            AddPosition(index, page.Count, output);
            output.EndGroup();
        }

        if ((_groups & FeatureGroups.Neighbours) != 0)
        {
            output.BeginGroup();
            for (var offset = -1; offset <= 1; offset += 2)
            {
                var at = index + offset;
                var space = FeatureHasher.Add(NeighbourSpace, offset);
                if (at < 0 || at >= page.Count)
                {
                    output.Add(FeatureHasher.Add(space, "none"));
                    continue;
                }

                AddShape(space, page[at], page.Statistics[at], output, hasMarkup);
                if (page[at].Dom is { } dom)
                {
                    output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "tag"), dom.Tag));
                    output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "link"), Bucket(dom.LinkTextShare)));
                    output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "same"), block.Dom?.ContainerId == dom.ContainerId ? 1 : 0));
                }
            }

            output.EndGroup();
        }
    }

    private void AddText(string text, SparseFeatures output)
    {
        // Lower-case, digits folded to 0 (years and prices generalise), whitespace runs to one space, padded.
        var length = Math.Min(text.Length, 4 * MaxNgramChars);
        var buffer = ArrayPool<char>.Shared.Rent(length + 2);
        try
        {
            var n = 0;
            buffer[n++] = ' ';
            foreach (var c in text.AsSpan(0, length))
            {
                var folded = char.IsDigit(c) ? '0' : char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
                if (folded == ' ' && buffer[n - 1] == ' ')
                {
                    continue;
                }

                buffer[n++] = folded;
            }

            if (buffer[n - 1] != ' ')
            {
                buffer[n++] = ' ';
            }

            var normalised = buffer.AsSpan(0, n);
            if ((_groups & FeatureGroups.CharNgrams) != 0)
            {
                output.BeginGroup();
                var grams = Math.Min(n, MaxNgramChars) - 2;
                for (var i = 0; i < grams; i++)
                {
                    output.Add(FeatureHasher.Add(CharSpace, normalised.Slice(i, 3)));
                }

                output.EndGroup();
            }

            if ((_groups & FeatureGroups.Words) != 0)
            {
                output.BeginGroup();
                AddWords(normalised, output);
                output.EndGroup();
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void AddWords(ReadOnlySpan<char> text, SparseFeatures output)
    {
        var words = 0;
        var previous = 0u;
        var start = -1;
        for (var i = 0; i <= text.Length && words < MaxWords; i++)
        {
            if (i < text.Length && WordTokenizer.IsWordChar(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start < 0)
            {
                continue;
            }

            var word = text[start..i];
            var hash = FeatureHasher.Add(WordSpace, word);
            output.Add(hash);
            if (previous != 0)
            {
                output.Add(FeatureHasher.Add(FeatureHasher.Add(PairSpace, (int)previous), word));
            }

            previous = hash;
            words++;
            start = -1;
        }
    }

    private static void AddShape(uint space, Block block, BlockStatistics stats, SparseFeatures output, bool hasMarkup)
    {
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "kind"), (int)block.Kind * 8 + Math.Min(block.Level, 7)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "chars"), Log2Bucket(stats.WeightedChars)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "words"), Log2Bucket(stats.Words)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "wlen"), (int)Math.Min(stats.AverageWordLength, 15)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "punct"), Bucket(stats.PunctuationRatio * 4)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "digit"), Bucket(stats.DigitRatio * 4)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "upper"), Bucket(stats.UpperRatio)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "capw"), Bucket(stats.CapitalisedWordRatio)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "sent"), Math.Min(stats.SentenceEnds, 6)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "end"), (stats.EndsWithSentenceMark ? 1 : 0) + (stats.StartsUpper ? 2 : 0)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "sep"), Math.Min(stats.Separators, 4)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, "copy"), stats.HasCopyrightSign ? 1 : 0));
        // The same shape means different things with and without markup (a text dump splits menus into lines).
        output.Add(FeatureHasher.Add(FeatureHasher.Add(space, hasMarkup ? "html-chars" : "text-chars"), Log2Bucket(stats.WeightedChars)));
    }

    private static void AddDom(BlockDom? dom, SparseFeatures output)
    {
        if (dom is null)
        {
            output.Add(FeatureHasher.Add(DomSpace, "none"));
            return;
        }

        output.Add(FeatureHasher.Add(FeatureHasher.Add(DomSpace, "tag"), dom.Tag));
        var ancestors = dom.AncestorTags.AsSpan();
        var parent = ancestors.LastIndexOf(' ') is var cut and >= 0 ? ancestors[(cut + 1)..] : ancestors;
        output.Add(FeatureHasher.Add(FeatureHasher.Add(DomSpace, "parent"), parent));
        foreach (var range in ancestors.Split(' '))
        {
            var tag = ancestors[range];
            if (tag.Length > 0 && tag is not "html" and not "body" and not "div" and not "span")
            {
                output.Add(FeatureHasher.Add(FeatureHasher.Add(DomSpace, "anc"), tag), 0.5f);
            }
        }

        var attributes = dom.AttributeTokens.AsSpan();
        var position = 0;
        foreach (var range in attributes.Split(' '))
        {
            var token = attributes[range];
            if (token.Length < 2)
            {
                continue;
            }

            // The block's own and nearest ancestors' classes say most; farther ones still say something.
            var near = position++ < 6;
            output.Add(FeatureHasher.Add(FeatureHasher.Add(DomSpace, near ? "attr-near" : "attr"), token), near ? 1f : 0.5f);
        }

        output.Add(FeatureHasher.Add(FeatureHasher.Add(DomSpace, "link"), Bucket(dom.LinkTextShare)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(DomSpace, "links"), Math.Min(dom.LinkCount, 6)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(DomSpace, "depth"), Math.Min(dom.Depth / 3, 12)));
    }

    private static void AddPosition(int index, int count, SparseFeatures output)
    {
        output.Add(FeatureHasher.Add(FeatureHasher.Add(PositionSpace, "rel"), count <= 1 ? -1 : index * 10 / count));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(PositionSpace, "from-start"), Log2Bucket(index)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(PositionSpace, "from-end"), Log2Bucket(count - 1 - index)));
        output.Add(FeatureHasher.Add(FeatureHasher.Add(PositionSpace, "page"), Log2Bucket(count)));
    }

    /// <summary>0..4 for a share in 0..1 (0, under .2, under .5, under .8, above).</summary>
    private static int Bucket(float share) => share <= 0 ? 0 : share < 0.2f ? 1 : share < 0.5f ? 2 : share < 0.8f ? 3 : 4;

    private static int Log2Bucket(int value) => value <= 0 ? 0 : 1 + System.Numerics.BitOperations.Log2((uint)value);
}
