namespace Boilerplate.Core.Input;

/// <summary>One page to clean, in whichever form the scraper delivered it.</summary>
public abstract record PageInput
{
    private PageInput() { }

    /// <summary>The page's URL when known; used as a feature, never fetched.</summary>
    public string? Url { get; init; }

    /// <summary>HTML already decoded to text.</summary>
    public sealed record Html(string Content) : PageInput;

    /// <summary>HTML as fetched; <paramref name="ContentType"/> may carry the charset.</summary>
    public sealed record HtmlBytes(ReadOnlyMemory<byte> Content, string? ContentType) : PageInput;

    /// <summary>Plain text: paragraphs separated by blank lines (or by line breaks when there are none).</summary>
    public sealed record Text(string Content) : PageInput;

    /// <summary>Paragraphs split by the caller.</summary>
    public sealed record Paragraphs(IReadOnlyList<string> Items) : PageInput;
}
