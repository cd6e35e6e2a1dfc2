using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Boilerplate.Core.Training;

/// <summary>
/// A page as a naive scraper hands it over without markup: every text node in document order, scripts, styles and
/// other invisible parts dropped, a line break at every block element, whitespace collapsed. Training on this view
/// teaches the model pages that arrive as plain text, where menus, footers and cookie notices are still there but
/// nothing says which is which.
/// </summary>
public static class PlainTextView
{
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        SkipComments = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
    };

    private static readonly FrozenSet<string> Invisible = new[]
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "canvas", "select", "datalist",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> BlockElements = new[]
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "td", "th", "caption", "ul", "button",
        "option", "label", "legend", "menu",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The text of <paramref name="html"/>, one line per block element.</summary>
    public static string Render(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser(ParserOptions).ParseDocument(html);
        var output = new StringBuilder(html.Length / 4);
        var line = new StringBuilder();
        if (document.Body is null)
        {
            return string.Empty;
        }

        // Explicit stack: a page nested thousands deep must not overflow the thread's stack. A null marks the end of
        // a block element, where its line ends.
        var stack = new Stack<INode?>();
        stack.Push(document.Body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is null)
            {
                EndLine(line, output);
                continue;
            }

            if (node is IText text)
            {
                AppendCollapsed(text.Data, line);
                continue;
            }

            if (node is not IElement element || Invisible.Contains(element.LocalName) || element.HasAttribute("hidden"))
            {
                continue;
            }

            if (BlockElements.Contains(element.LocalName))
            {
                EndLine(line, output);
                stack.Push(null);
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }

        EndLine(line, output);
        return output.ToString();
    }

    private static void AppendCollapsed(string text, StringBuilder line)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (line.Length > 0 && line[^1] != ' ')
                {
                    line.Append(' ');
                }
            }
            else
            {
                line.Append(c);
            }
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
