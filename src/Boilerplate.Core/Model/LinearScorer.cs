using Boilerplate.Core.Features;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Boilerplate.Core.Model;

/// <summary>
/// Softmax of a linear model's scores, read out of ML.NET's <see cref="MaximumEntropyModelParameters"/>. Scoring
/// a block through a PredictionEngine costs a pipeline call per row; reading the weights once and summing the block's
/// few hundred hashed features directly is over ten times cheaper and has no state, so any thread may use it.
/// Public because training (Boilerplate.Training) scores its first stage with it while fitting the second.
/// </summary>
public sealed class LinearScorer : IRowScorer
{
    private readonly float[] _weights;
    private readonly float[] _biases;

    private LinearScorer(int labels, int dimension, float[] weights, float[] biases)
    {
        Labels = labels;
        Dimension = dimension;
        _weights = weights;
        _biases = biases;
    }

    /// <inheritdoc />
    public int Labels { get; }

    /// <summary>Number of input features.</summary>
    public int Dimension { get; }

    /// <summary>Reads the weights of <paramref name="model"/> into a feature-major table (one cache line per feature).</summary>
    public static LinearScorer From(MaximumEntropyModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(model);
        VBuffer<float>[] perClass = [];
        model.GetWeights(ref perClass, out var labels);
        var dimension = perClass[0].Length;
        var weights = new float[dimension * labels];
        for (var k = 0; k < labels; k++)
        {
            foreach (var (index, value) in perClass[k].Items())
            {
                weights[(index * labels) + k] = value;
            }
        }

        return new LinearScorer(labels, dimension, weights, model.GetBiases().ToArray());
    }

    /// <summary>Scores a sparse row (duplicate indices add up).</summary>
    public void Score(SparseFeatures features, Span<float> probabilities) => Score(features.Indices, features.Values, probabilities);

    /// <summary>Scores a sparse row given as parallel index and value spans.</summary>
    public void Score(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        var k = Labels;
        if (k == 3 && probabilities.Length >= 3)
        {
            ScoreThree(indices, values, probabilities);
            return;
        }

        _biases.CopyTo(probabilities);
        for (var i = 0; i < indices.Length; i++)
        {
            var row = _weights.AsSpan(indices[i] * k, k);
            var value = values[i];
            for (var j = 0; j < k; j++)
            {
                probabilities[j] += row[j] * value;
            }
        }

        Probabilities.Softmax(probabilities[..k]);
    }

    /// <summary>
    /// The default model's three labels in registers: the same sums in the same order as the general loop (so the
    /// same bits), without building a span per feature.
    /// </summary>
    private void ScoreThree(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        float body = _biases[0], second = _biases[1], third = _biases[2];
        var weights = _weights;
        for (var i = 0; i < indices.Length; i++)
        {
            var at = indices[i] * 3;
            var value = values[i];
            body += weights[at] * value;
            second += weights[at + 1] * value;
            third += weights[at + 2] * value;
        }

        probabilities[0] = body;
        probabilities[1] = second;
        probabilities[2] = third;
        Probabilities.Softmax(probabilities[..3]);
    }

    /// <inheritdoc />
    public void Score(ReadOnlySpan<float> features, Span<float> probabilities)
    {
        var k = Labels;
        _biases.CopyTo(probabilities);
        for (var i = 0; i < features.Length; i++)
        {
            var value = features[i];
            if (value == 0)
            {
                continue;
            }

            var row = _weights.AsSpan(i * k, k);
            for (var j = 0; j < k; j++)
            {
                probabilities[j] += row[j] * value;
            }
        }

        Probabilities.Softmax(probabilities[..k]);
    }

    /// <inheritdoc />
    public void AddTo(System.Security.Cryptography.IncrementalHash hash)
    {
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_weights.AsSpan()));
        hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_biases.AsSpan()));
    }
}
