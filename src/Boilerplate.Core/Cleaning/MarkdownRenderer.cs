using System.Text;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Renders kept blocks as CommonMark (with GFM tables): the article's title as a heading, headings (#), paragraphs,
/// lists ("-" / "1.", nested by level), quotes (&gt;), pipe tables (separator after the header row, or after the first
/// row when none is marked), fenced code with its language, and inside the text links, images, emphasis and inline
/// code from the blocks' inline spans, with URLs made absolute. Escaping is minimal: only what would otherwise change
/// the structure or inject markup.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>Blocks rendered between cancellation checks: a check costs more than a short block does.</summary>
    public const int CancellationCheckInterval = 256;

    /// <summary>List nesting rendered; deeper items are rendered at this depth, so indentation stays bounded.</summary>
    public const int MaxListDepth = 16;

    /// <summary>Renders <paramref name="blocks"/> in order, without a title; time is linear in their number and size.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static string Render(IReadOnlyList<Block> blocks, CancellationToken cancellationToken = default) =>
        Render(blocks, title: null, baseUri: null, cancellationToken);

    /// <summary>
    /// Renders <paramref name="blocks"/> led by <paramref name="title"/> as a heading (see <see cref="ArticleTitle"/>),
    /// links and images resolved against <paramref name="baseUri"/>; time is linear in their number and size.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static string Render(IReadOnlyList<Block> blocks, string? title, Uri? baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var output = new StringBuilder();
        var sink = new MarkdownInline(baseUri);
        var leading = ArticleTitle.Of(blocks, title);
        if (leading == TitlePlacement.Prepended)
        {
            output.Append("# ").Append(Escape(ArticleTitle.Collapse(title!)));
            EscapeTrailingHashes(output);
        }

        // Column count of the table being rendered, found once at its first row: finding it per row made long tables quadratic.
        var columns = 0;
        // Marker widths of the list levels above the current item ("- " is 2, "1. " is 3): a child must be indented to
        // its parent's content, or CommonMark reads it as a sibling.
        var markers = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var block = blocks[i];
            if (output.Length > 0)
            {
                output.Append(i > 0 && SameGroup(blocks[i - 1], block) ? "\n" : "\n\n");
            }

            // A figure before an item ends the list, as any other block does: the item starts a new one.
            if (AppendFigures(output, block, baseUri) || block.Kind != BlockKind.ListItem || (i > 0 && blocks[i - 1].Kind != BlockKind.ListItem))
            {
                markers.Clear();
            }

            if (i == 0 && leading == TitlePlacement.FirstBlock)
            {
                output.Append('#', block.Kind == BlockKind.Heading ? Math.Clamp(block.Level, 1, 6) : 1).Append(' ');
                AppendInline(output, sink, block.Text, block.Inlines);
                EscapeTrailingHashes(output);
                continue;
            }

            switch (block.Kind)
            {
                case BlockKind.Heading:
                    output.Append('#', Math.Clamp(block.Level, 1, 6)).Append(' ');
                    AppendInline(output, sink, block.Text, block.Inlines);
                    EscapeTrailingHashes(output);
                    break;
                case BlockKind.ListItem:
                    // One level deeper than the item before at most: a list whose parent items were not kept starts at the margin.
                    var level = Math.Clamp(block.Level, 1, Math.Min(MaxListDepth, markers.Count + 1));

                    var indent = 0;
                    for (var l = 0; l < level - 1; l++)
                    {
                        indent += markers[l];
                    }

                    markers.RemoveRange(level - 1, markers.Count - (level - 1));
                    markers.Add(block.Ordered ? 3 : 2);
                    output.Append(' ', indent).Append(block.Ordered ? "1. " : "- ");
                    AppendInline(output, sink, block.Text, block.Inlines);
                    break;
                case BlockKind.Quote:
                    if (i > 0 && blocks[i - 1].Kind == BlockKind.Quote)
                    {
                        output.Append(">\n");
                    }

                    output.Append("> ");
                    AppendInline(output, sink, block.Text, block.Inlines);
                    break;
                case BlockKind.TableRow:
                    var first = i == 0 || blocks[i - 1].Kind != BlockKind.TableRow;
                    if (first)
                    {
                        columns = ColumnsOfTable(blocks, i);
                    }

                    AppendRow(output, sink, block, columns);
                    if (first)
                    {
                        output.Append('\n');
                        AppendSeparator(output, columns);
                    }

                    break;
                case BlockKind.Code:
                    AppendCode(output, block);
                    break;
                default:
                    AppendInline(output, sink, block.Text, block.Inlines);
                    break;
            }
        }

        return output.ToString();
    }

    /// <summary>Images that stood on their own before the block, each a paragraph; whether there were any.</summary>
    private static bool AppendFigures(StringBuilder output, Block block, Uri? baseUri)
    {
        if (block.Inlines is not { } spans)
        {
            return false;
        }

        var any = false;
        foreach (var span in spans)
        {
            if (span.Kind == InlineKind.Figure && PageUrls.Resolve(baseUri, span.Target, allowMail: false) is { } source)
            {
                MarkdownInline.AppendImage(output, source, span.AltText());
                output.Append("\n\n");
                any = true;
            }
        }

        return any;
    }

    /// <summary>The text with its spans, escaped, then guarded against reading as a block marker at the line's start.</summary>
    private static void AppendInline(StringBuilder output, MarkdownInline sink, string text, IReadOnlyList<InlineSpan>? spans)
    {
        var start = output.Length;
        sink.Begin(output);
        InlineWalker.Walk(text, spans, sink.BaseUri, sink);
        EscapeLineStart(output, start);
    }

    /// <summary>"#" ending a heading after a space would be read as its closing sequence and vanish.</summary>
    private static void EscapeTrailingHashes(StringBuilder output)
    {
        var i = output.Length;
        while (i > 0 && output[i - 1] == '#')
        {
            i--;
        }

        if (i < output.Length && i > 0 && output[i - 1] == ' ')
        {
            output.Insert(i, '\\');
        }
    }

    /// <summary>List items and table rows that follow each other are one list or table: single line breaks.</summary>
    private static bool SameGroup(Block previous, Block current) =>
        previous.Kind == current.Kind && current.Kind is BlockKind.ListItem or BlockKind.TableRow or BlockKind.Quote;

    private static int ColumnsOfTable(IReadOnlyList<Block> blocks, int start)
    {
        var columns = 1;
        for (var i = start; i < blocks.Count && blocks[i].Kind == BlockKind.TableRow; i++)
        {
            columns = Math.Max(columns, CellsOf(blocks[i]).Count);
        }

        return columns;
    }

    private static IReadOnlyList<string> CellsOf(Block row) => row.Cells is { Count: > 0 } cells ? cells : [row.Text];

    private static void AppendRow(StringBuilder output, MarkdownInline sink, Block row, int columns)
    {
        var cells = CellsOf(row);
        output.Append('|');
        for (var c = 0; c < columns; c++)
        {
            output.Append(' ');
            if (c < cells.Count)
            {
                var start = output.Length;
                var spans = row.CellInlines is { } all && c < all.Count ? all[c] : null;
                AppendInline(output, sink, cells[c], spans);
                // A pipe inside a cell, even inside code, must be escaped or it splits the cell (GFM).
                for (var i = output.Length - 1; i >= start; i--)
                {
                    if (output[i] == '|')
                    {
                        output.Insert(i, '\\');
                    }
                }
            }

            output.Append(" |");
        }
    }

    private static void AppendSeparator(StringBuilder output, int columns)
    {
        output.Append('|');
        for (var c = 0; c < columns; c++)
        {
            output.Append(" --- |");
        }
    }

    private static void AppendCode(StringBuilder output, Block block)
    {
        var fence = new string('`', Math.Max(3, LongestRun(block.Text, '`') + 1));
        output.Append(fence).Append(CodeLanguage.Safe(block.CodeLanguage)).Append('\n').Append(block.Text).Append('\n').Append(fence);
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, current = 0;
        foreach (var ch in text)
        {
            current = ch == c ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }

    /// <summary>
    /// Escapes what would become markup: backslashes, backticks, emphasis stars, brackets, tags ("&lt;x"), entities, underscores
    /// at word edges (inside words CommonMark leaves them alone), and line-start markers (#, &gt;, list bullets, "1.").
    /// </summary>
    internal static string Escape(string text)
    {
        var output = new StringBuilder(text.Length + 8);
        EscapeInto(output, text, 0, text.Length);
        EscapeLineStart(output, 0);
        return output.ToString();
    }

    /// <summary>Escapes characters [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>, judging underscores by their neighbours in the whole text.</summary>
    internal static void EscapeInto(StringBuilder output, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\\' or '`' or '*' or '[' or ']' => true,
                '<' => i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?'),
                '_' => i == 0 || i == text.Length - 1 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i + 1]),
                '&' => StartsEntity(text, i),
                _ => false,
            };
            if (c == '`' && (i == start || i == end - 1))
            {
                // At the edge of a piece of text a backtick may touch a code span's fence, where "\`" would join the
                // fence's run in some readers; as an entity it cannot.
                output.Append("&#96;");
                continue;
            }

            if (escape)
            {
                output.Append('\\');
            }

            output.Append(c);
        }
    }

    /// <summary>Whether "&amp;" at <paramref name="at"/> starts what CommonMark would decode as an entity ("&amp;amp;", "&amp;#39;").</summary>
    private static bool StartsEntity(string text, int at)
    {
        var i = at + 1;
        while (i < text.Length && i - at <= 32 && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '#'))
        {
            i++;
        }

        return i > at + 1 && i < text.Length && text[i] == ';';
    }

    /// <summary>Escapes a block marker at <paramref name="start"/>, where the block's text begins its line.</summary>
    private static void EscapeLineStart(StringBuilder text, int start)
    {
        var length = text.Length - start;
        if (length <= 0)
        {
            return;
        }

        var first = text[start];
        if (first is '#' or '>' or '+' or '=' || (first == '-' && (length == 1 || text[start + 1] is ' ' or '-')))
        {
            text.Insert(start, '\\');
            return;
        }

        var digits = 0;
        while (digits < length && digits < 10 && char.IsAsciiDigit(text[start + digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < length && text[start + digits] is '.' or ')'
            && (digits + 1 == length || text[start + digits + 1] == ' '))
        {
            text.Insert(start + digits, '\\');
        }
    }
}
