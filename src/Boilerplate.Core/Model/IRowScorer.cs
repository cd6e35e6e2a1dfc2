using System.Security.Cryptography;

namespace Boilerplate.Core.Model;

/// <summary>A trained classifier read out of an ML.NET model: dense features in, one probability per label out. Stateless and thread-safe.</summary>
internal interface IRowScorer
{
    /// <summary>Number of labels.</summary>
    int Labels { get; }

    /// <summary>Writes the label probabilities of one row of features.</summary>
    void Score(ReadOnlySpan<float> features, Span<float> probabilities);

    /// <summary>
    /// Writes the label probabilities of consecutive rows of <paramref name="dimension"/> features each, into
    /// consecutive rows of <see cref="Labels"/> probabilities. Same results as <see cref="Score"/> row by row; a scorer
    /// may order the work differently to keep its parameters in cache.
    /// </summary>
    void ScoreRows(ReadOnlySpan<float> rows, int dimension, Span<float> probabilities)
    {
        var k = Labels;
        for (var i = 0; i < rows.Length / dimension; i++)
        {
            Score(rows.Slice(i * dimension, dimension), probabilities.Slice(i * k, k));
        }
    }

    /// <summary>Feeds the trained numbers into <paramref name="hash"/> (the model's content hash).</summary>
    void AddTo(IncrementalHash hash);
}
