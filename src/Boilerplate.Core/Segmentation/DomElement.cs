namespace Boilerplate.Core.Segmentation;

/// <summary>
/// An element on the path from the document root to a block, shared by every block inside it, so that the page's
/// containers can be compared at any level (the classifier looks for the element where the article's text
/// concentrates, as Readability looks for its top candidate). Only elements that hold some block are created. A class,
/// not a record: two elements are the same only when they are the same object, and equality must not walk the chain.
/// </summary>
public sealed class DomElement
{
    internal DomElement(int id, int depth, DomElement? parent)
    {
        Id = id;
        Depth = depth;
        Parent = parent;
    }

    /// <summary>Creation order among the page's elements, from 0: a dense index for per-element tables.</summary>
    public int Id { get; }

    /// <summary>Element depth in the document; the root is 0.</summary>
    public int Depth { get; }

    /// <summary>The enclosing element, or null for the root.</summary>
    public DomElement? Parent { get; }
}
