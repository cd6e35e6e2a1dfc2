using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// A table of contents repeats an article's headings as links to them (<c>#language-design</c>). Kept, its entries
/// come first, so the duplicate rule dropped the headings themselves: the sections lost their titles and the list of
/// titles stood at the top. An entry that is wholly a link to an anchor on the page and says what a kept heading after
/// it says goes instead (reason "duplicate"), and the heading stays where it is.
/// </summary>
internal static class TableOfContents
{
    /// <summary>Share of an entry's text its anchor link must cover.</summary>
    public const float MinLinkShare = 0.9f;

    /// <summary>Drops the kept entries of a table of contents whose heading is kept after them.</summary>
    public static void Apply(SegmentedPage page, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        var blocks = page.Blocks;
        Dictionary<string, int>? lastHeading = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (kept[i] && blocks[i].Kind == BlockKind.Heading && Key(blocks[i].Text) is { Length: > 0 } key)
            {
                (lastHeading ??= new(StringComparer.Ordinal))[key] = i;
            }
        }

        if (lastHeading is null)
        {
            return;
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (kept[i] && blocks[i].Kind != BlockKind.Heading && IsAnchorEntry(blocks[i], page.BaseUri)
                && lastHeading.TryGetValue(Key(blocks[i].Text), out var heading) && heading > i)
            {
                kept[i] = false;
                reasons[i] = ArticleAssembler.Duplicate;
            }
        }
    }

    /// <summary>
    /// Whether the block is one link to an anchor on the same page (<c>#part</c>, or the page's own address with a
    /// fragment), covering nearly all of its text.
    /// </summary>
    private static bool IsAnchorEntry(Block block, Uri? page)
    {
        if (block.Inlines is not { } inlines)
        {
            return false;
        }

        foreach (var span in inlines)
        {
            if (span.Kind == InlineKind.Link && span.End - span.Start >= MinLinkShare * block.Text.Length && IsOnPage(span.Target.Span, page))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOnPage(ReadOnlySpan<char> target, Uri? page)
    {
        var hash = target.IndexOf('#');
        if (hash < 0 || hash == target.Length - 1)
        {
            return false;
        }

        if (hash == 0)
        {
            return true;
        }

        return page is not null && Uri.TryCreate(page, target[..hash].ToString(), out var address)
            && string.Equals(Document(address), Document(page), StringComparison.OrdinalIgnoreCase);
    }

    private static string Document(Uri address) => address.GetLeftPart(UriPartial.Query).TrimEnd('/');

    private static string Key(string text) => string.Join(' ', WordTokenizer.Tokenize(text));
}
