namespace Boilerplate.Core.Model;

/// <summary>
/// What a model file says about itself. Stored inside the model zip as <c>metadata.json</c> and checked on load:
/// a model of another <see cref="FeatureSchemaVersion"/> is refused.
/// </summary>
/// <param name="Version">Content hash of the model's trained parts (hex); changes whenever the model does.</param>
/// <param name="Labels">The labels, in score order: the base model's, then any <see cref="AddedLabels"/>.</param>
/// <param name="MlNetVersion">ML.NET version that trained it.</param>
/// <param name="FeatureSchemaVersion">Version of the feature extraction the model was trained against.</param>
/// <param name="Trainer">Trainer(s), e.g. "SdcaMaximumEntropy+LightGbm".</param>
/// <param name="TrainingData">Human-readable summary of the training data.</param>
/// <param name="Metrics">Held-out evaluation figures by name (e.g. "dev.html.f1").</param>
/// <param name="CreatedAt">When training finished.</param>
public sealed record ModelMetadata(
    string Version,
    IReadOnlyList<string> Labels,
    string MlNetVersion,
    int FeatureSchemaVersion,
    string Trainer,
    string TrainingData,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset CreatedAt)
{
    /// <summary>The page types the model tells, in score order; empty when it was trained without page types.</summary>
    public IReadOnlyList<string> PageTypes { get; init; } = [];

    /// <summary>Labels added on top of the base model from a user's samples, last in <see cref="Labels"/>; empty for a model trained whole.</summary>
    public IReadOnlyList<AddedLabel> AddedLabels { get; init; } = [];

    /// <summary>Labels the two base stages score (all but the added ones).</summary>
    public int BaseLabelCount => Labels.Count - AddedLabels.Count;
}
