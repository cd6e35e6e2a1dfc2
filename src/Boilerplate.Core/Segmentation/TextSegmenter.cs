using System.Text;
using System.Text.RegularExpressions;
using Boilerplate.Core.Errors;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Splits plain text, or paragraphs the caller already split, into blocks. Text has no DOM, so every block's
/// <see cref="Block.Dom"/> is null and the kinds come from cheap, unambiguous line cues only.
/// </summary>
/// <remarks>
/// Paragraphs are separated by blank lines; text without any blank line is split at every line break, except where
/// the next line carries on a sentence (<see cref="Reflow"/>); a line longer than <see cref="MaxLineChars"/> is split
/// into its sentences (<see cref="SplitLongLine"/>). A short first
/// paragraph (at most <see cref="MaxTitleChars"/> characters, not ending like a sentence, with more text after it)
/// is the title, and stays in the blocks as a level-1 heading so the model can label it. Markdown-like cues are read
/// where they cannot mislead: "# " headings, "- ", "* ", "+ ", "1. ", "1) " list items, "> " quotes. Their markers are
/// removed from the text because the Markdown output puts its own back.
/// </remarks>
public sealed partial class TextSegmenter
{
    /// <summary>Longest first paragraph taken as a title.</summary>
    public const int MaxTitleChars = 150;

    /// <summary>
    /// Longest line of text without blank lines read as one paragraph; longer ones are split into sentences, or an
    /// article's HTML source at its block elements.
    /// </summary>
    public const int MaxLineChars = 2_000;

    /// <summary>Paragraph tags an overlong line opening with a block element's tag needs to be read as HTML source.</summary>
    private const int MinSourceParagraphs = 3;

    private readonly SegmentationLimits _limits;
    private readonly bool _repairLineBreaks;

    /// <summary>
    /// Creates a segmenter bounded by <paramref name="limits"/> (the defaults when null). With
    /// <paramref name="repairLineBreaks"/> off, text without blank lines splits at every line break and nowhere else
    /// (neither <see cref="Reflow"/> nor <see cref="SplitLongLine"/>): how training reads its plain-text views.
    /// </summary>
    public TextSegmenter(SegmentationLimits? limits = null, bool repairLineBreaks = true)
    {
        _limits = (limits ?? SegmentationLimits.Default).Validate();
        _repairLineBreaks = repairLineBreaks;
    }

    /// <summary>Segments plain text.</summary>
    /// <exception cref="PageRejectedException">The text exceeds a hard limit.</exception>
    public SegmentedPage Segment(string text, string? url)
    {
        ArgumentNullException.ThrowIfNull(text);
        _limits.CheckInputLength(text.Length);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var paragraphs = BlankLine().IsMatch(normalized)
            ? BlankLine().Split(normalized).SelectMany(SplitListLines)
            : _repairLineBreaks ? RepairLines(normalized.Split('\n')) : normalized.Split('\n');
        return Build(paragraphs, url);
    }

    /// <summary>Turns caller-split paragraphs into blocks, one per non-empty item.</summary>
    /// <exception cref="PageRejectedException">The paragraphs exceed a hard limit.</exception>
    public SegmentedPage FromParagraphs(IReadOnlyList<string> items, string? url)
    {
        ArgumentNullException.ThrowIfNull(items);
        long total = 0;
        foreach (var item in items)
        {
            total += item?.Length ?? 0;
        }

        _limits.CheckInputLength((int)Math.Min(total, int.MaxValue));
        return Build(items.Select(item => item ?? string.Empty), url);
    }

    private SegmentedPage Build(IEnumerable<string> paragraphs, string? url)
    {
        var blocks = new List<Block>();
        foreach (var paragraph in paragraphs)
        {
            var block = ToBlock(paragraph);
            if (block is null)
            {
                continue;
            }

            if (blocks.Count >= _limits.MaxBlocks)
            {
                throw new PageRejectedException(
                    PageRejection.TooManyParagraphs,
                    $"The text has more than {_limits.MaxBlocks:N0} paragraphs (SegmentationLimits.MaxBlocks); " +
                    "send a smaller page or raise the limit in the service configuration.");
            }

            blocks.Add(block);
        }

        var title = string.Empty;
        if (blocks.Count > 1 && IsTitleLike(blocks[0]))
        {
            title = blocks[0].Text;
            if (blocks[0].Kind != BlockKind.Heading)
            {
                blocks[0] = blocks[0] with { Kind = BlockKind.Heading, Level = 1 };
            }
        }

        return new SegmentedPage(title, blocks, InputFormat.Text, url);
    }

    private static bool IsTitleLike(Block first) =>
        first.Kind is BlockKind.Paragraph or BlockKind.Heading
        && first.Text.Length <= MaxTitleChars
        && (first.Kind == BlockKind.Heading || !EndsLikeSentence(first.Text));

    /// <summary>
    /// Whether a paragraph ends the way a sentence does (what sets a title line apart from prose): a sentence's own
    /// end, or a comma, closing quote or bracket after which a title would not stop.
    /// </summary>
    internal static bool EndsLikeSentence(string text) =>
        text.Length > 0 && (EndsSentence(text[^1]) || text[^1] is ',' or '"' or '”' or '»' or ')');

