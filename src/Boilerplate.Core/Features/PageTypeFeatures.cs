using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Features;

/// <summary>
/// Features of a whole page for telling its type (article, forum, product, collection, listing, documentation,
/// service): how its text is shaped (how much is prose, lists, links, prices, code, headings), the tokens of its URL
/// path, and the class/id tokens and tags of its blocks. Every value is bucketed or counted into hashed features, so
/// the page-type model is one more linear model over the same sparse space as the first stage; nothing here depends
/// on a language.
/// </summary>
public static class PageTypeFeatures
{
    /// <summary>Blocks read for markup tokens: the type shows long before the end of a long page.</summary>
    private const int MaxBlocksForMarkup = 1500;

    /// <summary>Attribute tokens read per block, nearest first: a block's own class and its container's.</summary>
    private const int TokensPerBlock = 4;

    private const int MaxUrlTokens = 16;

    private static readonly uint ShapeSpace = FeatureHasher.Namespace("pt-shape");
    private static readonly uint UrlSpace = FeatureHasher.Namespace("pt-url");
    private static readonly uint MarkupSpace = FeatureHasher.Namespace("pt-attr");
    private static readonly uint TagSpace = FeatureHasher.Namespace("pt-tag");
    private static readonly uint BiasToken = FeatureHasher.Namespace("pt-bias");

    /// <summary>Writes the features of <paramref name="page"/> into <paramref name="into"/> (cleared first).</summary>
    public static void Extract(PreparedPage page, SparseFeatures into)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(into);
        into.Clear();
        into.Add(BiasToken);
        into.BeginGroup();
        Shape(page, into);
        into.EndGroup();
        Url(page.Page.Url, into);
        into.EndGroup();
        Markup(page, into);
        into.EndGroup();
    }

    private static void Shape(PreparedPage page, SparseFeatures into)
    {
        var n = page.Count;
        into.Add(FeatureHasher.Add(ShapeSpace, page.Page.Format == InputFormat.Html ? "html" : "text"));
        Bucket(into, "blocks", Log2(n));
        if (n == 0)
        {
            return;
        }

        int lists = 0, rows = 0, headings = 0, code = 0, prose = 0, prices = 0, shortBlocks = 0, linked = 0;
        long words = 0, proseChars = 0, linkChars = 0, longest = 0;
        for (var i = 0; i < n; i++)
        {
            var block = page[i];
            var stats = page.Statistics[i];
            words += stats.Words;
            longest = Math.Max(longest, stats.Chars);
            switch (block.Kind)
            {
                case BlockKind.ListItem: lists++; break;
                case BlockKind.TableRow: rows++; break;
                case BlockKind.Heading: headings++; break;
                case BlockKind.Code: code++; break;
            }

            if (stats.SentenceEnds >= 2 || stats.Words >= 40)
            {
                prose++;
                proseChars += stats.Chars;
            }

            if (stats.Words <= 4)
            {
                shortBlocks++;
            }

            if (HasPrice(block.Text))
            {
                prices++;
            }

            if (block.Dom is { } dom)
            {
                linkChars += (long)(dom.LinkTextShare * stats.Chars);
                linked += dom.LinkTextShare >= 0.8f ? 1 : 0;
            }
        }

        var total = Math.Max(1, page.TotalChars);
        Bucket(into, "words", Log2((int)Math.Min(int.MaxValue, words)));
        Bucket(into, "lists", Tenth(lists, n));
        Bucket(into, "rows", Tenth(rows, n));
        Bucket(into, "headings", Tenth(headings, n));
        Bucket(into, "code", Math.Min(code, 8));
        Bucket(into, "prose", Tenth(prose, n));
        Bucket(into, "prose-chars", Tenth(proseChars, total));
        Bucket(into, "short", Tenth(shortBlocks, n));
        Bucket(into, "prices", Math.Min(prices, 12));
        Bucket(into, "price-share", Tenth(prices, n));
        Bucket(into, "longest", Tenth(longest, total));
        if (page.Page.Format == InputFormat.Html)
        {
            Bucket(into, "link-chars", Tenth(linkChars, total));
            Bucket(into, "linked", Tenth(linked, n));
        }
    }

    private static void Url(string? url, SparseFeatures into)
    {
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            into.Add(FeatureHasher.Add(UrlSpace, "(none)"));
            return;
        }

        var path = uri.AbsolutePath.ToLowerInvariant();
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Bucket(into, "depth", Math.Min(segments.Length, 6), UrlSpace);
        var tokens = 0;
        foreach (var segment in segments)
        {
            foreach (var token in segment.Split(['-', '_', '.', '+', '%', '~', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (tokens++ >= MaxUrlTokens)
                {
                    return;
                }

                // Numbers say "an item with an id" (a thread, a product); their values say nothing.
                into.Add(FeatureHasher.Add(UrlSpace, token.All(char.IsAsciiDigit) ? "#" : token));
            }
        }

        if (!string.IsNullOrEmpty(uri.Query))
        {
            into.Add(FeatureHasher.Add(UrlSpace, "?"));
        }
    }

    private static void Markup(PreparedPage page, SparseFeatures into)
    {
        var limit = Math.Min(page.Count, MaxBlocksForMarkup);
        for (var i = 0; i < limit; i++)
        {
            if (page[i].Dom is not { } dom)
            {
                continue;
            }

            into.Add(FeatureHasher.Add(TagSpace, dom.Tag));
            var tokens = dom.AttributeTokens.AsSpan();
            for (var taken = 0; taken < TokensPerBlock && tokens.Length > 0; taken++)
            {
                var space = tokens.IndexOf(' ');
                var token = space < 0 ? tokens : tokens[..space];
                if (token.Length > 1)
                {
                    into.Add(FeatureHasher.Add(MarkupSpace, token));
                }

                tokens = space < 0 ? [] : tokens[(space + 1)..];
            }
        }
    }

    /// <summary>A currency sign or code next to a number: product and collection pages are full of them.</summary>
    private static bool HasPrice(string text)
    {
        if (text.Length > 200)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '$' or '€' or '£' or '¥' or '₹' or '₽' or '₩' or '₺' or '₫' or '₪' or '฿')
            {
                var before = i > 0 && char.IsAsciiDigit(text[i - 1]);
                var after = i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] == ' ' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2])));
                if (before || after)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Bucket(SparseFeatures into, string name, int bucket, uint? space = null) =>
        into.Add(FeatureHasher.Add(FeatureHasher.Add(space ?? ShapeSpace, name), bucket));

    private static int Log2(int value) => value <= 0 ? 0 : 1 + (int)Math.Log2(value);

    private static int Tenth(long part, long whole) => whole <= 0 ? 0 : (int)Math.Min(10, part * 10 / whole);
}
