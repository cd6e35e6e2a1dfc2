using Boilerplate.Core.Errors;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Decides from a block's label probabilities whether it is kept, per <see cref="CleanOptions"/>.
/// </summary>
/// <remarks>
/// With <see cref="CleanOptions.Threshold"/> t: keep when the summed probability of the keep labels is at least t.
/// Otherwise with bias b in [-1, 1]: keep when <c>max(kept-label p) - max(other-label p) &gt;= -0.9 * b</c>.
/// At b = 0 that is exactly "a keep label is the most probable" (the argmax rule, ties kept) for any number of
/// labels; b = +1 keeps all but blocks that are at least 90 points more likely boilerplate; b = -1 keeps only blocks
/// at least 90 points more likely body. The margin moves linearly in between, so small biases make small changes.
/// </remarks>
internal sealed class KeepRule
{
    /// <summary>How far the full bias range moves the margin: short of 1 so the extremes stay selective.</summary>
    public const float BiasReach = 0.9f;

    private readonly bool[] _kept;
    private readonly float? _threshold;
    private readonly float _minimumMargin;

    private KeepRule(bool[] kept, float? threshold, float minimumMargin)
    {
        _kept = kept;
        _threshold = threshold;
        _minimumMargin = minimumMargin;
    }

    /// <summary>The rule for <paramref name="options"/>, once <see cref="CleanOptionsValidator"/> accepts them for the model's <paramref name="labels"/>.</summary>
    /// <exception cref="PageRejectedException">An option is out of range or names a label the model lacks.</exception>
    public static KeepRule Create(CleanOptions options, IReadOnlyList<string> labels)
    {
        CleanOptionsValidator.Validate(options, labels);
        var kept = new bool[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            kept[i] = options.KeepLabels.Contains(labels[i], CleanOptionsValidator.LabelComparer);
        }

        return new KeepRule(kept, options.Threshold, -BiasReach * options.Bias);
    }

    /// <summary>Whether label <paramref name="index"/> is one of the keep labels.</summary>
    public bool IsKeepLabel(int index) => _kept[index];

    /// <summary>Total probability of the keep labels.</summary>
    public float KeptMass(ReadOnlySpan<float> probabilities)
    {
        var mass = 0f;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (_kept[i])
            {
                mass += probabilities[i];
            }
        }

        return mass;
    }

    /// <summary>Whether a block with these probabilities is kept.</summary>
    public bool Keeps(ReadOnlySpan<float> probabilities)
    {
        if (_threshold is { } threshold)
        {
            return KeptMass(probabilities) >= threshold;
        }

        var bestKept = 0f;
        var bestOther = 0f;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (_kept[i])
            {
                bestKept = Math.Max(bestKept, probabilities[i]);
            }
            else
            {
                bestOther = Math.Max(bestOther, probabilities[i]);
            }
        }

        return bestKept - bestOther >= _minimumMargin;
    }
}
