using System.Globalization;

namespace Boilerplate.Training.Evaluation;

/// <summary>Extraction figures of one corpus in one mode.</summary>
/// <param name="Corpus">Corpus name.</param>
/// <param name="Mode">HTML or plain text.</param>
/// <param name="Score">Shingle precision, recall and F1, and the snippet check.</param>
/// <param name="FailedPages">Pages that could not be cleaned (scored as empty output).</param>
/// <param name="MillisecondsPerPage">Mean wall-clock time to segment, score and clean a page on one thread.</param>
public sealed record CorpusEvaluation(string Corpus, EvaluationMode Mode, ArticleScore Score, int FailedPages, double MillisecondsPerPage);

/// <summary>Figures of every corpus and mode evaluated.</summary>
/// <param name="Results">One entry per corpus and mode.</param>
public sealed record EvaluationReport(IReadOnlyList<CorpusEvaluation> Results)
{
    /// <summary>
    /// The figures as flat metric names, as stored in a model's metadata:
    /// <c>{prefix}.{corpus}.{html|text}.{f1|precision|recall|with_recall|without_rejection|word_f1|catastrophic}</c>.
    /// </summary>
    public IReadOnlyDictionary<string, double> ToMetrics(string prefix)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var result in Results)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{prefix}.{result.Corpus}.{result.Mode.ToString().ToLowerInvariant()}");
            metrics[key + ".f1"] = Math.Round(result.Score.F1, 4);
            metrics[key + ".precision"] = Math.Round(result.Score.Precision, 4);
            metrics[key + ".recall"] = Math.Round(result.Score.Recall, 4);
            metrics[key + ".with_recall"] = Math.Round(result.Score.Snippets.WithRecall, 4);
            metrics[key + ".without_rejection"] = Math.Round(result.Score.Snippets.WithoutRejection, 4);
            metrics[key + ".word_f1"] = Math.Round(result.Score.Words.F1, 4);
            metrics[key + ".catastrophic"] = result.Score.Catastrophic;
        }

        return metrics;
    }
}
