using System.Diagnostics;
using SmartReader;

namespace Boilerplate.Cli.Peers;

/// <summary>SmartReader (a C# port of Readability on AngleSharp), run in-process on the calling thread.</summary>
public sealed class SmartReaderPeer : IArticleExtractor
{
    // SmartReader needs an absolute URI to resolve links against; pages without a URL get this one.
    private const string FallbackUri = "http://localhost/";

    static SmartReaderPeer()
    {
        // SmartReader turns the article element into TextContent with a process-wide converter while it
        // builds the article. Swapping in the truth-style paragraph writer makes its text comparable with the
        // datasets' truth without a second parse, and costs what its default converter costs.
        Article.Converter = ArticleText.FromElement;
    }

    /// <inheritdoc />
    public string Name => "SmartReader";

    /// <inheritdoc />
    public ValueTask<ExtractedArticle> ExtractAsync(PageToExtract page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        cancellationToken.ThrowIfCancellationRequested();
        var uri = Uri.TryCreate(page.Url, UriKind.Absolute, out var parsed) ? parsed.AbsoluteUri : FallbackUri;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var reader = new Reader(uri, page.Html);
            var article = reader.GetArticle();
            return ValueTask.FromResult(new ExtractedArticle(article.Title ?? string.Empty, article.TextContent ?? string.Empty, stopwatch.Elapsed));
        }
#pragma warning disable CA1031 // A peer crashing on a page is a finding to report, not a reason to stop the comparison.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ValueTask.FromResult(new ExtractedArticle(string.Empty, string.Empty, stopwatch.Elapsed, ex.Message));
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
