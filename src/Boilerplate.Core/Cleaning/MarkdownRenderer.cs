using System.Text;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Renders kept blocks as CommonMark: headings (#), paragraphs, lists ("-" / "1.", nested by level), quotes (&gt;),
/// pipe tables (separator after the header row, or after the first row when none is marked), fenced code with its
/// language. Escaping is minimal: only what would otherwise change the structure or inject markup.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>Blocks rendered between cancellation checks: a check costs more than a short block does.</summary>
    public const int CancellationCheckInterval = 256;

    /// <summary>Renders <paramref name="blocks"/> in order; time is linear in their number and size.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static string Render(IReadOnlyList<Block> blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var output = new StringBuilder();
        // Column count of the table being rendered, found once at its first row: finding it per row made long tables quadratic.
        var columns = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var block = blocks[i];
            if (output.Length > 0)
            {
                output.Append(SameGroup(blocks[i - 1], block) ? "\n" : "\n\n");
            }

            switch (block.Kind)
            {
                case BlockKind.Heading:
                    output.Append('#', Math.Clamp(block.Level, 1, 6)).Append(' ').Append(Escape(block.Text));
                    break;
                case BlockKind.ListItem:
                    output.Append(' ', 2 * (Math.Max(block.Level, 1) - 1))
                        .Append(block.Ordered ? "1. " : "- ")
                        .Append(Escape(block.Text));
                    break;
                case BlockKind.Quote:
                    if (i > 0 && blocks[i - 1].Kind == BlockKind.Quote)
                    {
                        output.Append(">\n");
                    }

                    output.Append("> ").Append(Escape(block.Text));
                    break;
                case BlockKind.TableRow:
                    var first = i == 0 || blocks[i - 1].Kind != BlockKind.TableRow;
                    if (first)
                    {
                        columns = ColumnsOfTable(blocks, i);
                    }

                    AppendRow(output, block, columns);
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
                    output.Append(Escape(block.Text));
                    break;
            }
        }

        return output.ToString();
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

    private static void AppendRow(StringBuilder output, Block row, int columns)
    {
        var cells = CellsOf(row);
        output.Append('|');
        for (var c = 0; c < columns; c++)
        {
            var cell = c < cells.Count ? Escape(cells[c]).Replace("|", "\\|", StringComparison.Ordinal) : string.Empty;
            output.Append(' ').Append(cell).Append(" |");
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
        output.Append(fence).Append(block.CodeLanguage).Append('\n').Append(block.Text).Append('\n').Append(fence);
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
    /// Escapes what would become markup: backslashes, backticks, emphasis stars, brackets, tags ("&lt;x"), underscores
    /// at word edges (inside words CommonMark leaves them alone), and line-start markers (#, &gt;, list bullets, "1.").
    /// </summary>
    internal static string Escape(string text)
    {
        var output = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\\' or '`' or '*' or '[' or ']' => true,
                '<' => i + 1 < text.Length && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?'),
                '_' => i == 0 || i == text.Length - 1 || !char.IsLetterOrDigit(text[i - 1]) || !char.IsLetterOrDigit(text[i + 1]),
                _ => false,
            };
            if (escape)
            {
                output.Append('\\');
            }

            output.Append(c);
        }

        EscapeLineStart(output);
        return output.ToString();
    }

    private static void EscapeLineStart(StringBuilder text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var first = text[0];
        if (first is '#' or '>' or '+' or '=' || (first == '-' && (text.Length == 1 || text[1] is ' ' or '-')))
        {
            text.Insert(0, '\\');
            return;
        }

        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < text.Length && text[digits] is '.' or ')'
            && (digits + 1 == text.Length || text[digits + 1] == ' '))
        {
            text.Insert(digits, '\\');
        }
    }
}
