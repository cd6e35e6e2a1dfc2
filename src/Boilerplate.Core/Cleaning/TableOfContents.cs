using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// A table of contents repeats an article's headings as links to them (<c>#language-design</c>). Kept, its entries
/// come first, so the duplicate rule dropped the headings themselves: the sections lost their titles and the list of
/// titles stood at the top. An entry that is wholly a link to an anchor on the page and says what a kept heading after
/// it says goes instead (reason "duplicate"), and the heading stays where it is. Text has neither links nor headings,
/// so there the table is told by its order: a run of at least <see cref="MinTextEntries"/> short kept lines, each said
/// again later, in the same order, by a kept line that opens a section (a long paragraph follows it).
/// </summary>
internal static class TableOfContents
{
    /// <summary>Share of an entry's text its anchor link must cover.</summary>
    public const float MinLinkShare = 0.9f;

    /// <summary>Fewest lines in a row that make a table of contents in text.</summary>
    public const int MinTextEntries = 3;

    /// <summary>Longest line read as an entry in text.</summary>
    public const int MaxEntryChars = 100;

    /// <summary>Shortest paragraph after a line's later copy for that copy to open a section.</summary>
    public const int MinSectionChars = 150;

    /// <summary>Drops the kept entries of a table of contents whose heading is kept after them.</summary>
    public static void Apply(SegmentedPage page, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        if (page.Format != InputFormat.Html)
        {
            ApplyToText(page.Blocks, kept, reasons, cancellationToken);
            return;
        }

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

    private static void ApplyToText(IReadOnlyList<Block> blocks, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        // For each short kept line, the kept line that says it next when that one opens a section; -1 otherwise.
        var n = blocks.Count;
        var keys = new string[n];
        var next = new int[n];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = n - 1; i >= 0; i--)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            keys[i] = blocks[i].Text.Length <= MaxEntryChars ? Key(blocks[i].Text) : string.Empty;
            next[i] = -1;
            if (keys[i].Length == 0)
            {
                continue;
            }

            if (kept[i] && seen.TryGetValue(keys[i], out var copy) && kept[copy] && copy + 1 < n && blocks[copy + 1].Text.Length >= MinSectionChars)
            {
                next[i] = copy;
            }

            seen[keys[i]] = i;
        }

        for (var start = 0; start < n;)
        {
            var end = start;
            while (end < n && next[end] >= 0 && (end == start || next[end] > next[end - 1]))
            {
                end++;
            }

            if (end - start >= MinTextEntries)
            {
                for (var i = start; i < end; i++)
                {
                    kept[i] = false;
                    reasons[i] = ArticleAssembler.Duplicate;
                }
            }

            start = Math.Max(end, start + 1);
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
