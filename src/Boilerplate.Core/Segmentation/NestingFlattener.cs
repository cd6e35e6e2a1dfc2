using System.Collections.Frozen;
using System.Text;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Removes the tags of elements nested deeper than a cap from HTML source, keeping their text, before the parser
/// sees it. The HTML tree builder checks element scopes by walking its stack of open elements, so each tag costs time
/// proportional to the nesting depth; a page nested 100,000 deep would take minutes to parse. Browsers cap nesting for
/// the same reason (Blink at 512). Text inside flattened elements joins the deepest element kept, each removed tag leaving a space.
/// </summary>
/// <remarks>
/// The depth is estimated with a light tokenizer (comments, raw-text elements, void elements, the common implied end
/// tags) rather than the full tree-building rules, so it may overcount on very sloppy markup: that only ever flattens
/// more, never lets a deep page through. Linear time: every search is bounded.
/// </remarks>
internal static class NestingFlattener
{
    private const int ImpliedEndSearch = 64;

    private static readonly FrozenSet<string> VoidTags = FrozenSet.Create(StringComparer.Ordinal,
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame", "image");

    private static readonly FrozenSet<string> RawTextTags = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes");

    /// <summary>Start tags that close an open &lt;p&gt; (in the same scope).</summary>
    private static readonly FrozenSet<string> ClosesParagraph = FrozenSet.Create(StringComparer.Ordinal,
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p", "pre",
        "section", "table", "ul", "li", "dd", "dt");

    /// <summary>Elements that bound the search for an element to close implicitly.</summary>
    private static readonly FrozenSet<string> ScopeTags = FrozenSet.Create(StringComparer.Ordinal,
        "html", "table", "td", "th", "caption", "template", "button", "object", "marquee", "applet", "ul", "ol", "dl",
        "select", "svg", "math");

    /// <summary>Returns <paramref name="html"/> with the tags nested deeper than <paramref name="maxDepth"/> removed.</summary>
    public static string Flatten(string html, int maxDepth)
    {
        var drops = FindDeepTags(html, maxDepth);
        if (drops.Count == 0)
        {
            return html;
        }

        var output = new StringBuilder(html.Length);
        var at = 0;
        foreach (var (start, end) in drops)
        {
            // A space keeps the words of removed elements apart, as their boundaries did.
            output.Append(html, at, start - at).Append(' ');
            at = end;
        }

        return output.Append(html, at, html.Length - at).ToString();
    }

    /// <summary>Source ranges [start, end) of the start and end tags to remove, in order.</summary>
    private static List<(int Start, int End)> FindDeepTags(string html, int maxDepth)
    {
        var drops = new List<(int, int)>();
        var open = new List<(string Tag, bool Kept)>();
        var openCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var foreign = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!' || next == '?')
            {
                i = SkipMarkup(html, i);
                continue;
            }

            var isEnd = next == '/';
            var nameStart = isEnd ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not ('/' or '>'))
            {
                nameEnd++;
            }

            var tag = html[nameStart..nameEnd].ToLowerInvariant();
            var tagEnd = EndOfTag(html, nameEnd);
            if (isEnd)
            {
                if (openCounts.GetValueOrDefault(tag) > 0 && !PopTo(open, openCounts, tag, ref foreign))
                {
                    drops.Add((i, tagEnd));
                }

                i = tagEnd;
                continue;
            }

            CloseImplied(open, openCounts, tag, ref foreign);
            var selfClosing = tagEnd >= 2 && html[tagEnd - 2] == '/' && foreign > 0;
            if (VoidTags.Contains(tag) || selfClosing)
            {
                if (open.Count >= maxDepth)
                {
                    drops.Add((i, tagEnd));
                }

                i = tagEnd;
                continue;
            }

            var kept = open.Count < maxDepth;
            if (!kept)
            {
                drops.Add((i, tagEnd));
            }

            if (tag == "plaintext" && foreign == 0)
            {
                break;
            }

            if (RawTextTags.Contains(tag) && foreign == 0)
            {
                // The raw text and its end tag are never markup; dropping the start tag drops the end tag with it.
                var close = html.IndexOf("</" + tag, tagEnd, StringComparison.OrdinalIgnoreCase);
                if (close < 0)
                {
                    break;
                }

                var closeEnd = EndOfTag(html, close + 2 + tag.Length);
                if (!kept)
                {
                    drops.Add((close, closeEnd));
                }

                i = closeEnd;
                continue;
            }

            open.Add((tag, kept));
            openCounts[tag] = openCounts.GetValueOrDefault(tag) + 1;
            if (tag is "svg" or "math")
            {
                foreign++;
            }

            i = tagEnd;
        }

        return drops;
    }

    /// <summary>Closes what a start tag implicitly ends: an open p, a sibling li / dt / dd / option / tr / td / th.</summary>
    private static void CloseImplied(List<(string Tag, bool Kept)> open, Dictionary<string, int> counts, string tag, ref int foreign)
    {
        string[] closes = tag switch
        {
            "li" => ["li", "p"],
            "dt" or "dd" => ["dt", "dd", "p"],
            "option" => ["option"],
            "tr" => ["tr", "td", "th"],
            "td" or "th" => ["td", "th"],
            _ when ClosesParagraph.Contains(tag) => ["p"],
            _ => [],
        };

        foreach (var target in closes)
        {
            if (counts.GetValueOrDefault(target) == 0)
            {
                continue;
            }

            for (var k = open.Count - 1; k >= 0 && k >= open.Count - ImpliedEndSearch; k--)
            {
                var candidate = open[k].Tag;
                if (candidate == target)
                {
                    PopTo(open, counts, target, ref foreign);
                    break;
                }

                if (ScopeTags.Contains(candidate) && !(target is "td" or "th" or "tr" && candidate is "td" or "th"))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Pops open elements down to and including the nearest <paramref name="tag"/>; returns whether it was kept.</summary>
    private static bool PopTo(List<(string Tag, bool Kept)> open, Dictionary<string, int> counts, string tag, ref int foreign)
    {
        while (open.Count > 0)
        {
            var (top, kept) = open[^1];
            open.RemoveAt(open.Count - 1);
            counts[top]--;
            if (top is "svg" or "math")
            {
                foreign--;
            }

            if (top == tag)
            {
                return kept;
            }
        }

        return true;
    }

    /// <summary>Index just past the '&gt;' closing a tag, skipping quoted attribute values.</summary>
    private static int EndOfTag(string html, int from)
    {
        var i = from;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return i + 1;
            }

            if (c == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var close = html.IndexOf(html[i], i + 1);
                    i = close < 0 ? html.Length : close + 1;
                    continue;
                }
            }

            i++;
        }

        return html.Length;
    }

    /// <summary>Index past a comment, doctype, CDATA section or processing instruction starting at <paramref name="at"/>.</summary>
    private static int SkipMarkup(string html, int at)
    {
        if (string.CompareOrdinal(html, at, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }

        var end = html.IndexOf('>', at);
        return end < 0 ? html.Length : end + 1;
    }
}
