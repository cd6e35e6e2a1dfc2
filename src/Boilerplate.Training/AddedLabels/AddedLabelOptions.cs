namespace Boilerplate.Training.AddedLabels;

/// <summary>Settings of <see cref="AddedLabelTrainer"/>; <see cref="Validate"/> owns their bounds.</summary>
public sealed record AddedLabelOptions
{
    /// <summary>Folds of the cross-validation over the user's samples (and the base pages).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Train pages of the base corpora read as examples of "none of the added labels".</summary>
    public int BasePages { get; init; } = 300;

    /// <summary>
    /// The base pages' blocks weigh this many times the added labels' samples in all, shared out evenly: enough that
    /// ordinary page text is learnt as "other", while each base block weighs far less than one user sample, so a
    /// user's sample that contradicts the base corpora ("newsletter prompts are promo here") wins.
    /// </summary>
    public float BaseWeight { get; init; } = 4f;

    /// <summary>
    /// The seed samples (hand-written article, navigation and legal lines in many languages) weigh this many times
    /// the added labels' samples in all: without them, the base pages (mostly English) would teach the stage that any
    /// other language is the new label.
    /// </summary>
    public float SeedWeight { get; init; } = 8f;

    /// <summary>L2 regularisation of the stage's maximum-entropy model.</summary>
    public float L2Regularization { get; init; } = 1f;

    /// <summary>
    /// L-BFGS stops when the objective improves by less than this share. ML.NET's default (1e-7) gave the same held-out
    /// figures in 2.7 times the time for four labels (bench/results/fewshot.md).
    /// </summary>
    public float OptimizationTolerance { get; init; } = 1e-4f;

    /// <summary>Seed of every random choice (context paragraphs, fold order).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Samples below which a label is warned about (the measured recall curve flattens above it).</summary>
    public int RecommendedSamples { get; init; } = 30;

    /// <summary>Samples below which a label is refused: too few to hold any out.</summary>
    public int MinimumSamples { get; init; } = 8;

    /// <summary>Cross-validated precision or recall below which a label is warned about.</summary>
    public double WarnBelow { get; init; } = 0.8;

    /// <summary>Whether to score the dev split with the base and the new model (how far the default labels move).</summary>
    public bool EvaluateDev { get; init; } = true;

    /// <summary>Checks the settings; returns them for chaining.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range.</exception>
    public AddedLabelOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Folds, 2, nameof(Folds));
        ArgumentOutOfRangeException.ThrowIfLessThan(BasePages, 1, nameof(BasePages));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BaseWeight, nameof(BaseWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(SeedWeight, nameof(SeedWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(L2Regularization, nameof(L2Regularization));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumSamples, 2, nameof(MinimumSamples));
        return this;
    }
}
