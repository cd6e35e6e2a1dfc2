namespace Boilerplate.Core.Segmentation;

/// <summary>What an <see cref="InlineSpan"/> marks.</summary>
public enum InlineKind
{
    /// <summary>&lt;a href&gt;: <see cref="InlineSpan.Target"/> is the href as written.</summary>
    Link,

    /// <summary>&lt;em&gt;, &lt;i&gt;.</summary>
    Emphasis,

    /// <summary>&lt;strong&gt;, &lt;b&gt;.</summary>
    Strong,

    /// <summary>&lt;code&gt;, &lt;kbd&gt;, &lt;samp&gt;, &lt;tt&gt; inside running text.</summary>
    Code,

    /// <summary>An image inside the text, at <see cref="InlineSpan.Start"/> (zero length).</summary>
    Image,

    /// <summary>An image that stood in markup with no text of its own (a figure): shown before the block's text.</summary>
    Figure,
}

/// <summary>
/// Inline markup over a block's text: characters [<paramref name="Start"/>, <paramref name="End"/>) of
/// <see cref="Block.Text"/> (or of one cell). Recorded beside the text, never in it, so the model reads the same text
/// with or without it. Spans nest as their elements did; images are zero-length.
/// </summary>
/// <param name="Kind">What the span marks.</param>
/// <param name="Start">First character, 0-based.</param>
/// <param name="End">One past the last character; equal to <paramref name="Start"/> for images.</param>
/// <param name="Target">
/// Link href or image source as the page wrote it, resolved only when rendered; usually a slice of the page's source,
/// so that recording a link allocates nothing. Empty for other kinds.
/// </param>
/// <param name="Alt">Image alt text as written; empty for other kinds.</param>
public readonly record struct InlineSpan(InlineKind Kind, int Start, int End, ReadOnlyMemory<char> Target = default, ReadOnlyMemory<char> Alt = default)
{
    /// <summary>Longest alt text rendered.</summary>
    public const int MaxAltChars = 500;

    /// <summary>The alt text with whitespace collapsed, cut at <see cref="MaxAltChars"/>.</summary>
    public string AltText()
    {
        if (Alt.IsEmpty)
        {
            return string.Empty;
        }

        var run = new TextRun(MaxAltChars);
        run.Append(Alt.Span, inLink: false);
        return run.Build(preserveLines: false);
    }
}
