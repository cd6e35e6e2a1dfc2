using System.Collections.Concurrent;
using System.Diagnostics;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Core.Training;

namespace Boilerplate.Core.Evaluation;

/// <summary>
/// Scores a classifier on labelled pages: each page is cleaned in HTML mode (its markup) or in text mode (its naive
/// plain-text rendering), and the kept text is compared with the page's article body by <see cref="ArticleMetrics"/>.
/// Pages run in parallel; the classifier must be thread-safe, as every <see cref="IBlockClassifier"/> is.
/// </summary>
public sealed class ModelEvaluator
{
    private readonly HtmlSegmenter _html;
    private readonly TextSegmenter _text;
    private readonly int _parallelism;

    /// <summary>Creates an evaluator that segments within <paramref name="limits"/> on up to <paramref name="parallelism"/> threads (default: all cores).</summary>
    public ModelEvaluator(SegmentationLimits? limits = null, int? parallelism = null)
    {
        var bounded = limits ?? SegmentationLimits.Default;
        _html = new HtmlSegmenter(bounded);
        _text = new TextSegmenter(bounded);
        _parallelism = parallelism ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(_parallelism, 1, nameof(parallelism));
    }

    /// <summary>Evaluates <paramref name="classifier"/> on the dev split of each corpus, in both modes.</summary>
    public EvaluationReport EvaluateDev(IBlockClassifier classifier, IEnumerable<LabelledDataset> corpora, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        var results = new List<CorpusEvaluation>();
        foreach (var corpus in corpora)
        {
            var dev = corpus.Dev.ToList();
            foreach (var mode in Enum.GetValues<EvaluationMode>())
            {
                results.Add(Evaluate(classifier, corpus.Name, dev, mode, cancellationToken));
            }
        }

        return new EvaluationReport(results);
    }

    /// <summary>Evaluates <paramref name="classifier"/> on <paramref name="pages"/> in one mode.</summary>
    public CorpusEvaluation Evaluate(IBlockClassifier classifier, string corpus, IReadOnlyList<LabelledPage> pages, EvaluationMode mode, CancellationToken cancellationToken)
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
                var input = mode == EvaluationMode.Html ? page.ReadHtml() : PlainTextView.Render(page.ReadHtml());
                var started = Stopwatch.GetTimestamp();
                string extracted;
                try
                {
                    extracted = Extract(classifier, input, mode, page.Url, cancellationToken);
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
        return new CorpusEvaluation(corpus, mode, ArticleMetrics.Aggregate(comparisons), failed, milliseconds);
    }

    /// <summary>The text <paramref name="classifier"/> keeps of one page given as HTML or as plain text.</summary>
    public string Extract(IBlockClassifier classifier, string input, EvaluationMode mode, string? url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(input);
        var page = mode == EvaluationMode.Html ? _html.Segment(input, url, cancellationToken) : _text.Segment(input, url);
        var scores = classifier.Score(page, cancellationToken);
        var body = IndexOfBody(classifier.Labels);
        var kept = new List<string>();
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            if (scores.ArgMax(i) == body)
            {
                kept.Add(page.Blocks[i].Text);
            }
        }

        return string.Join("\n\n", kept);
    }

    private static int IndexOfBody(IReadOnlyList<string> labels)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == BlockLabeler.Body)
            {
                return i;
            }
        }

        throw new ArgumentException($"The classifier has no \"{BlockLabeler.Body}\" label, so there is no article text to score.");
    }
}
