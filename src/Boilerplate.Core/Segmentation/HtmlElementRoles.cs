using System.Collections.Frozen;

namespace Boilerplate.Core.Segmentation;

/// <summary>How the segmenter treats an element, by tag name.</summary>
internal enum ElementRole
{
    /// <summary>Never rendered as text (scripts, media, form controls): the subtree is dropped.</summary>
    Skipped,

    /// <summary>Flows inside the text around it (a, span, em): no block boundary.</summary>
    Inline,

    /// <summary>
    /// Holds blocks and loose text (div, section, td, body, unknown elements): its loose text is a block. Not the
    /// glossary's container, which only the <c>ContainerTags</c> start.
    /// </summary>
    Wrapper,

    /// <summary>Is a block of its own (p, h1-h6, li, pre, tr, ...).</summary>
    Block,
}

/// <summary>The tag tables behind <see cref="ElementRole"/>.</summary>
internal static class HtmlElementRoles
{
    private static readonly FrozenSet<string> SkippedTags = FrozenSet.Create(StringComparer.Ordinal,
        "script", "style", "template", "svg", "iframe", "object", "embed", "canvas", "select",
        "option", "optgroup", "datalist", "button", "input", "textarea", "head", "audio", "video", "picture",
        "source", "track", "map", "area", "img", "link", "meta", "base", "param", "title", "frameset", "frame",
        // A formula's TeX source or second encoding, never rendered: the presentation MathML beside it is the text.
        "annotation", "annotation-xml");

    // Unknown and custom elements are containers: on real pages they are layout far more often than inline text.
    private static readonly FrozenSet<string> InlineTags = FrozenSet.Create(StringComparer.Ordinal,
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em", "font",
        "i", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
        "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "output", "meter", "progress",
        // MathML flows inside its sentence, and MathJax keeps a formula's only text in it (mjx-assistive-mml).
        "math", "semantics", "mrow", "mstyle", "mpadded", "mphantom", "menclose", "merror", "mfenced", "maction",
        "mfrac", "msqrt", "mroot", "msub", "msup", "msubsup", "munder", "mover", "munderover", "mmultiscripts",
        "mprescripts", "none", "mtable", "mtr", "mlabeledtr", "mtd", "mi", "mn", "mo", "ms", "mtext", "mspace",
        "mglyph", "maligngroup", "malignmark");

    /// <summary>
    /// MathML tokens: each is a word of its own, as a renderer spaces them, though minified markup puts no space
    /// between &lt;mi&gt;x&lt;/mi&gt;&lt;mn&gt;2&lt;/mn&gt;.
    /// </summary>
    private static readonly FrozenSet<string> MathTokenTags = FrozenSet.Create(StringComparer.Ordinal,
        "mi", "mn", "mo", "ms", "mtext");

    private static readonly FrozenSet<string> BlockTags = FrozenSet.Create(StringComparer.Ordinal,
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd", "figcaption",
        "caption", "address");

    /// <summary>
    /// Elements whose presence inside a table row marks the table as layout rather than data, so its cells are
    /// walked as containers instead of being flattened into one row.
    /// </summary>
    private static readonly FrozenSet<string> LayoutMarkers = FrozenSet.Create(StringComparer.Ordinal,
        "table", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "li", "blockquote", "pre", "article",
        "section", "main", "nav", "header", "footer", "aside", "form");

    /// <summary>Elements that start a new <see cref="BlockDom.ContainerId"/>.</summary>
    private static readonly FrozenSet<string> ContainerTags = FrozenSet.Create(StringComparer.Ordinal,
        "article", "main", "section", "nav", "aside", "header", "footer", "div");

    public static ElementRole RoleOf(string tag) =>
        SkippedTags.Contains(tag) ? ElementRole.Skipped
        : InlineTags.Contains(tag) ? ElementRole.Inline
        : BlockTags.Contains(tag) ? ElementRole.Block
        : ElementRole.Wrapper;

    /// <summary>Whether <paramref name="tag"/>'s role is <see cref="ElementRole.Skipped"/>, asked without the other tables.</summary>
    public static bool IsSkipped(string tag) => SkippedTags.Contains(tag);

    public static bool SeparatesWords(string tag) => MathTokenTags.Contains(tag);

    public static bool MarksLayoutTable(string tag) => LayoutMarkers.Contains(tag);

    public static bool StartsContainer(string tag) => ContainerTags.Contains(tag);

    /// <summary>Heading level of h1-h6, else 0.</summary>
    public static int HeadingLevel(string tag) =>
        tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6' ? tag[1] - '0' : 0;
}
