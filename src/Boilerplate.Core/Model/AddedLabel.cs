namespace Boilerplate.Core.Model;

/// <summary>
/// A label trained on top of a base model from a user's samples (see <see cref="AddedLabelStage"/>), with what its
/// cross-validation over those samples measured.
/// </summary>
/// <param name="Name">The label.</param>
/// <param name="Samples">Blocks of the user's samples that carry it.</param>
/// <param name="Precision">Cross-validated precision: of held-out blocks given this label (samples and base pages), the share that carry it.</param>
/// <param name="Recall">Cross-validated recall: of the held-out samples that carry it, the share given it.</param>
public sealed record AddedLabel(string Name, int Samples, double Precision, double Recall)
{
    /// <summary>
    /// Added to the stage's log-odds for this label before its verdict is merged: the operating point that gave the
    /// best cross-validated F1 (positive: the label is given more readily).
    /// </summary>
    public float Offset { get; init; }
}
