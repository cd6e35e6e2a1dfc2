using System.Diagnostics;
using Boilerplate.Cli.Peers;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Evaluate;

/// <summary>
/// The one loop that scores every system: each page is read and decoded once, handed to every system in turn on
/// this thread, and each answer is compared with the page's truth the same way (<see cref="ArticleMetrics"/>).
/// </summary>
internal static class ExtractionComparison
{
    /// <summary>Runs <paramref name="systems"/> over the chosen pages of every corpus.</summary>
    /// <param name="corpora">The corpora.</param>
    /// <param name="split">Which pages of each corpus.</param>
    /// <param name="maxPages">At most this many pages of each corpus, in truth-file order.</param>
    /// <param name="systems">The systems, in report order.</param>
    /// <param name="progress">Told the corpus name and page count as each corpus starts.</param>
    /// <param name="cancellationToken">Stops between pages.</param>
    public static async Task<IReadOnlyList<SystemResult>> RunAsync(
        IReadOnlyList<LabelledDataset> corpora,
        EvaluationSplit split,
        int? maxPages,
        IReadOnlyList<IArticleExtractor> systems,
        Action<string, int>? progress,
        CancellationToken cancellationToken)
    {
        var results = new List<SystemResult>();
        foreach (var corpus in corpora)
        {
            var pages = PagesOf(corpus, split, maxPages);
            progress?.Invoke(corpus.Name, pages.Count);
            var tallies = systems.Select(_ => new Tally(pages.Count)).ToArray();
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var request = new PageToExtract(page.Id, page.Url, page.ReadHtml());
                for (var s = 0; s < systems.Count; s++)
                {
                    var article = await systems[s].ExtractAsync(request, cancellationToken).ConfigureAwait(false);
                    tallies[s].Add(page, article, ArticleMetrics.Compare(page.ArticleBody, article.Text, page.With, page.Without));
                }
            }

            results.AddRange(systems.Select((system, s) => tallies[s].ToResult(corpus.Name, system.Name)));
        }

        return results;
    }

    /// <summary>The pages of <paramref name="corpus"/> in <paramref name="split"/>, at most <paramref name="maxPages"/>.</summary>
    public static IReadOnlyList<LabelledPage> PagesOf(LabelledDataset corpus, EvaluationSplit split, int? maxPages)
    {
        var pages = split switch
        {
            EvaluationSplit.Dev => corpus.Dev,
            EvaluationSplit.Train => corpus.Train,
            _ => corpus.Pages,
        };
        return pages.Take(maxPages ?? int.MaxValue).ToList();
    }

    private sealed class Tally(int capacity)
    {
        private const int MaxFailuresKept = 10;

        private readonly List<PageComparison> _comparisons = new(capacity);
        private readonly List<string?> _pageTypes = new(capacity);
        private readonly List<PageFailure> _failures = [];
        private readonly List<LostPage> _lost = [];
        private readonly List<PageScore> _pages = [];
        private TimeSpan _elapsed;
        private int _failed;

        public void Add(LabelledPage page, ExtractedArticle article, PageComparison comparison)
        {
            _comparisons.Add(comparison);
            _pageTypes.Add(page.PageType);
            _pages.Add(PageScore.Of(page.Id, comparison));
            _elapsed += article.Elapsed;
            if (comparison.IsCatastrophic)
            {
                _lost.Add(new LostPage(page.Id, page.PageType, comparison.F1, comparison.Precision, comparison.Recall));
            }

            if (article.Error is { } error)
            {
                _failed++;
                if (_failures.Count < MaxFailuresKept)
                {
                    _failures.Add(new PageFailure(page.Id, error));
                }
            }
        }

        public SystemResult ToResult(string corpus, string system) => new(
            corpus,
            system,
            ArticleMetrics.Aggregate(_comparisons),
            _failed,
            _elapsed > TimeSpan.Zero ? _comparisons.Count / _elapsed.TotalSeconds : 0,
            _failures)
        {
            ByPageType = _pageTypes.Where(t => t is not null).Distinct().Order(StringComparer.Ordinal)
                .ToDictionary(t => t!, t => ArticleMetrics.Aggregate(_comparisons.Where((_, i) => _pageTypes[i] == t))),
            Lost = _lost,
            Pages = _pages,
        };
    }
}
