using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Microsoft.ML.Data;

namespace Boilerplate.Training.AddedLabels;

/// <summary>One block's row of the added-label stage: its class (0 "other", then the added labels) and features.</summary>
internal sealed class AddedLabelRow
{
    public uint Label { get; set; }

    public float Weight { get; set; }

    public VBuffer<float> Features { get; set; }

    /// <summary>Fold the row is held out in.</summary>
    [NoColumn]
    public int Fold { get; set; }

    /// <summary>Whether cross-validation counts the row when it is held out (a sample's in-page view, every base block).</summary>
    [NoColumn]
    public bool Assessed { get; set; }

    /// <summary>Whether the row is a base-page block rather than a user sample.</summary>
    [NoColumn]
    public bool FromBase { get; set; }

    /// <summary>The base model's probabilities of the block, which the stage's verdict is merged with.</summary>
    [NoColumn]
    public float[] BaseRow { get; set; } = [];
}

/// <summary>Scores segmented pages with the base model and writes their blocks as <see cref="AddedLabelRow"/>s.</summary>
internal sealed class AddedLabelRowWriter(BoilerplateModel baseModel)
{
    private readonly int _baseLabels = baseModel.BaseLabels.Count;

    public int Dimension => new AddedLabelFeatures(_baseLabels).Dimension;

    /// <summary>
    /// Rows of the blocks of <paramref name="page"/>; <paramref name="classOf"/> gives each block's class, or null to
    /// leave the block out.
    /// </summary>
    public List<AddedLabelRow> Write(SegmentedPage page, Func<int, uint?> classOf, float weight, int fold, Func<int, bool> assessed, bool fromBase, CancellationToken cancellationToken)
    {
        var scores = baseModel.Score(page, cancellationToken);
        var k = _baseLabels;
        var probabilities = new float[page.Blocks.Count * k];
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            scores.For(i)[..k].CopyTo(probabilities.AsSpan(i * k, k));
        }

        var prepared = new PreparedPage(page);
        var features = new AddedLabelFeatures(k);
        var rows = new List<AddedLabelRow>();
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            if (classOf(i) is not { } label)
            {
                continue;
            }

            var (indices, values) = features.Extract(prepared, i, probabilities);
            var (sortedIndices, sortedValues) = SparseFeatures.SortedUnique(indices.Span, values.Span);
            rows.Add(new AddedLabelRow
            {
                Label = label,
                Weight = weight,
                Features = new VBuffer<float>(features.Dimension, sortedIndices.Length, sortedValues, sortedIndices),
                Fold = fold,
                Assessed = assessed(i),
                FromBase = fromBase,
                BaseRow = probabilities.AsSpan(i * k, k).ToArray(),
            });
        }

        return rows;
    }
}
