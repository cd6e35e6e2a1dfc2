namespace Boilerplate.Core.Segmentation;

/// <summary>A page split into blocks, ready to score.</summary>
/// <param name="Title">The page title, or empty.</param>
/// <param name="Blocks">The blocks in page order.</param>
/// <param name="Format">Where the blocks came from.</param>
/// <param name="Url">The page URL when known.</param>
public sealed record SegmentedPage(string Title, IReadOnlyList<Block> Blocks, InputFormat Format, string? Url = null)
{
    /// <summary>
    /// What relative links and images resolve against: the page's &lt;base href&gt; (itself resolved against
    /// <see cref="Url"/>), else <see cref="Url"/>; null when neither is an absolute http(s) URL.
    /// </summary>
    public Uri? BaseUri { get; init; }

    /// <summary>What the page's markup says about it (authors, dates, language...); empty for text input.</summary>
    public Metadata.PageMetadata Markup { get; init; } = Metadata.PageMetadata.Empty;
}
