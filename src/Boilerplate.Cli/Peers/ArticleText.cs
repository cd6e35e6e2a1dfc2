using System.Text;
using AngleSharp.Dom;

namespace Boilerplate.Cli.Peers;

/// <summary>
/// Turns an article element into text the way the datasets' truth is written: every block element, line break
/// and line of preformatted text ends a paragraph, whitespace is collapsed, paragraphs are joined by blank
/// lines. bench/readability/extract.mjs applies the same rules on the JavaScript side.
/// </summary>
public static class ArticleText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal) { "script", "style", "noscript", "template" };

    /// <summary>The text of <paramref name="root"/>'s subtree, one paragraph a block.</summary>
    public static string FromElement(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var writer = new ParagraphWriter();
        writer.Walk(root, inPre: false);
        writer.Close();
        return writer.ToString();
    }

    private sealed class ParagraphWriter
    {
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _current = new();

        public void Walk(INode node, bool inPre)
        {
            for (var child = node.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is IText text)
                {
                    AppendText(text.Data, inPre);
                }
                else if (child is IElement element)
                {
                    var tag = element.LocalName;
                    if (SkippedTags.Contains(tag))
                    {
                        continue;
                    }

                    var block = BlockTags.Contains(tag);
                    if (block)
                    {
                        Close();
                    }

                    Walk(element, inPre || tag == "pre");
                    if (block)
                    {
                        Close();
                    }
                }
            }
        }

        public void Close()
        {
            var paragraph = Collapse(_current);
            _current.Clear();
            if (paragraph.Length == 0)
            {
                return;
            }

            if (_output.Length > 0)
            {
                _output.Append("\n\n");
            }

            _output.Append(paragraph);
        }

        public override string ToString() => _output.ToString();

        private void AppendText(string data, bool inPre)
        {
            if (!inPre)
            {
                _current.Append(data);
                return;
            }

            // Code keeps its line structure: every source line is a paragraph of its own.
            var start = 0;
            for (var newline = data.IndexOf('\n', start); newline >= 0; newline = data.IndexOf('\n', start))
            {
                _current.Append(data, start, newline - start);
                Close();
                start = newline + 1;
            }

            _current.Append(data, start, data.Length - start);
        }

        private static string Collapse(StringBuilder text)
        {
            var collapsed = new StringBuilder(text.Length);
            var pendingSpace = false;
            foreach (var chunk in text.GetChunks())
            {
                foreach (var c in chunk.Span)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        pendingSpace = collapsed.Length > 0;
                        continue;
                    }

                    if (pendingSpace)
                    {
                        collapsed.Append(' ');
                        pendingSpace = false;
                    }

                    collapsed.Append(c);
                }
            }

            return collapsed.ToString();
        }
    }
}
