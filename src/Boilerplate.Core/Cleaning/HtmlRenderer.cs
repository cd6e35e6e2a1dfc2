using System.Text;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Renders kept blocks as clean HTML inside one &lt;article&gt;: the title as &lt;h1&gt;, headings, paragraphs,
/// nested lists, quotes, tables, code with its language, and links, images, emphasis and inline code from the inline
/// spans. Safe by construction: it is written from the blocks, never copied from the source markup, so only the
/// elements and attributes named here can appear (no script, style, event handler, iframe or form); every text and
/// attribute value is escaped, and URLs are absolute http(s) (or mailto for links), anything else dropped.
/// </summary>
public static class HtmlRenderer
{
    /// <summary>Blocks rendered between cancellation checks.</summary>
    public const int CancellationCheckInterval = 256;

    /// <summary>Renders <paramref name="blocks"/> led by <paramref name="title"/>, links and images resolved against <paramref name="baseUri"/>; linear time.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static string Render(IReadOnlyList<Block> blocks, string? title, Uri? baseUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var output = new StringBuilder("<article>");
        var sink = new HtmlInline(output, baseUri);
        var leading = ArticleTitle.Of(blocks, title);
        if (leading == TitlePlacement.Prepended)
        {
            output.Append("\n<h1>");
            AppendEscaped(output, ArticleTitle.Collapse(title!));
            output.Append("</h1>");
        }

        // Open lists, innermost last; each entry says whether it is ordered. Items stay open while deeper lists nest in them.
        var lists = new List<bool>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var block = blocks[i];
            var previous = i > 0 ? blocks[i - 1] : null;
            if (block.Kind != BlockKind.ListItem || HasFigures(block))
            {
                CloseLists(output, lists, 0);
            }

            if (previous?.Kind == BlockKind.TableRow && block.Kind != BlockKind.TableRow)
            {
                output.Append("</tbody></table>");
            }

            if (previous?.Kind == BlockKind.Quote && block.Kind != BlockKind.Quote)
            {
                output.Append("</blockquote>");
            }

            AppendFigures(output, block, baseUri);
            if (i == 0 && leading == TitlePlacement.FirstBlock)
            {
                var level = block.Kind == BlockKind.Heading ? Math.Clamp(block.Level, 1, 6) : 1;
                AppendElement(output, sink, $"h{level}", block);
                continue;
            }

            switch (block.Kind)
            {
                case BlockKind.Heading:
                    AppendElement(output, sink, $"h{Math.Clamp(block.Level, 1, 6)}", block);
                    break;
                case BlockKind.ListItem:
                    AppendItem(output, sink, lists, block);
                    break;
                case BlockKind.Quote:
                    if (previous?.Kind != BlockKind.Quote)
                    {
                        output.Append("\n<blockquote>");
                    }

                    AppendElement(output, sink, "p", block);
                    break;
                case BlockKind.TableRow:
                    var first = previous?.Kind != BlockKind.TableRow;
                    if (first)
                    {
                        output.Append("\n<table>");
                    }

                    if (first && !block.HeaderRow)
                    {
                        output.Append("<tbody>");
                    }

                    AppendRow(output, sink, block, header: first && block.HeaderRow);
                    if (first && block.HeaderRow)
                    {
                        output.Append("<tbody>");
                    }

                    break;
                case BlockKind.Code:
                    output.Append("\n<pre><code");
                    if (CodeLanguage.Safe(block.CodeLanguage) is { } language)
                    {
                        output.Append(" class=\"language-").Append(language).Append('"');
                    }

                    output.Append('>');
                    AppendEscaped(output, block.Text);
                    output.Append("</code></pre>");
                    break;
                default:
                    AppendElement(output, sink, "p", block);
                    break;
            }
        }

        CloseLists(output, lists, 0);
        if (blocks.Count > 0)
        {
            output.Append(blocks[^1].Kind switch
            {
                BlockKind.TableRow => "</tbody></table>",
                BlockKind.Quote => "</blockquote>",
                _ => string.Empty,
            });
        }

        return output.Append("\n</article>").ToString();
    }

    /// <summary>Escapes text for an element's content or a quoted attribute value.</summary>
    internal static void AppendEscaped(StringBuilder output, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                '"' => output.Append("&quot;"),
                '\'' => output.Append("&#39;"),
                '\0' => output.Append('\uFFFD'),
                _ => output.Append(c),
            };
        }
    }

    private static void AppendElement(StringBuilder output, HtmlInline sink, string tag, Block block)
    {
        output.Append('\n').Append('<').Append(tag).Append('>');
        InlineWalker.Walk(block.Text, block.Inlines, sink.BaseUri, sink);
        output.Append("</").Append(tag).Append('>');
    }

    /// <summary>
    /// A list item at its level, at most one deeper than the item before (a list whose parent items were not kept
    /// starts at the top): deeper lists open inside the open item, shallower ones close.
    /// </summary>
    private static void AppendItem(StringBuilder output, HtmlInline sink, List<bool> lists, Block block)
    {
        var level = Math.Clamp(block.Level, 1, Math.Min(MarkdownRenderer.MaxListDepth, lists.Count + 1));
        CloseLists(output, lists, level);
        if (lists.Count == level && lists[^1] != block.Ordered)
        {
            CloseLists(output, lists, level - 1);
        }

        if (lists.Count == level)
        {
            output.Append("</li>");
        }

        while (lists.Count < level)
        {
            var ordered = lists.Count == level - 1 && block.Ordered;
            output.Append('\n').Append(ordered ? "<ol>" : "<ul>");
            lists.Add(ordered);
            if (lists.Count < level)
            {
                output.Append("<li>");
            }
        }

        output.Append("<li>");
        InlineWalker.Walk(block.Text, block.Inlines, sink.BaseUri, sink);
    }

    /// <summary>Closes lists until <paramref name="depth"/> stay open.</summary>
    private static void CloseLists(StringBuilder output, List<bool> lists, int depth)
    {
        while (lists.Count > depth)
        {
            output.Append("</li>").Append(lists[^1] ? "</ol>" : "</ul>");
            lists.RemoveAt(lists.Count - 1);
        }
    }

    private static void AppendRow(StringBuilder output, HtmlInline sink, Block row, bool header)
    {
        var cells = row.Cells is { Count: > 0 } all ? all : [row.Text];
        var cellTag = row.HeaderRow ? "th" : "td";
        output.Append(header ? "<thead>" : string.Empty).Append("\n<tr>");
        for (var c = 0; c < cells.Count; c++)
        {
            output.Append('<').Append(cellTag).Append('>');
            var spans = row.CellInlines is { } inlines && c < inlines.Count ? inlines[c] : null;
            InlineWalker.Walk(cells[c], spans, sink.BaseUri, sink);
            output.Append("</").Append(cellTag).Append('>');
        }

        output.Append("</tr>").Append(header ? "</thead>" : string.Empty);
    }

    private static bool HasFigures(Block block) => block.Inlines?.Any(span => span.Kind == InlineKind.Figure) == true;

    private static void AppendFigures(StringBuilder output, Block block, Uri? baseUri)
    {
        if (block.Inlines is not { } spans)
        {
            return;
        }

        foreach (var span in spans)
        {
            if (span.Kind == InlineKind.Figure && PageUrls.Resolve(baseUri, span.Target, allowMail: false) is { } source)
            {
                output.Append("\n<figure>");
                HtmlInline.AppendImage(output, source, span.AltText());
                output.Append("</figure>");
            }
        }
    }
}
