using System.IO.Compression;
using Boilerplate.Core.Decoding;

namespace Boilerplate.Training;

/// <summary>One page of a labelled corpus: where its HTML is and the article body a person wrote out.</summary>
/// <param name="Corpus">Name of the corpus folder ("wcxb-dev").</param>
/// <param name="Id">Page id, unique within the corpus.</param>
/// <param name="Url">Where the page was fetched from, when known.</param>
/// <param name="Title">The page title from the truth file.</param>
/// <param name="ArticleBody">The article body, paragraphs separated by blank lines.</param>
/// <param name="With">Snippets that must be kept.</param>
/// <param name="Without">Snippets that must be dropped.</param>
/// <param name="HtmlPath">Path of the gzip-compressed page.</param>
public sealed record LabelledPage(
    string Corpus,
    string Id,
    string? Url,
    string Title,
    string ArticleBody,
    IReadOnlyList<string> With,
    IReadOnlyList<string> Without,
    string HtmlPath)
{
    /// <summary>The page's type when the corpus says it (WCXB: article, forum, product, collection, listing, documentation, service).</summary>
    public string? PageType { get; init; }

    /// <summary>The page's author as the corpus writes it (WCXB), when the page has one.</summary>
    public string? Author { get; init; }

    /// <summary>The page's publication date as the corpus writes it (WCXB: yyyy-MM-dd), when the page has one.</summary>
    public string? PublishDate { get; init; }

    /// <summary>Whether the page belongs to the held-out dev split.</summary>
    public bool IsDev => DatasetSplit.IsDev(Id);

    /// <summary>"corpus/id": the key of the page's training pages, unique across corpora.</summary>
    public string Key => $"{Corpus}/{Id}";

    /// <summary>
    /// The site the page came from (its URL's host, lower-cased, without a leading "www."), or null without a URL.
    /// Pages of one site share templates and chrome, so a fold that holds a page out holds its whole site out.
    /// </summary>
    public string? Site => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
        ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host).ToLowerInvariant()
        : null;

    /// <summary>What decides a page's cross-validation fold: its <see cref="Site"/>, across corpora, else its <see cref="Key"/>.</summary>
    public string FoldGroup => Site is { } site ? $"site/{site}" : Key;

    /// <summary>Reads, decompresses and decodes the page (charset from BOM or meta, as a browser would).</summary>
    public string ReadHtml()
    {
        using var file = File.OpenRead(HtmlPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return CharsetDecoder.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), null);
    }
}
