namespace Boilerplate.Core.Model;

/// <summary>Turning raw per-label scores into probabilities.</summary>
internal static class Probabilities
{
    /// <summary>In-place softmax, shifted by the maximum so large scores cannot overflow.</summary>
    public static void Softmax(Span<float> scores)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0f;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = MathF.Exp(scores[i] - max);
            sum += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] /= sum;
        }
    }

    /// <summary>In-place normalisation of non-negative scores to sum 1 (uniform when all are 0).</summary>
    public static void Normalise(Span<float> scores)
    {
        var sum = 0f;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Max(0, scores[i]);
            sum += scores[i];
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = sum > 0 ? scores[i] / sum : 1f / scores.Length;
        }
    }
}
