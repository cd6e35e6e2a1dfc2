using Boilerplate.Core.Metadata;

namespace Boilerplate.Core.Cleaning;

/// <summary>The cleaned page.</summary>
/// <param name="Title">Page title or empty.</param>
/// <param name="Text">Kept blocks joined by blank lines.</param>
/// <param name="Markdown">Kept blocks as Markdown; empty unless asked for.</param>
/// <param name="Blocks">Every block with its verdict, in page order (the API's paragraphs).</param>
/// <param name="Labels">The model's labels, the column order of each block's scores.</param>
/// <param name="ModelVersion">Version of the model that scored the page.</param>
public sealed record CleanResult(
    string Title,
    string Text,
    string Markdown,
    IReadOnlyList<CleanedBlock> Blocks,
    IReadOnlyList<string> Labels,
    string ModelVersion)
{
    /// <summary>The page's type as the model tells it (article, forum, product...), or empty.</summary>
    public string PageType { get; init; } = string.Empty;

    /// <summary>The kept article as clean HTML (one &lt;article&gt; element); empty unless asked for.</summary>
    public string Html { get; init; } = string.Empty;

    /// <summary>What the page says about itself: authors, dates, language, site.</summary>
    public PageMetadata Metadata { get; init; } = PageMetadata.Empty;
}
