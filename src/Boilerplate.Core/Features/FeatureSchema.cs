namespace Boilerplate.Core.Features;

/// <summary>
/// The version and shape of the features. A model file records the <see cref="Version"/> it was trained against and
/// is refused by code of another version, because the same hashed index would mean something else.
/// Bump <see cref="Version"/> whenever any feature changes meaning, including the order or width of the second stage's
/// slots (<see cref="ContextFeatureLayout"/>, pinned per version by <c>ContextFeatureLayoutTests</c>).
/// </summary>
public static class FeatureSchema
{
    /// <summary>Version of the feature extraction.</summary>
    public const int Version = 6;

    /// <summary>Bits of the hashed sparse feature space of the text model.</summary>
    public const int SparseBits = 18;

    /// <summary>Size of the hashed sparse feature space of the text model.</summary>
    public const int SparseDimension = 1 << SparseBits;
}
