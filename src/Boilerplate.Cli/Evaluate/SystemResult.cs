using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Evaluate;

/// <summary>One system's figures on one corpus.</summary>
/// <param name="Corpus">The corpus name.</param>
/// <param name="System">The system ("ours-html", "Readability.js", ...).</param>
/// <param name="Score">Shingle precision, recall, F1 and the with/without snippet check.</param>
/// <param name="FailedPages">Pages the system failed on (scored as empty output).</param>
/// <param name="PagesPerSecond">Pages per second of the system's own time, on one thread.</param>
/// <param name="Failures">The first few failed pages and why, so a failure count can be followed up.</param>
internal sealed record SystemResult(string Corpus, string System, ArticleScore Score, int FailedPages, double PagesPerSecond, IReadOnlyList<PageFailure> Failures)
{
    /// <summary>The same figures per page type, for corpora whose truth names one (WCXB); empty otherwise.</summary>
    public IReadOnlyDictionary<string, ArticleScore> ByPageType { get; init; } = new Dictionary<string, ArticleScore>();

    /// <summary>Every page lost (shingle F1 below <see cref="ArticleMetrics.CatastrophicF1"/>), in page order.</summary>
    public IReadOnlyList<LostPage> Lost { get; init; } = [];

    /// <summary>Every page's shingle and word F1, in page order, so two runs can be compared page by page.</summary>
    public IReadOnlyList<PageScore> Pages { get; init; } = [];
}

/// <summary>One page's figures.</summary>
/// <param name="Id">The page id.</param>
/// <param name="F1">Its shingle F1.</param>
/// <param name="WordF1">Its word F1.</param>
/// <param name="Precision">Its shingle precision (low: text beside the article was kept).</param>
/// <param name="Recall">Its shingle recall (low: the article was dropped).</param>
internal sealed record PageScore(string Id, double F1, double WordF1, double Precision, double Recall)
{
    /// <summary>The figures of page <paramref name="id"/>, rounded as every per-page listing writes them.</summary>
    public static PageScore Of(string id, PageComparison comparison) => new(
        id, Math.Round(comparison.F1, 4), Math.Round(comparison.Words.F1, 4), Math.Round(comparison.Precision, 4), Math.Round(comparison.Recall, 4));
}

/// <summary>A page a system lost: the reader got the wrong text or none.</summary>
/// <param name="Id">The page id.</param>
/// <param name="PageType">Its type, when the corpus says.</param>
/// <param name="F1">Its shingle F1.</param>
/// <param name="Precision">Its shingle precision (low: the wrong text was kept).</param>
/// <param name="Recall">Its shingle recall (low: the article was dropped).</param>
internal sealed record LostPage(string Id, string? PageType, double F1, double Precision, double Recall);

/// <summary>A page a system failed on.</summary>
/// <param name="Id">The page id.</param>
/// <param name="Reason">The system's error message.</param>
internal sealed record PageFailure(string Id, string Reason);