    /// <summary>
    /// Joins a line to the one before when it carries on a sentence: the line before does not end like a sentence and
    /// this one starts in lower case or with punctuation. Scrapers break lines where the page's markup or source did,
    /// inside sentences too ("A sentence with" / "a link" / "in it."), and a sentence cut in three reads as three menu
    /// entries. Scripts without case never join.
    /// </summary>
    private static IEnumerable<string> Reflow(string[] lines)
    {
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var continues = ContinuesPunctuation(line[0]);
            // A line ending in a letter without case (Chinese, Japanese, Korean, Arabic…) is not a sentence that a
            // lower-case Latin line carries on: it is a menu's or a notice's line, and the next line is another.
            var joins = current.Length > 0 && !EndsSentence(current[^1]) && (continues || (char.IsLower(line[0]) && !IsCaselessLetter(current[^1])));
            if (!joins && current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }

            if (current.Length > 0 && !continues)
            {
                current.Append(' ');
            }

            current.Append(line);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>
    /// Joins the lines that carry on a sentence, then splits the overlong ones, unless splitting would take a page the
    /// paragraph limit accepts over it: repairing line breaks never turns an accepted page into a refused one.
    /// </summary>
    private List<string> RepairLines(string[] lines)
    {
        var joined = Reflow(lines).ToList();
        var split = joined.SelectMany(SplitLongLine).ToList();
        return split.Count > _limits.MaxBlocks && joined.Count <= _limits.MaxBlocks ? joined : split;
    }

    /// <summary>
    /// Splits a line longer than <see cref="MaxLineChars"/> into its sentences. A scraper that keeps only the source's
    /// line breaks hands a minified page over as a few lines of tens of thousands of characters, menus and article run
    /// together, and a block that size is kept or dropped whole.
    /// </summary>
    private IEnumerable<string> SplitLongLine(string line) =>
        line.Length <= MaxLineChars ? [line]
        : IsMarkupSource(line) ? PlainTextView.Render(line).Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(SplitLongLine)
        : SentenceSplit().Split(line);

    /// <summary>
    /// Whether an overlong line is an article's HTML source rather than text: it opens with a block element's tag and
    /// holds at least <see cref="MinSourceParagraphs"/> paragraphs' tags (a code sample's table or list holds none). A
    /// news site's "republish this story" box hands its readers the article's HTML, and a scraper that reads the box's
    /// text hands that source over as one line beside the article; split into sentences, its fragments are copies of
    /// the article that no duplicate test recognises. Read instead as the page's own parser reads a page's text
    /// (<see cref="PlainTextView"/>: a line a block element, scripts and styles dropped, references decoded), its
    /// paragraphs are the article's. A line of more tags than a page may hold elements stays text.
    /// </summary>
    private bool IsMarkupSource(string line)
    {
        var start = line.Length - line.AsSpan().TrimStart().Length;
        if (!BlockTag().Match(line, start).Success || (2L * line.AsSpan().Count('<')) + 1 > _limits.MaxNodes)
        {
            return false;
        }

        var paragraphs = 0;
        foreach (var _ in ParagraphTag().EnumerateMatches(line))
        {
            if (++paragraphs >= MinSourceParagraphs)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsSentence(char c) => c is '.' or '!' or '?' or '…' or ':' or ';' or '。' or '！' or '？';

    private static bool ContinuesPunctuation(char c) => c is ',' or '.' or ';' or ':' or ')' or ']' or '!' or '?';

    private static bool IsCaselessLetter(char c) => char.IsLetter(c) && !char.IsUpper(c) && !char.IsLower(c);

    /// <summary>A paragraph whose every line is a list item is a list: one block per item.</summary>
    private static IEnumerable<string> SplitListLines(string paragraph)
    {
        var lines = paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 && lines.All(line => ListMarker().IsMatch(line)) ? lines : [paragraph];
    }

    private Block? ToBlock(string paragraph)
    {
        var run = new TextRun(_limits.MaxBlockChars);
        run.Append(paragraph, inLink: false);
        if (!run.HasText)
        {
            return null;
        }

        var text = run.Build(preserveLines: false);
        if (HeadingMarker().Match(text) is { Success: true } heading)
        {
            return new Block(text[heading.Length..], BlockKind.Heading) { Level = heading.Groups[1].Length };
        }

        if (ListMarker().Match(text) is { Success: true } item)
        {
            return new Block(text[item.Length..], BlockKind.ListItem) { Level = 1, Ordered = char.IsDigit(text[0]) };
        }

        if (QuoteMarker().Match(text) is { Success: true } quote)
        {
            return new Block(text[quote.Length..], BlockKind.Quote);
        }

        return new Block(text, BlockKind.Paragraph);
    }

    /// <summary>The space after a sentence's end mark (and a closing quote) before a capital, a letter without case or an opening quote.</summary>
    [GeneratedRegex(@"(?<=[.!?…。！？][”’""»)]?)\s+(?=[\p{Lu}\p{Lo}“""«(])")]
    private static partial Regex SentenceSplit();

    // Anchored (\G) where the match starts: a line that does not open with the tag is not scanned for one.
    [GeneratedRegex(@"\G</?(?:p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|article|header|footer|aside|nav|table|tr|td|th|br|hr|pre|dl|dt|dd)\b[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<p\b[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphTag();

    [GeneratedRegex(@"\n[ \t\u00A0]*\n\s*")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^(#{1,6}) (?=\S)")]
    private static partial Regex HeadingMarker();

    [GeneratedRegex(@"^\s*(?:[-*+•]|\d{1,3}[.)]) (?=\S)")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^> ?(?=\S)")]
    private static partial Regex QuoteMarker();
}
