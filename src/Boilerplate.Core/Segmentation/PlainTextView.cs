using System.Collections.Frozen;
using System.Text;
using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// A page as a naive scraper hands it over without markup: every text node in document order, scripts, styles and
/// other invisible parts dropped, a line break at every block element, whitespace collapsed. Training on this view
/// teaches the model pages that arrive as plain text, where menus, footers and cookie notices are still there but
/// nothing says which is which.
/// </summary>
public static class PlainTextView
{
    // Training reads known pages: no element-count refusal, only the depth cap that keeps building linear.
    private static readonly SegmentationLimits Limits = SegmentationLimits.Default with { MaxNodes = int.MaxValue };

    private static readonly FrozenSet<string> Invisible = new[]
    {
        "script", "style", "template", "svg", "math", "head", "iframe", "object", "canvas", "select", "datalist",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> BlockElements = new[]
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "td", "th", "caption", "ul", "button",
        "option", "label", "legend", "menu",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The text of <paramref name="html"/>, one line per block element.</summary>
    public static string Render(string html) => Render(html, PlainTextLayout.BlockLines);

    /// <summary>The text of <paramref name="html"/>, broken into lines as <paramref name="layout"/> says.</summary>
    public static string Render(string html, PlainTextLayout layout)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = LiteTreeBuilder.Parse(html, Limits, CancellationToken.None);
        var output = new StringBuilder(html.Length / 4);
        var line = new StringBuilder();
        if (document.Body is not { } body)
        {
            return string.Empty;
        }

        // Explicit stack: a page nested thousands deep must not overflow the thread's stack. Each entry is the next
        // node to visit at one level and whether that level's element is a block, whose line ends after it.
        var stack = new Stack<(LiteNode? Next, bool Block)>();
        stack.Push((body.FirstChild, false));
        while (stack.Count > 0)
        {
            var (next, block) = stack.Pop();
            if (next is not { } node)
            {
                if (block)
                {
                    EndLine(line, output);
                }

                continue;
            }

            stack.Push((node.NextSibling, block));
            if (!node.IsElement)
            {
                switch (layout)
                {
                    case PlainTextLayout.TextNodes:
                        AppendCollapsed(node.Text, line);
                        EndLine(line, output);
                        break;
                    case PlainTextLayout.SourceLines:
                        AppendSourceLines(node.Text, line, output);
                        break;
                    default:
                        AppendCollapsed(node.Text, line);
                        break;
                }

                continue;
            }

            if (Invisible.Contains(node.LocalName) || node.HasAttribute(LiteAttribute.Hidden))
            {
                continue;
            }

            var isBlock = layout == PlainTextLayout.BlockLines && BlockElements.Contains(node.LocalName);
            if (isBlock)
            {
                EndLine(line, output);
            }

            stack.Push((node.FirstChild, isBlock));
        }

        EndLine(line, output);
        return output.ToString();
    }

    private static void AppendSourceLines(ReadOnlySpan<char> text, StringBuilder line, StringBuilder output)
    {
        foreach (var c in text)
        {
            if (c == '\n')
            {
                EndLine(line, output);
            }
            else
            {
                AppendCollapsed(c, line);
            }
        }
    }

    private static void AppendCollapsed(ReadOnlySpan<char> text, StringBuilder line)
    {
        foreach (var c in text)
        {
            AppendCollapsed(c, line);
        }
    }

    private static void AppendCollapsed(char c, StringBuilder line)
    {
        if (!char.IsWhiteSpace(c))
        {
            line.Append(c);
        }
        else if (line.Length > 0 && line[^1] != ' ')
        {
            line.Append(' ');
        }
    }

    private static void EndLine(StringBuilder line, StringBuilder output)
    {
        var trimmed = line.ToString().Trim();
        line.Clear();
        if (trimmed.Length > 0)
        {
            output.Append(trimmed).Append('\n');
        }
    }
}
