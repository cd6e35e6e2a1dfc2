namespace Boilerplate.Cli.Peers;

/// <summary>
/// Anything that pulls the article out of a page: our pipeline and the peers it is compared with. The
/// evaluation and the throughput bench drive every system through this one interface so they are scored
/// and timed by the same loop.
/// </summary>
public interface IArticleExtractor : IAsyncDisposable
{
    /// <summary>Name shown in reports ("ours-html", "Readability.js", ...).</summary>
    string Name { get; }

    /// <summary>Extracts one page. A page the system cannot handle yields an article with <see cref="ExtractedArticle.Error"/> set.</summary>
    ValueTask<ExtractedArticle> ExtractAsync(PageToExtract page, CancellationToken cancellationToken);
}
