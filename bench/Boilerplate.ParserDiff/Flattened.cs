using System.Text;
using AngleSharp.Dom;
using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.ParserDiff;

/// <summary>One element of a body in document order: its depth below &lt;body&gt; (children of body are 1) and tag.</summary>
internal readonly record struct ElementAt(int Depth, string Tag);

/// <summary>
/// A body reduced to what both parsers are compared on: the elements as (depth, tag) in document order, and the
/// visible text (text outside script, style and template, whitespace collapsed to single spaces).
/// </summary>
/// <remarks>
/// Normalised the same way on both sides, removing only what <see cref="LiteTreeBuilder"/> deliberately does not
/// keep: attributes (it keeps a dozen), comments, template contents (dropped; AngleSharp keeps them in the template's
/// content fragment, which is not walked), the text of script and style (never stored), and namespaces and case of
/// element names (SVG's <c>foreignObject</c> becomes <c>foreignobject</c>).
/// </remarks>
/// <param name="Elements">The body's elements in document order.</param>
/// <param name="Text">The visible text, outside shadow roots.</param>
/// <param name="ShadowText">AngleSharp only: the visible text inside declarative shadow roots, which a browser shows and
/// our builder drops with the template's contents; not part of <paramref name="Text"/>.</param>
internal sealed record Flattened(IReadOnlyList<ElementAt> Elements, string Text, string ShadowText = "")
{
    private static readonly HashSet<string> HiddenText = ["script", "style", "template"];

    /// <summary>Our builder's body; an empty body when the page reached none.</summary>
    public static Flattened Of(LiteDocument document)
    {
        var elements = new List<ElementAt>();
        var text = new TextCollector();
        if (document.Body is not { } body)
        {
            return new Flattened(elements, string.Empty);
        }

        // LiteNode has no previous-sibling handle, so children are pushed from a list in reverse.
        var stack = new Stack<(LiteNode Node, int Depth, bool Hidden)>();
        PushChildren(stack, body, 1, false);
        while (stack.Count > 0)
        {
            var (node, depth, hidden) = stack.Pop();
            if (!node.IsElement)
            {
                if (!hidden)
                {
                    text.Add(node.Text);
                }

                continue;
            }

            var tag = node.LocalName.ToLowerInvariant();
            elements.Add(new ElementAt(depth, tag));
            PushChildren(stack, node, depth + 1, hidden || HiddenText.Contains(tag));
        }

        return new Flattened(elements, text.ToString());
    }

    /// <summary>AngleSharp's body (or frameset); an empty body when there is none.</summary>
    public static Flattened Of(IDocument document)
    {
        var elements = new List<ElementAt>();
        var text = new TextCollector();
        var shadowText = new TextCollector();
        if (document.Body is not { } body)
        {
            return new Flattened(elements, string.Empty);
        }

        var stack = new Stack<(INode Node, int Depth, bool Hidden, bool Shadow)>();
        PushChildren(stack, body.ChildNodes, 1, false, false);
        while (stack.Count > 0)
        {
            var (node, depth, hidden, shadow) = stack.Pop();
            switch (node)
            {
                case IText t when !hidden:
                    (shadow ? shadowText : text).Add(t.Data);
                    break;
                case IElement element:
                    var tag = element.LocalName.ToLowerInvariant();
                    if (!shadow)
                    {
                        elements.Add(new ElementAt(depth, tag));
                    }

                    var hideChildren = hidden || HiddenText.Contains(tag);
                    PushChildren(stack, element.ChildNodes, depth + 1, hideChildren, shadow);
                    if (element.ShadowRoot is { } root)
                    {
                        // Pushed last, so walked first: a shadow root's content renders in place of the host's children.
                        PushChildren(stack, root.ChildNodes, depth + 1, hideChildren, true);
                    }

                    break;
            }
        }

        return new Flattened(elements, text.ToString(), shadowText.ToString());
    }

    private static void PushChildren(Stack<(INode Node, int Depth, bool Hidden, bool Shadow)> stack, INodeList children, int depth, bool hidden, bool shadow)
    {
        for (var i = children.Length - 1; i >= 0; i--)
        {
            stack.Push((children[i], depth, hidden, shadow));
        }
    }

    private static void PushChildren(Stack<(LiteNode Node, int Depth, bool Hidden)> stack, LiteNode parent, int depth, bool hidden)
    {
        var children = new List<LiteNode>();
        for (var child = parent.FirstChild; child is { } c; child = c.NextSibling)
        {
            children.Add(c);
        }

        for (var i = children.Count - 1; i >= 0; i--)
        {
            stack.Push((children[i], depth, hidden));
        }
    }

    /// <summary>Joins text nodes as they come, collapsing every run of white space to one space.</summary>
    private sealed class TextCollector
    {
        private readonly StringBuilder _builder = new();
        private bool _space;

        public void Add(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _space = true;
                    continue;
                }

                if (_space && _builder.Length > 0)
                {
                    _builder.Append(' ');
                }

                _space = false;
                _builder.Append(c);
            }
        }

        public override string ToString() => _builder.ToString();
    }
}
