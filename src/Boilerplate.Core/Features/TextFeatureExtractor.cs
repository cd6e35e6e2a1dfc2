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

    // Every keyed namespace hashed once: the same few names are otherwise hashed again for every block.
    private static readonly ShapeKeys BlockShape = new(ShapeSpace);
    private static readonly NeighbourKeys[] Neighbours = [new(FeatureHasher.Add(NeighbourSpace, -1)), new(FeatureHasher.Add(NeighbourSpace, 1))];
    private static readonly uint DomNone = FeatureHasher.Add(DomSpace, "none");
    private static readonly uint DomTag = FeatureHasher.Add(DomSpace, "tag");
    private static readonly uint DomParent = FeatureHasher.Add(DomSpace, "parent");
    private static readonly uint DomAncestor = FeatureHasher.Add(DomSpace, "anc");
    private static readonly uint DomNearAttribute = FeatureHasher.Add(DomSpace, "attr-near");
    private static readonly uint DomAttribute = FeatureHasher.Add(DomSpace, "attr");
    private static readonly uint DomLink = FeatureHasher.Add(DomSpace, "link");
    private static readonly uint DomLinks = FeatureHasher.Add(DomSpace, "links");
    private static readonly uint DomDepth = FeatureHasher.Add(DomSpace, "depth");
    private static readonly uint PositionRelative = FeatureHasher.Add(PositionSpace, "rel");
    private static readonly uint PositionFromStart = FeatureHasher.Add(PositionSpace, "from-start");
    private static readonly uint PositionFromEnd = FeatureHasher.Add(PositionSpace, "from-end");
    private static readonly uint PositionPage = FeatureHasher.Add(PositionSpace, "page");

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
            AddShape(BlockShape, block, stats, output, hasMarkup);
            output.EndGroup();
        }

        if ((_groups & FeatureGroups.Dom) != 0)
        {
            output.BeginGroup();
            AddDom(block.Dom, output, page.MarkupTokens);
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
            for (var side = 0; side < 2; side++)
            {
                var at = index + (side == 0 ? -1 : 1);
                var keys = Neighbours[side];
                if (at < 0 || at >= page.Count)
                {
                    output.Add(keys.None);
                    continue;
                }

                AddShape(keys.Shape, page[at], page.Statistics[at], output, hasMarkup);
                if (page[at].Dom is { } dom)
                {
                    output.Add(FeatureHasher.Add(keys.Tag, dom.Tag));
                    output.Add(FeatureHasher.Add(keys.Link, Bucket(dom.LinkTextShare)));
                    output.Add(FeatureHasher.Add(keys.Same, block.Dom?.ContainerId == dom.ContainerId ? 1 : 0));
                }
            }

            output.EndGroup();
        }
    }

    private void AddText(string text, SparseFeatures output)
    {
        // Lower-case, digits folded to 0 (years and prices generalise), whitespace runs to one space, padded.
        var length = Math.Min(text.Length, 4 * MaxNgramChars);
        var buffer = ArrayPool<char>.Shared.Rent((2 * length) + 2);
        try
        {
            // One call lower-cases the span (per character, text outside ASCII costs a call into ICU each); a
            // surrogate keeps its own code unit, as lower-casing it alone would.
            var source = text.AsSpan(0, length);
            var lower = buffer.AsSpan(length + 2, length);
            source.ToLowerInvariant(lower);
            var n = 0;
            buffer[n++] = ' ';
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                var folded = char.IsDigit(c) ? '0' : char.IsWhiteSpace(c) ? ' ' : char.IsSurrogate(c) ? c : lower[i];
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
                    output.Add(FeatureHasher.Add(FeatureHasher.Add(FeatureHasher.Add(CharSpace, normalised[i]), normalised[i + 1]), normalised[i + 2]));
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

    private static void AddShape(ShapeKeys keys, Block block, BlockStatistics stats, SparseFeatures output, bool hasMarkup)
    {
        output.Add(FeatureHasher.Add(keys.Kind, (int)block.Kind * 8 + Math.Min(block.Level, 7)));
        output.Add(FeatureHasher.Add(keys.Chars, Log2Bucket(stats.WeightedChars)));
        output.Add(FeatureHasher.Add(keys.Words, Log2Bucket(stats.Words)));
        output.Add(FeatureHasher.Add(keys.WordLength, (int)Math.Min(stats.AverageWordLength, 15)));
        output.Add(FeatureHasher.Add(keys.Punctuation, Bucket(stats.PunctuationRatio * 4)));
        output.Add(FeatureHasher.Add(keys.Digits, Bucket(stats.DigitRatio * 4)));
        output.Add(FeatureHasher.Add(keys.Upper, Bucket(stats.UpperRatio)));
        output.Add(FeatureHasher.Add(keys.CapitalisedWords, Bucket(stats.CapitalisedWordRatio)));
        output.Add(FeatureHasher.Add(keys.Sentences, Math.Min(stats.SentenceEnds, 6)));
        output.Add(FeatureHasher.Add(keys.Ends, (stats.EndsWithSentenceMark ? 1 : 0) + (stats.StartsUpper ? 2 : 0)));
        output.Add(FeatureHasher.Add(keys.Separators, Math.Min(stats.Separators, 4)));
        output.Add(FeatureHasher.Add(keys.Copyright, stats.HasCopyrightSign ? 1 : 0));
        // The same shape means different things with and without markup (a text dump splits menus into lines).
        output.Add(FeatureHasher.Add(hasMarkup ? keys.HtmlChars : keys.TextChars, Log2Bucket(stats.WeightedChars)));
    }

    private static void AddDom(BlockDom? dom, SparseFeatures output, MarkupTokenMemo memo)
    {
        if (dom is null)
        {
            output.Add(DomNone);
            return;
        }

        output.Add(FeatureHasher.Add(DomTag, dom.Tag));
        if (!memo.TryAddTo(output, dom.AncestorTags, dom.AttributeTokens))
        {
            var start = output.Count;
            AddMarkupTokens(dom, output);
            memo.Remember(output, start, dom.AncestorTags, dom.AttributeTokens);
        }

        output.Add(FeatureHasher.Add(DomLink, Bucket(dom.LinkTextShare)));
        output.Add(FeatureHasher.Add(DomLinks, Math.Min(dom.LinkCount, 6)));
        output.Add(FeatureHasher.Add(DomDepth, Math.Min(dom.Depth / 3, 12)));
    }

    /// <summary>The parent, ancestor tags and class and id tokens: the part of a block's markup its container's blocks share.</summary>
    private static void AddMarkupTokens(BlockDom dom, SparseFeatures output)
    {
        var ancestors = dom.AncestorTags.AsSpan();
        var parent = ancestors.LastIndexOf(' ') is var cut and >= 0 ? ancestors[(cut + 1)..] : ancestors;
        output.Add(FeatureHasher.Add(DomParent, parent));
        foreach (var range in ancestors.Split(' '))
        {
            var tag = ancestors[range];
            if (tag.Length > 0 && tag is not "html" and not "body" and not "div" and not "span")
            {
                output.Add(FeatureHasher.Add(DomAncestor, tag), 0.5f);
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
            output.Add(FeatureHasher.Add(near ? DomNearAttribute : DomAttribute, token), near ? 1f : 0.5f);
        }
    }

    private static void AddPosition(int index, int count, SparseFeatures output)
    {
        output.Add(FeatureHasher.Add(PositionRelative, count <= 1 ? -1 : index * 10 / count));
        output.Add(FeatureHasher.Add(PositionFromStart, Log2Bucket(index)));
        output.Add(FeatureHasher.Add(PositionFromEnd, Log2Bucket(count - 1 - index)));
        output.Add(FeatureHasher.Add(PositionPage, Log2Bucket(count)));
    }

    /// <summary>0..4 for a share in 0..1 (0, under .2, under .5, under .8, above).</summary>
    private static int Bucket(float share) => share <= 0 ? 0 : share < 0.2f ? 1 : share < 0.5f ? 2 : share < 0.8f ? 3 : 4;

    private static int Log2Bucket(int value) => value <= 0 ? 0 : 1 + System.Numerics.BitOperations.Log2((uint)value);

    /// <summary>The shape features' namespaces under one prefix (the block's own, or a neighbour's).</summary>
    private sealed class ShapeKeys(uint space)
    {
        public uint Kind { get; } = FeatureHasher.Add(space, "kind");
        public uint Chars { get; } = FeatureHasher.Add(space, "chars");
        public uint Words { get; } = FeatureHasher.Add(space, "words");
        public uint WordLength { get; } = FeatureHasher.Add(space, "wlen");
        public uint Punctuation { get; } = FeatureHasher.Add(space, "punct");
        public uint Digits { get; } = FeatureHasher.Add(space, "digit");
        public uint Upper { get; } = FeatureHasher.Add(space, "upper");
        public uint CapitalisedWords { get; } = FeatureHasher.Add(space, "capw");
        public uint Sentences { get; } = FeatureHasher.Add(space, "sent");
        public uint Ends { get; } = FeatureHasher.Add(space, "end");
        public uint Separators { get; } = FeatureHasher.Add(space, "sep");
        public uint Copyright { get; } = FeatureHasher.Add(space, "copy");
        public uint HtmlChars { get; } = FeatureHasher.Add(space, "html-chars");
        public uint TextChars { get; } = FeatureHasher.Add(space, "text-chars");
    }

    /// <summary>A neighbour's namespaces: its shape, tag, link share and whether it shares the block's container.</summary>
    private sealed class NeighbourKeys(uint space)
    {
        public ShapeKeys Shape { get; } = new(space);
        public uint None { get; } = FeatureHasher.Add(space, "none");
        public uint Tag { get; } = FeatureHasher.Add(space, "tag");
        public uint Link { get; } = FeatureHasher.Add(space, "link");
        public uint Same { get; } = FeatureHasher.Add(space, "same");
    }
}
