namespace Boilerplate.Core.Segmentation.Html;

/// <summary>A handle on one node of a <see cref="LiteDocument"/>: an element or a text node.</summary>
internal readonly struct LiteNode(LiteDocument document, int index)
{
    private ref LiteDocument.NodeData Data => ref document.Nodes[index];

    /// <summary>Whether this is an element (else a text node).</summary>
    public bool IsElement => Data.Tag is not null;

    /// <summary>The element's lower-case local name; empty for text.</summary>
    public string LocalName => Data.Tag ?? string.Empty;

    /// <summary>The text of a text node (empty for an element).</summary>
    public ReadOnlySpan<char> Text
    {
        get
        {
            ref var data = ref Data;
            return data.Tag is null ? document.Slice(data.DecodedText, data.Start, data.Length) : default;
        }
    }

    /// <summary>The first child, if any.</summary>
    public LiteNode? FirstChild => At(Data.Tag is null ? LiteDocument.None : Data.FirstChild);

    /// <summary>The next sibling, if any.</summary>
    public LiteNode? NextSibling => At(Data.Next);

    /// <summary>The child elements, in order.</summary>
    public IEnumerable<LiteNode> Children
    {
        get
        {
            for (var child = FirstChild; child is { } node; child = node.NextSibling)
            {
                if (node.IsElement)
                {
                    yield return node;
                }
            }
        }
    }

    /// <summary>Whether the element keeps any attribute.</summary>
    public bool HasAttributes => Data.Tag is not null && Data.Length > 0;

    /// <summary>Whether the element has attribute <paramref name="name"/>.</summary>
    public bool HasAttribute(LiteAttribute name) => TryGetAttribute(name, out _);

    /// <summary>The value of attribute <paramref name="name"/>, or null.</summary>
    public string? GetAttribute(LiteAttribute name) => TryGetAttribute(name, out var value) ? value.ToString() : null;

    /// <summary>The value of attribute <paramref name="name"/> without copying it.</summary>
    public bool TryGetAttribute(LiteAttribute name, out ReadOnlySpan<char> value)
    {
        ref var data = ref Data;
        if (data.Tag is not null)
        {
            for (var i = data.Start; i < data.Start + data.Length; i++)
            {
                ref var attribute = ref document.Attributes[i];
                if (attribute.Name == name)
                {
                    value = document.Slice(attribute.Decoded, attribute.Start, attribute.Length);
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The value of attribute <paramref name="name"/> as memory that outlives the document: a slice of the source when
    /// the value had no character reference (no copy), else a string of its own.
    /// </summary>
    public bool TryGetAttributeMemory(LiteAttribute name, out ReadOnlyMemory<char> value)
    {
        ref var data = ref Data;
        if (data.Tag is not null)
        {
            for (var i = data.Start; i < data.Start + data.Length; i++)
            {
                ref var attribute = ref document.Attributes[i];
                if (attribute.Name == name)
                {
                    value = attribute.Decoded
                        ? document.Slice(true, attribute.Start, attribute.Length).ToString().AsMemory()
                        : document.Source.AsMemory(attribute.Start, attribute.Length);
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>
    /// How many non-white-space characters the element's descendants hold, leaving out the subtrees of the elements
    /// <paramref name="skip"/> names.
    /// </summary>
    public int TextLength(Func<LiteNode, bool>? skip = null)
    {
        var length = 0;
        for (var node = FirstChild; node is { } current;)
        {
            if (!current.IsElement)
            {
                length += NonSpaceLength(current.Text);
            }
            else if (skip is not null && skip(current))
            {
                node = current.NextSibling ?? current.NextAfterAncestors(index);
                continue;
            }

            node = current.FirstChild ?? current.NextSibling ?? current.NextAfterAncestors(index);
        }

        return length;
    }

    /// <summary>How many non-white-space characters <paramref name="text"/> holds.</summary>
    public static int NonSpaceLength(ReadOnlySpan<char> text)
    {
        var length = 0;
        foreach (var c in text)
        {
            length += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return length;
    }

    /// <summary>The concatenated text of the element's descendants.</summary>
    public string TextContent()
    {
        var builder = new System.Text.StringBuilder();
        for (var node = FirstChild; node is { } current;)
        {
            if (!current.IsElement)
            {
                builder.Append(current.Text);
            }

            node = current.FirstChild ?? current.NextSibling ?? current.NextAfterAncestors(index);
        }

        return builder.ToString();
    }

    private LiteNode? NextAfterAncestors(int root)
    {
        var i = document.Nodes[index].Parent;
        while (i != root && i != LiteDocument.None)
        {
            if (document.Nodes[i].Next != LiteDocument.None)
            {
                return new LiteNode(document, document.Nodes[i].Next);
            }

            i = document.Nodes[i].Parent;
        }

        return null;
    }

    private LiteNode? At(int i) => i == LiteDocument.None ? null : new LiteNode(document, i);
}
