using Boilerplate.Core.Evaluation;

namespace Boilerplate.Cli.Evaluate;

/// <summary>One system's figures on one corpus.</summary>
/// <param name="Corpus">The corpus name.</param>
/// <param name="System">The system ("ours-html", "Readability.js", ...).</param>
/// <param name="Score">Shingle precision, recall, F1 and the with/without snippet check.</param>
/// <param name="FailedPages">Pages the system failed on (scored as empty output).</param>
/// <param name="PagesPerSecond">Pages per second of the system's own time, on one thread.</param>
/// <param name="Failures">The first few failed pages and why, so a failure count can be followed up.</param>
internal sealed record SystemResult(string Corpus, string System, ArticleScore Score, int FailedPages, double PagesPerSecond, IReadOnlyList<PageFailure> Failures);

/// <summary>A page a system failed on.</summary>
/// <param name="Id">The page id.</param>
/// <param name="Reason">The system's error message.</param>
internal sealed record PageFailure(string Id, string Reason);
