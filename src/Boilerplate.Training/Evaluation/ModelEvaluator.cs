using System.Collections.Concurrent;
using System.Diagnostics;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Training.Evaluation;

/// <summary>
/// Scores a classifier on labelled pages: each page goes through the service's own <see cref="CleaningPipeline"/>
/// in HTML mode (its markup) or in text mode (its naive plain-text rendering, <see cref="PlainTextView"/>), and the
/// cleaned text is compared with the page's article body by <see cref="ArticleMetrics"/>. Pages run in parallel;
/// the classifier must be thread-safe, as every <see cref="IBlockClassifier"/> is.
/// </summary>
public sealed class ModelEvaluator : IDisposable
{
    private readonly CleaningPipeline _pipeline;
    private readonly CleanOptions _options;
    private readonly int _parallelism;

    /// <summary>
    /// Creates an evaluator that cleans with <paramref name="options"/> (default: keep "body" when most probable),
    /// segments within <paramref name="limits"/>, on up to <paramref name="parallelism"/> threads (default: all cores).
    /// </summary>
    public ModelEvaluator(CleanOptions? options = null, SegmentationLimits? limits = null, int? parallelism = null)
    {
        _parallelism = parallelism ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(_parallelism, 1, nameof(parallelism));
        _options = options ?? CleanOptions.Default;
        _pipeline = new CleaningPipeline(limits ?? SegmentationLimits.Default);
    }

    /// <summary>Evaluates <paramref name="classifier"/> on the dev split of each corpus, in both modes.</summary>
    public EvaluationReport EvaluateDev(IBlockClassifier classifier, IEnumerable<LabelledDataset> corpora, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        var results = new List<CorpusEvaluation>();
        foreach (var corpus in corpora)
        {
            var dev = corpus.Dev.ToList();
            foreach (var mode in EvaluationModes.Standard)
            {
                results.Add(Evaluate(classifier, corpus.Name, dev, mode, cancellationToken));
            }
        }

        return new EvaluationReport(results);
    }

    /// <summary>Evaluates <paramref name="classifier"/> on <paramref name="pages"/> in one mode.</summary>
    public CorpusEvaluation Evaluate(IBlockClassifier classifier, string corpus, IReadOnlyList<LabelledPage> pages, EvaluationMode mode, CancellationToken cancellationToken)
    {
        var (comparisons, failed, milliseconds) = Compare(classifier, pages, mode, cancellationToken);
        return new CorpusEvaluation(corpus, mode, ArticleMetrics.Aggregate(comparisons), failed, milliseconds);
    }

    /// <summary>
    /// Each page's comparison with its truth, in page order (a page the pipeline refuses counts as extracted empty),
    /// for callers that pool pages scored by different models.
    /// </summary>
    public IReadOnlyList<PageComparison> ComparePages(IBlockClassifier classifier, IReadOnlyList<LabelledPage> pages, EvaluationMode mode, CancellationToken cancellationToken) =>
        Compare(classifier, pages, mode, cancellationToken).Comparisons;

    /// <summary>
    /// As <see cref="ComparePages(IBlockClassifier, IReadOnlyList{LabelledPage}, EvaluationMode, CancellationToken)"/>,
    /// also returning each page's cleaning (null where the page was refused), block by block.
    /// </summary>
    public IReadOnlyList<(PageComparison Comparison, CleanResult? Cleaned)> CleanPages(
        IBlockClassifier classifier, IReadOnlyList<LabelledPage> pages, EvaluationMode mode, CancellationToken cancellationToken)
    {
        var cleaned = new CleanResult?[pages.Count];
        var comparisons = Compare(classifier, pages, mode, cancellationToken, cleaned).Comparisons;
        return comparisons.Select((comparison, i) => (comparison, cleaned[i])).ToList();
    }

    private (PageComparison[] Comparisons, int Failed, double Milliseconds) Compare(
        IBlockClassifier classifier, IReadOnlyList<LabelledPage> pages, EvaluationMode mode, CancellationToken cancellationToken, CleanResult?[]? cleaned = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(pages);
        var comparisons = new PageComparison[pages.Count];
        var failed = 0;
        var ticks = new ConcurrentBag<long>();
        Parallel.For(
            0,
            pages.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = cancellationToken },
            i =>
            {
                var page = pages[i];
                var input = mode.Render(page.ReadHtml());
                var started = Stopwatch.GetTimestamp();
                string extracted;
                try
                {
                    var result = Clean(classifier, input, mode, page.Url, cancellationToken);
                    extracted = result.Text;
                    if (cleaned is not null)
                    {
                        cleaned[i] = result;
                    }
                }
                catch (PageRejectedException)
                {
                    Interlocked.Increment(ref failed);
                    extracted = string.Empty;
                }

                ticks.Add(Stopwatch.GetTimestamp() - started);
                comparisons[i] = ArticleMetrics.Compare(page.ArticleBody, extracted, page.With, page.Without);
            });

        var milliseconds = pages.Count == 0 ? 0 : ticks.Sum() * 1000.0 / Stopwatch.Frequency / pages.Count;
        return (comparisons, failed, milliseconds);
    }

    /// <summary>The text <paramref name="classifier"/> keeps of one page given as HTML or as plain text.</summary>
    /// <exception cref="PageRejectedException">The page is empty, over a limit or past the time budget.</exception>
    public string Extract(IBlockClassifier classifier, string input, EvaluationMode mode, string? url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(input);
        return Clean(classifier, input, mode, url, cancellationToken).Text;
    }

    private CleanResult Clean(IBlockClassifier classifier, string input, EvaluationMode mode, string? url, CancellationToken cancellationToken) =>
        _pipeline.Clean(mode.ToInput(input, url), classifier, _options, cancellationToken);

    /// <summary>Stops the pipeline's parser pool.</summary>
    public void Dispose() => _pipeline.Dispose();
}
