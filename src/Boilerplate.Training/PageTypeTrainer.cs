using Boilerplate.Core.Features;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Boilerplate.Training;

/// <summary>
/// Fits the page-type model: a maximum-entropy model over <see cref="PageTypeFeatures"/> of every training page whose
/// corpus names its type, HTML and plain-text views alike. Types are weighed towards equal shares (articles outnumber
/// the other types several times over), so a rarer type is not simply never said.
/// </summary>
internal static class PageTypeTrainer
{
    private const double Balance = 0.5;

    /// <summary>The types the pages name, in the order a model scores them.</summary>
    public static List<string> TypesOf(IEnumerable<TrainingPage> pages) =>
        pages.Where(p => !string.IsNullOrEmpty(p.PageType)).Select(p => p.PageType!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The saved ML.NET model over the typed <paramref name="pages"/>, scoring <paramref name="types"/> in that order;
    /// null when fewer than two types are named.
    /// </summary>
    public static (MaximumEntropyModelParameters Parameters, byte[] Model)? Fit(MLContext ml, IEnumerable<TrainingPage> pages, List<string> types, CancellationToken cancellationToken)
    {
        var typed = pages.Where(p => p.PageType is { } type && types.Contains(type)).ToList();
        if (types.Count < 2 || typed.Count == 0)
        {
            return null;
        }

        var counts = types.ToDictionary(t => t, t => typed.Count(p => p.PageType == t), StringComparer.Ordinal);
        var rows = new PageTypeRow[typed.Count];
        Parallel.For(0, typed.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new SparseFeatures(), (i, _, features) =>
        {
            var page = typed[i];
            PageTypeFeatures.Extract(new PreparedPage(page.Page), features);
            var (indices, values) = features.ToSortedUnique();
            rows[i] = new PageTypeRow
            {
                Label = (uint)types.IndexOf(page.PageType!),
                Weight = (float)Math.Pow((double)typed.Count / (types.Count * counts[page.PageType!]), Balance),
                Features = new VBuffer<float>(FeatureSchema.SparseDimension, indices.Length, values, indices),
            };
            return features;
        }, _ => { });

        var schema = SchemaDefinition.Create(typeof(PageTypeRow));
        schema[nameof(PageTypeRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), types.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var model = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(PageTypeRow.Label),
            FeatureColumnName = nameof(PageTypeRow.Features),
            ExampleWeightColumnName = nameof(PageTypeRow.Weight),
            MaximumNumberOfIterations = 30,
            NumberOfThreads = 1,
        }).Fit(data);
        return (model.Model, ModelTrainer.Save(ml, model, data.Schema));
    }

    /// <summary>One page's training row.</summary>
    private sealed class PageTypeRow
    {
        public uint Label { get; set; }

        public float Weight { get; set; }

        [VectorType(FeatureSchema.SparseDimension)]
        public VBuffer<float> Features { get; set; }
    }
}
