namespace Boilerplate.Training.Evaluation;

/// <summary>How well predicted labels match true labels: per-label precision, recall and F1, their macro mean, and the confusion matrix.</summary>
public sealed record ClassificationReport
{
    /// <summary>Builds the report from (true, predicted) pairs; labels are the true labels in first-seen order, then any others predicted.</summary>
    public ClassificationReport(IEnumerable<(string Truth, string Predicted)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = pairs.ToList();
        var labels = new List<string>();
        foreach (var label in list.Select(p => p.Truth).Concat(list.Select(p => p.Predicted)))
        {
            if (!labels.Contains(label))
            {
                labels.Add(label);
            }
        }

        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var (truth, predicted) in list)
        {
            confusion[labels.IndexOf(truth)][labels.IndexOf(predicted)]++;
        }

        var truthLabels = list.Select(p => p.Truth).ToHashSet(StringComparer.Ordinal);
        var perLabel = new List<LabelScore>();
        for (var i = 0; i < labels.Count; i++)
        {
            var tp = confusion[i][i];
            var actual = confusion[i].Sum();
            var predicted = confusion.Sum(row => row[i]);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = actual == 0 ? 0 : (double)tp / actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perLabel.Add(new LabelScore(labels[i], actual, precision, recall, f1));
        }

        Labels = labels;
        Confusion = confusion;
        PerLabel = perLabel;
        Count = list.Count;
        Accuracy = list.Count == 0 ? 0 : (double)list.Count(p => p.Truth == p.Predicted) / list.Count;
        // Labels that never occur in the truth would add an F1 of 0 that says nothing about the samples.
        var scored = perLabel.Where(s => truthLabels.Contains(s.Label)).ToList();
        MacroF1 = scored.Count == 0 ? 0 : scored.Average(s => s.F1);
    }

    /// <summary>Labels, the order of <see cref="Confusion"/>'s rows (truth) and columns (prediction).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Counts of samples by true label (row) and predicted label (column).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Confusion { get; }

    /// <summary>Precision, recall and F1 of each label.</summary>
    public IReadOnlyList<LabelScore> PerLabel { get; }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Share of samples labelled correctly.</summary>
    public double Accuracy { get; }

    /// <summary>Mean F1 over the labels that occur in the truth.</summary>
    public double MacroF1 { get; }
}

/// <summary>Precision, recall and F1 of one label.</summary>
/// <param name="Label">The label.</param>
/// <param name="Support">Samples that truly carry it.</param>
/// <param name="Precision">Share of samples predicted as it that carry it.</param>
/// <param name="Recall">Share of samples carrying it that were predicted as it.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
public sealed record LabelScore(string Label, int Support, double Precision, double Recall, double F1);
