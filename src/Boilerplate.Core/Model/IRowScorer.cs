using System.Security.Cryptography;

namespace Boilerplate.Core.Model;

/// <summary>A trained classifier read out of an ML.NET model: dense features in, one probability per label out. Stateless and thread-safe.</summary>
internal interface IRowScorer
{
    /// <summary>Number of labels.</summary>
    int Labels { get; }

    /// <summary>Writes the label probabilities of one row of features.</summary>
    void Score(ReadOnlySpan<float> features, Span<float> probabilities);

    /// <summary>Feeds the trained numbers into <paramref name="hash"/> (the model's content hash).</summary>
    void AddTo(IncrementalHash hash);
}
