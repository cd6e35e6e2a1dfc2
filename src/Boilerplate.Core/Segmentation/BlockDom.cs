namespace Boilerplate.Core.Segmentation;

/// <summary>
/// What the DOM says about a block. Absent for text input, so every feature built on it
/// must have a "no markup" value.
/// </summary>
/// <param name="Tag">The block element's tag name, lower case ("p", "li", "h2", "div").</param>
/// <param name="AncestorTags">Ancestor tag names from the root down to the parent, space separated ("html body div article").</param>
/// <param name="AttributeTokens">
/// Lower-case tokens of the class, id, role, itemprop and aria-label attributes of the block and its
/// ancestors, split on non-letters ("nav menu footer cookie consent ..."), nearest first, capped.
/// </param>
/// <param name="LinkTextShare">Share of the block's characters that sit inside &lt;a&gt; elements (0..1).</param>
/// <param name="LinkCount">Number of &lt;a href&gt; elements in the block.</param>
/// <param name="Depth">Element depth of the block in the document.</param>
/// <param name="ContainerId">
/// Index of the block's nearest sectioning ancestor (article, main, section, or the div that holds it)
/// in document order; blocks sharing it share a container.
/// </param>
/// <param name="Element">The block's own element, whose parent chain leads to the root; null when built by hand.</param>
public sealed record BlockDom(
    string Tag,
    string AncestorTags,
    string AttributeTokens,
    float LinkTextShare,
    int LinkCount,
    int Depth,
    int ContainerId,
    DomElement? Element = null);
