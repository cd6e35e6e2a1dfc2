using System.Collections.Concurrent;
using System.Globalization;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Training.Evaluation;

/// <summary>How well a model tells one corpus's page types in one mode.</summary>
/// <param name="Corpus">The corpus.</param>
/// <param name="Mode">HTML or its plain-text view.</param>
/// <param name="Report">Per-type precision and recall, accuracy and confusion; an untold type counts as "(none)".</param>
public sealed record PageTypeResult(string Corpus, EvaluationMode Mode, ClassificationReport Report);

/// <summary>Page-type accuracy of a model on the dev pages whose corpus names their type.</summary>
public static class PageTypeEvaluation
{
    /// <summary>Label given to a page whose type the model did not tell.</summary>
    public const string Untold = "(none)";

    /// <summary>Tells every typed dev page's type, as HTML and as plain text; corpora without types are skipped.</summary>
    public static PageTypeReport Evaluate(BoilerplateModel model, IEnumerable<LabelledDataset> corpora, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(corpora);
        var results = new List<PageTypeResult>();
        if (model.PageTypes.Count == 0)
        {
            return new PageTypeReport(results);
        }

        var html = new HtmlSegmenter(SegmentationLimits.Default with { MaxNodes = int.MaxValue });
        var text = new TextSegmenter();
        foreach (var corpus in corpora)
        {
            var pages = corpus.Dev.Where(p => p.PageType is not null).ToList();
            if (pages.Count == 0)
            {
                continue;
            }

            var pairs = new ConcurrentDictionary<EvaluationMode, ConcurrentBag<(int, string, string)>>();
            Parallel.For(0, pages.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var raw = pages[i].ReadHtml();
                var asHtml = html.Segment(raw, pages[i].Url, cancellationToken);
                var asText = text.Segment(PlainTextView.Render(raw), pages[i].Url);
                pairs.GetOrAdd(EvaluationMode.Html, _ => []).Add((i, pages[i].PageType!, Told(model.PageTypeOf(asHtml))));
                pairs.GetOrAdd(EvaluationMode.Text, _ => []).Add((i, pages[i].PageType!, Told(model.PageTypeOf(asText))));
            });
            foreach (var mode in EvaluationModes.Standard)
            {
                var ordered = pairs[mode].OrderBy(p => p.Item1).Select(p => (p.Item2, p.Item3));
                results.Add(new PageTypeResult(corpus.Name, mode, new ClassificationReport(ordered)));
            }
        }

        return new PageTypeReport(results);
    }

    private static string Told(string type) => type.Length == 0 ? Untold : type;
}

/// <summary>Page-type figures of every corpus and mode evaluated.</summary>
/// <param name="Results">One entry per corpus and mode.</param>
public sealed record PageTypeReport(IReadOnlyList<PageTypeResult> Results)
{
    /// <summary>The figures as flat metric names: <c>{prefix}.{corpus}.{html|text}.page_type_accuracy</c>.</summary>
    public IReadOnlyDictionary<string, double> ToMetrics(string prefix) =>
        Results.ToDictionary(
            r => string.Create(CultureInfo.InvariantCulture, $"{prefix}.{r.Corpus}.{r.Mode.ToString().ToLowerInvariant()}.page_type_accuracy"),
            r => Math.Round(r.Report.Accuracy, 4),
            StringComparer.Ordinal);
}
