using Boilerplate.Core.Model;

namespace Boilerplate.Core.Features;

/// <summary>
/// The row the added-label stage reads for a block: its words, character n-grams and shape (what a few dozen text
/// samples can teach; markup and position are left out because samples often come as bare text while pages come as
/// HTML), then the base model's probabilities of the block and of its two neighbours as dense features after the
/// sparse space. One place for the layout, shared by training and scoring.
/// </summary>
public sealed class AddedLabelFeatures
{
    /// <summary>The feature groups of the text part.</summary>
    public const FeatureGroups TextGroups = FeatureGroups.Words | FeatureGroups.CharNgrams | FeatureGroups.Shape;

    private readonly TextFeatureExtractor _text = new(TextGroups);
    private readonly SparseFeatures _features = new();
    private int[] _indices = new int[256];
    private float[] _values = new float[256];

    /// <summary>Creates the layout for a base model of <paramref name="baseLabels"/> labels.</summary>
    public AddedLabelFeatures(int baseLabels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseLabels, 2);
        BaseLabels = baseLabels;
    }

    /// <summary>Labels of the base model whose probabilities are read.</summary>
    public int BaseLabels { get; }

    /// <summary>Dense features after the sparse space: the block's and its neighbours' base probabilities.</summary>
    public int DenseCount => 3 * BaseLabels;

    /// <summary>Width of a row.</summary>
    public int Dimension => FeatureSchema.SparseDimension + DenseCount;

    /// <summary>
    /// Writes block <paramref name="index"/>'s row; <paramref name="baseProbabilities"/> holds the base model's
    /// probabilities (blocks x <see cref="BaseLabels"/>). The spans stay valid until the next call.
    /// </summary>
    public (ReadOnlyMemory<int> Indices, ReadOnlyMemory<float> Values) Extract(PreparedPage page, int index, ReadOnlySpan<float> baseProbabilities)
    {
        ArgumentNullException.ThrowIfNull(page);
        _text.Extract(page, index, _features);
        var k = BaseLabels;
        var count = _features.Count + DenseCount;
        if (_indices.Length < count)
        {
            _indices = new int[count * 2];
            _values = new float[count * 2];
        }

        _features.Indices.CopyTo(_indices);
        _features.Values.CopyTo(_values);
        var at = _features.Count;
        for (var neighbour = 0; neighbour < 3; neighbour++)
        {
            var block = index + neighbour - 1;
            for (var j = 0; j < k; j++)
            {
                _indices[at] = FeatureSchema.SparseDimension + (neighbour * k) + j;
                _values[at] = block >= 0 && block < page.Count ? baseProbabilities[(block * k) + j] : 0f;
                at++;
            }
        }

        return (_indices.AsMemory(0, at), _values.AsMemory(0, at));
    }

    /// <summary>Scores every block with <paramref name="stage"/> and merges its verdict into the base probabilities.</summary>
    internal float[] Combine(PreparedPage page, float[] baseProbabilities, LinearScorer stage, int addedLabels)
    {
        var k = BaseLabels;
        var all = k + addedLabels;
        var result = new float[page.Count * all];
        Span<float> verdict = stackalloc float[addedLabels + 1];
        for (var i = 0; i < page.Count; i++)
        {
            var (indices, values) = Extract(page, i, baseProbabilities);
            stage.Score(indices.Span, values.Span, verdict);
            AddedLabelStage.Merge(baseProbabilities.AsSpan(i * k, k), verdict, result.AsSpan(i * all, all));
        }

        return result;
    }
}
