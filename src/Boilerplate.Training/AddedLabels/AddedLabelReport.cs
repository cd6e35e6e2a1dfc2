namespace Boilerplate.Training.AddedLabels;

/// <summary>What cross-validation over the user's samples measured for one added label.</summary>
/// <param name="Label">The label.</param>
/// <param name="Samples">Sample blocks carrying it.</param>
/// <param name="TruePositives">Held-out sample blocks of the label given it.</param>
/// <param name="FalseNegatives">Held-out sample blocks of the label given another.</param>
/// <param name="FalsePositives">Held-out blocks of other labels (samples) given it.</param>
/// <param name="BaseFalseAlarms">Held-out base-page blocks given it (also counted in <paramref name="FalsePositives"/>).</param>
public sealed record AddedLabelFigures(string Label, int Samples, int TruePositives, int FalseNegatives, int FalsePositives, int BaseFalseAlarms)
{
    /// <summary>Share of the blocks given the label that carry it (1 when none was given it).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Share of the label's held-out samples given it.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>What training an added-label stage did and measured.</summary>
/// <param name="Labels">Cross-validated figures per added label.</param>
/// <param name="Folds">Folds of the cross-validation.</param>
/// <param name="BaseBlocks">Rows of base-page blocks and seed lines (in their views) learnt as "other".</param>
/// <param name="HeldOutBaseBlocks">Rows of base-page blocks and seed lines scored held out across the folds.</param>
/// <param name="DroppedBaseBlocks">Base-page blocks left out because their text matches a sample of an added label (the sample wins).</param>
/// <param name="Warnings">What the user should know before rolling the model out.</param>
/// <param name="DevMetrics">Dev-split figures of the base model and of the new one, by metric name; empty when not scored.</param>
public sealed record AddedLabelReport(
    IReadOnlyList<AddedLabelFigures> Labels,
    int Folds,
    int BaseBlocks,
    int HeldOutBaseBlocks,
    int DroppedBaseBlocks,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<(string Metric, double Base, double New)> DevMetrics);
