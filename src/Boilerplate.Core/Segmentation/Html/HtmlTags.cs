using System.Collections.Frozen;

namespace Boilerplate.Core.Segmentation.Html;

/// <summary>
/// Tag-name tables of the HTML tree-building rules that <see cref="LiteTreeBuilder"/> follows, and one shared string per
/// known tag name so that building a page allocates no tag names.
/// </summary>
internal static class HtmlTags
{
    /// <summary>Elements that never have content or an end tag.</summary>
    public static readonly FrozenSet<string> Void = FrozenSet.Create(StringComparer.Ordinal,
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr");

    /// <summary>The "special" category: an end tag for another element never closes across one of these.</summary>
    public static readonly FrozenSet<string> Special = FrozenSet.Create(StringComparer.Ordinal,
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
        "button", "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "embed",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
        "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext",
        "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp", "svg", "math");

    /// <summary>Start tags that first close an open &lt;p&gt; in button scope.</summary>
    public static readonly FrozenSet<string> ClosesParagraph = FrozenSet.Create(StringComparer.Ordinal,
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section",
        "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "hr", "xmp", "plaintext",
        "li", "dd", "dt");

    /// <summary>Boundaries of the default element scope.</summary>
    public static readonly FrozenSet<string> Scope = FrozenSet.Create(StringComparer.Ordinal,
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi", "mo", "mn", "ms",
        "mtext", "annotation-xml", "foreignobject", "desc", "title");

    /// <summary>Elements whose content the tokenizer reads as text up to their end tag, not as markup.</summary>
    public static readonly FrozenSet<string> RawText = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes");

    /// <summary>Raw-text elements whose character references are decoded (RCDATA).</summary>
    public static readonly FrozenSet<string> EscapableRawText = FrozenSet.Create(StringComparer.Ordinal, "textarea", "title");

    /// <summary>Elements that belong in &lt;head&gt; when met before the body starts.</summary>
    public static readonly FrozenSet<string> HeadContent = FrozenSet.Create(StringComparer.Ordinal,
        "base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes", "style", "script", "template");

    /// <summary>HTML start tags that end foreign (SVG / MathML) content.</summary>
    public static readonly FrozenSet<string> BreaksOutOfForeign = FrozenSet.Create(StringComparer.Ordinal,
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre",
        "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var");

    /// <summary>Foreign elements whose content is HTML again.</summary>
    public static readonly FrozenSet<string> IntegrationPoints = FrozenSet.Create(StringComparer.Ordinal,
        "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml");

    /// <summary>Table structure: start tags the tree builder places by the table rules, never fostered.</summary>
    public static readonly FrozenSet<string> TableStructure = FrozenSet.Create(StringComparer.Ordinal,
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col");

    /// <summary>Elements in whose direct content stray text and elements are moved before the table (foster parenting).</summary>
    public static readonly FrozenSet<string> TableContext = FrozenSet.Create(StringComparer.Ordinal,
        "table", "tbody", "thead", "tfoot", "tr");

    private static readonly string[] KnownNames =
    [
        .. Void, .. Special, .. ClosesParagraph, .. Scope, .. RawText, .. HeadContent, .. BreaksOutOfForeign,
        .. IntegrationPoints, .. TableStructure,
        "a", "abbr", "acronym", "bdi", "bdo", "cite", "data", "del", "dfn", "font", "ins", "kbd", "label", "mark",
        "q", "rp", "rt", "samp", "time", "output", "meter", "progress", "option", "optgroup", "datalist", "canvas",
        "audio", "video", "picture", "map", "image", "legend", "figure", "article", "nobr", "menuitem", "slot",
        "caption", "optgroup", "select", "button", "object", "frameset", "plaintext", "g", "path", "symbol", "use",
        "defs", "rect", "circle", "line", "polygon", "polyline", "ellipse", "lineargradient", "stop", "clippath",
        "mask", "mrow", "mi", "annotation", "semantics",
    ];

    private static readonly FrozenDictionary<string, string> Known =
        KnownNames.Distinct(StringComparer.Ordinal).ToFrozenDictionary(n => n, n => n, StringComparer.Ordinal);

    /// <summary>Lookup of <see cref="Known"/> by a lower-case span, so a known name is found without allocating.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownByName =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();
}
