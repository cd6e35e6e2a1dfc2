namespace Boilerplate.Core.Model;

/// <summary>
/// The added-label stage: after the base model has scored a page, a linear model over each block's text and the base
/// probabilities around it (<see cref="Features.AddedLabelFeatures"/>) tells blocks of the added labels from everything
/// else ("other", its class 0). The base model is left as it was, so its labels keep their figures wherever the stage
/// says "other", and a few dozen samples train it in seconds.
/// </summary>
public static class AddedLabelStage
{
    /// <summary>
    /// The stage's verdict with each added label's log-odds moved by its offset (<paramref name="offsets"/>, one per
    /// added label; "other" stays), renormalised.
    /// </summary>
    public static void Shift(ReadOnlySpan<float> verdict, ReadOnlySpan<float> offsets, Span<float> shifted)
    {
        var sum = shifted[0] = verdict[0];
        for (var h = 1; h < verdict.Length; h++)
        {
            shifted[h] = verdict[h] * MathF.Exp(offsets[h - 1]);
            sum += shifted[h];
        }

        for (var h = 0; h < verdict.Length; h++)
        {
            shifted[h] /= sum;
        }
    }

    /// <summary>
    /// Writes one block's probabilities over base and added labels: base labels share the stage's "other"
    /// probability in the base model's proportions, added labels take theirs; the row sums to 1.
    /// </summary>
    public static void Merge(ReadOnlySpan<float> baseRow, ReadOnlySpan<float> verdict, Span<float> row)
    {
        var other = verdict[0];
        for (var j = 0; j < baseRow.Length; j++)
        {
            row[j] = baseRow[j] * other;
        }

        for (var h = 1; h < verdict.Length; h++)
        {
            row[baseRow.Length + h - 1] = verdict[h];
        }
    }
}
