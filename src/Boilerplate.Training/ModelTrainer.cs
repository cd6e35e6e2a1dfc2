using System.Reflection;
using System.Runtime.ExceptionServices;
using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Training.Evaluation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Boilerplate.Training;

/// <summary>
/// Trains a <see cref="BoilerplateModel"/>. The first stage (a maximum-entropy model over hashed sparse features) is
/// trained k-fold by page, so that the second stage learns from out-of-fold text scores, as it will see them on
/// unseen pages; then the first stage is retrained on everything, the second stage is trained, and the dev split is
/// scored. Every learner is seeded and single-threaded, so the same data and seed give the same model; a tree second
/// stage's per-label fits run side by side, one core each.
/// </summary>
public sealed class ModelTrainer
{
    private static readonly TrainingOptions Defaults = new();

    private readonly TrainingOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a trainer.</summary>
    public ModelTrainer(TrainingOptions options, ILogger<ModelTrainer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Prepares, fits and (unless switched off) evaluates a model on the dev split.</summary>
    public BoilerplateModel Train(TrainingData data, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var pages = Prepare(data, progress, cancellationToken);
        var model = Fit(pages, data.Describe(), progress, cancellationToken);
        if (!_options.EvaluateDev || data.Corpora.Count == 0)
        {
            return model;
        }

        progress?.Report(new TrainingProgress("scoring the dev split", 0, 1));
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        using var evaluator = new ModelEvaluator();
        foreach (var (name, value) in evaluator.EvaluateDev(model, Limit(data.Corpora), cancellationToken).ToMetrics("dev"))
        {
            metrics[name] = value;
        }

        foreach (var (name, value) in PageTypeEvaluation.Evaluate(model, Limit(data.Corpora), cancellationToken).ToMetrics("dev"))
        {
            metrics[name] = value;
        }

        var handLabelled = HandLabelledSet.Evaluate(model, null, cancellationToken);
        metrics["handlabelled.macro_f1"] = Math.Round(handLabelled.MacroF1, 4);
        metrics["handlabelled.accuracy"] = Math.Round(handLabelled.Accuracy, 4);
        progress?.Report(new TrainingProgress("scoring the dev split", 1, 1));
        _logger.LogInformation("Trained model {Version}: {Metrics}", model.Version, metrics);
        return model.WithMetrics(metrics);
    }

    /// <summary>Segments and labels the training pages of <paramref name="data"/> (corpora: train split only).</summary>
    public IReadOnlyList<TrainingPage> Prepare(TrainingData data, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_options.CorpusWeights.Keys.FirstOrDefault(name => !data.Corpora.Any(c => c.Name == name)) is { } unknown)
        {
            throw new InvalidOperationException(
                $"A corpus weight names '{unknown}', which is not among the corpora trained on ({string.Join(", ", data.Corpora.Select(c => c.Name))}).");
        }

        var builder = new TrainingPageBuilder(minimumAgreement: _options.MinimumLabelAgreement, madeUpWordsShare: _options.MadeUpWordsShare);
        var corpusPages = Limit(data.Corpora).SelectMany(c => c.Train).ToList();
        var pageSamples = data.Samples.OfType<TrainingSample.Page>().ToList();
        var total = corpusPages.Count + pageSamples.Count;
        var results = new IReadOnlyList<TrainingPage>[total];
        var done = 0;
        const string Stage = "segmenting and labelling pages";
        progress?.Report(new TrainingProgress(Stage, 0, total));
        Parallel.For(
            0,
            total,
            new ParallelOptions { CancellationToken = cancellationToken },
            i =>
            {
                results[i] = i < corpusPages.Count
                    ? builder.FromCorpusPage(corpusPages[i], _options.CorpusWeights.GetValueOrDefault(corpusPages[i].Corpus, 1f), cancellationToken)
                    : builder.FromPageSample(pageSamples[i - corpusPages.Count], _options.SampleWeight, cancellationToken);
                progress?.Report(new TrainingProgress(Stage, Interlocked.Increment(ref done), total));
            });

        var paragraphs = data.Samples.OfType<TrainingSample.Paragraph>().ToList();
        var pages = results.SelectMany(r => r).ToList();
        if (_options.PlaceSamples)
        {
            pages = SamplePlacement.Place(pages, paragraphs, FoldOf).ToList();
        }

        pages.AddRange(builder.FromParagraphSamples(paragraphs, _options.SampleWeight, cancellationToken));
        _logger.LogInformation("Prepared {Pages} training pages with {Blocks} blocks", pages.Count, pages.Sum(p => p.Labels.Count));
        return pages;
    }

    /// <summary>Fits both stages on prepared pages.</summary>
    public BoilerplateModel Fit(IReadOnlyList<TrainingPage> pages, string trainingData, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var labels = LabelOrder(pages);
        var ml = new MLContext(_options.Seed);
        var rows = TextRows(pages, labels, progress, cancellationToken);

        // Out-of-fold text scores: what the second stage will see on pages the first stage never learnt from.
        var folds = _options.Folds;
        var firstStage = new float[pages.Count][];
        for (var fold = 0; fold < folds; fold++)
        {
            progress?.Report(new TrainingProgress($"text model, fold {fold + 1} of {folds}", fold, folds + 1));
            var (transformer, _) = FitText(ml, labels.Count, rows.Where(r => r.Fold != fold));
            var scorer = LinearScorer.From(transformer.Model);
            Parallel.For(0, pages.Count, new ParallelOptions { CancellationToken = cancellationToken }, p =>
            {
                if (rows.PageFold[p] == fold)
                {
                    firstStage[p] = ScoreFirstStage(scorer, rows, p, labels.Count);
                }
            });
        }

        progress?.Report(new TrainingProgress("text model, all pages", folds, folds + 1));
        var (text, textSchema) = FitText(ml, labels.Count, rows);
        var textBytes = Save(ml, text, textSchema);
        progress?.Report(new TrainingProgress("text model, all pages", folds + 1, folds + 1));

        var types = PageTypeTrainer.TypesOf(pages);
        var pageType = PageTypeTrainer.Fit(ml, pages, types, cancellationToken);
        var pageTypes = pageType is null ? null : OutOfFoldPageTypes(ml, pages, rows, types, cancellationToken);
        var contextRows = ContextRows(rows, firstStage, labels.Count, pageTypes, pageType is null ? 0 : types.Count);
        var contextBytes = FitContext(contextRows, labels.Count, progress, cancellationToken);
        var metadata = new ModelMetadata(
            Version: string.Empty,
            Labels: labels,
            MlNetVersion: typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown",
            FeatureSchemaVersion: FeatureSchema.Version,
            Trainer: $"{_options.TextTrainer}+{_options.ContextTrainer}" + (_options.ContextTrainer == ContextTrainer.Linear ? string.Empty : $"(one per label, {_options.Trees} trees of {_options.Leaves} leaves)")
                + (_options.CorpusWeights.Count == 0 ? string.Empty : $"; corpus weights {string.Join(", ", _options.CorpusWeightArguments)}")
                + (_options.LabelBalance == Defaults.LabelBalance ? string.Empty : FormattableString.Invariant($"; label balance {_options.LabelBalance}"))
                + (_options.MadeUpWordsShare == Defaults.MadeUpWordsShare ? string.Empty : FormattableString.Invariant($"; made-up words {_options.MadeUpWordsShare}")),
            TrainingData: trainingData,
            Metrics: new Dictionary<string, double>(),
            CreatedAt: DateTimeOffset.UtcNow)
        {
            PageTypes = pageType is null ? [] : types,
        };
        return BoilerplateModel.Create(metadata, _options.Groups, textBytes, contextBytes, pageType?.Model);
    }

    /// <summary>The corpora as this trainer reads them (at most <see cref="TrainingOptions.MaxPagesPerCorpus"/> pages each).</summary>
    internal IEnumerable<LabelledDataset> Limit(IEnumerable<LabelledDataset> corpora) =>
        _options.MaxPagesPerCorpus is { } max ? corpora.Select(c => c.Take(max)) : corpora;

    /// <summary>The cross-validation fold of the training pages with <paramref name="key"/>: every view of a source page shares one.</summary>
    private int FoldOf(string key) => (int)(FeatureHasher.Namespace(key) % (uint)_options.Folds);

    private static List<string> LabelOrder(IReadOnlyList<TrainingPage> pages)
    {
        var seen = pages.SelectMany(p => p.Labels).ToHashSet(StringComparer.Ordinal);
        if (seen.Count < 2)
        {
            throw new InvalidOperationException($"Training needs blocks of at least two labels; found {(seen.Count == 0 ? "none" : string.Join(", ", seen))}.");
        }

        var ordered = Labels.Default.Where(seen.Contains).ToList();
        ordered.AddRange(seen.Where(l => !ordered.Contains(l)).Order(StringComparer.Ordinal));
        return ordered;
    }

    private TextRowSet TextRows(IReadOnlyList<TrainingPage> pages, List<string> labels, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var extractor = new TextFeatureExtractor(_options.Groups);
        // LoadFromEnumerable reads a key column's raw value as the zero-based class index (key value minus one).
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => (uint)x.i, StringComparer.Ordinal);
        var labelWeights = LabelWeights(pages, labels);
        var perPage = new TextRow[pages.Count][];
        var preparedPages = new PreparedPage[pages.Count];
        var pageFold = new int[pages.Count];
        var done = 0;
        Parallel.For(0, pages.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new SparseFeatures(), (p, _, features) =>
        {
            var page = pages[p];
            var prepared = new PreparedPage(page.Page);
            var fold = FoldOf(page.Key);
            var pageRows = new TextRow[prepared.Count];
            for (var i = 0; i < prepared.Count; i++)
            {
                extractor.Extract(prepared, i, features);
                var (indices, values) = features.ToSortedUnique();
                pageRows[i] = new TextRow
                {
                    Label = index[page.Labels[i]],
                    Weight = page.DerivedLabels ? page.Weight * labelWeights[page.Labels[i]] : page.Weight,
                    Features = new VBuffer<float>(FeatureSchema.SparseDimension, indices.Length, values, indices),
                    Fold = fold,
                };
            }

            perPage[p] = pageRows;
            preparedPages[p] = prepared;
            pageFold[p] = fold;
            var count = Interlocked.Increment(ref done);
            if (count % 256 == 0 || count == pages.Count)
            {
                progress?.Report(new TrainingProgress("extracting text features", count, pages.Count));
            }

            return features;
        }, _ => { });
        return new TextRowSet(perPage, preparedPages, pageFold);
    }

    private Dictionary<string, float> LabelWeights(IReadOnlyList<TrainingPage> pages, List<string> labels)
    {
        // A label absent from the derived pages keeps weight 1 (its count is floored to avoid dividing by zero).
        var totals = labels.ToDictionary(l => l, _ => 0.0, StringComparer.Ordinal);
        foreach (var page in pages.Where(p => p.DerivedLabels))
        {
            foreach (var label in page.Labels)
            {
                totals[label] += page.Weight;
            }
        }

        var all = totals.Values.Sum();
        return totals.ToDictionary(
            t => t.Key,
            t => t.Value == 0 ? 1f : (float)Math.Pow(all / (labels.Count * t.Value), _options.LabelBalance),
            StringComparer.Ordinal);
    }

    private (MulticlassPredictionTransformer<MaximumEntropyModelParameters> Model, DataViewSchema Schema) FitText(MLContext ml, int labels, IEnumerable<TextRow> rows)
    {
        var schema = SchemaDefinition.Create(typeof(TextRow));
        schema[nameof(TextRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), labels);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainers = ml.MulticlassClassification.Trainers;
        var model = _options.TextTrainer switch
        {
            TextTrainer.LbfgsMaximumEntropy => trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(TextRow.Label),
                FeatureColumnName = nameof(TextRow.Features),
                ExampleWeightColumnName = nameof(TextRow.Weight),
                L2Regularization = 1f,
                L1Regularization = 0.1f,
                NumberOfThreads = 1,
            }).Fit(data),
            _ => trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(TextRow.Label),
                FeatureColumnName = nameof(TextRow.Features),
                ExampleWeightColumnName = nameof(TextRow.Weight),
                MaximumNumberOfIterations = 12,
                NumberOfThreads = 1,
            }).Fit(data),
        };
        return (model, data.Schema);
    }

    private static float[] ScoreFirstStage(LinearScorer scorer, TextRowSet rows, int page, int labels)
    {
        var pageRows = rows.PerPage[page];
        var result = new float[pageRows.Length * labels];
        for (var i = 0; i < pageRows.Length; i++)
        {
            var features = pageRows[i].Features;
            scorer.Score(features.GetIndices(), features.GetValues(), result.AsSpan(i * labels, labels));
        }

        return result;
    }

    /// <summary>
    /// Each training page's type probabilities by a page-type model fitted without its fold, as the second stage
    /// will meet them on pages the page-type model never saw; null when the PageType group is off.
    /// </summary>
    private float[][]? OutOfFoldPageTypes(MLContext ml, IReadOnlyList<TrainingPage> pages, TextRowSet rows, List<string> types, CancellationToken cancellationToken)
    {
        if ((_options.Groups & FeatureGroups.PageType) == 0)
        {
            return null;
        }

        var result = new float[pages.Count][];
        for (var fold = 0; fold < _options.Folds; fold++)
        {
            var current = fold;
            // A fold whose other pages name no type (tiny corpora) learns nothing: its pages get even odds.
            var fitted = PageTypeTrainer.Fit(ml, pages.Where((_, p) => rows.PageFold[p] != current), types, cancellationToken);
            var scorer = fitted is null ? null : LinearScorer.From(fitted.Value.Parameters);
            Parallel.For(0, pages.Count, new ParallelOptions { CancellationToken = cancellationToken }, p =>
            {
                if (rows.PageFold[p] == current)
                {
                    result[p] = new float[types.Count];
                    if (scorer is null)
                    {
                        result[p].AsSpan().Fill(1f / types.Count);
                    }
                    else
                    {
                        PageTypeClassifier.Probabilities(scorer, rows.PreparedPages[p], result[p]);
                    }
                }
            });
        }

        return result;
    }

    private List<ContextRow> ContextRows(TextRowSet rows, float[][] firstStage, int labels, float[][]? pageTypes, int typeCount)
    {
        var extractor = new ContextFeatureExtractor(_options.Groups, labels, typeCount);
        var perPage = new ContextRow[rows.PerPage.Length][];
        Parallel.For(0, rows.PerPage.Length, p =>
        {
            var prepared = rows.PreparedPages[p];
            var dimension = extractor.Dimension;
            var dense = new float[prepared.Count * dimension];
            extractor.Extract(prepared, firstStage[p], dense, pageTypes is null ? default : pageTypes[p]);
            var pageRows = new ContextRow[prepared.Count];
            for (var i = 0; i < prepared.Count; i++)
            {
                pageRows[i] = new ContextRow
                {
                    Label = rows.PerPage[p][i].Label,
                    Weight = rows.PerPage[p][i].Weight,
                    Features = dense.AsSpan(i * dimension, dimension).ToArray(),
                };
            }

            perPage[p] = pageRows;
        });
        return perPage.SelectMany(r => r).ToList();
    }

    private List<byte[]> FitContext(List<ContextRow> rows, int labels, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var dimension = rows[0].Features.Length;
        if (_options.ContextTrainer == ContextTrainer.Linear)
        {
            var ml = new MLContext(_options.Seed);
            progress?.Report(new TrainingProgress("context model", 0, 1));
            var schema = SchemaDefinition.Create(typeof(ContextRow));
            schema[nameof(ContextRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), labels);
            schema[nameof(ContextRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
            var data = ml.Data.LoadFromEnumerable(rows, schema);
            var model = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(ContextRow.Label),
                FeatureColumnName = nameof(ContextRow.Features),
                ExampleWeightColumnName = nameof(ContextRow.Weight),
                NumberOfThreads = 1,
            }).Fit(data);
            progress?.Report(new TrainingProgress("context model", 1, 1));
            return [Save(ml, model, data.Schema)];
        }

        var models = new byte[labels][];
        var binarySchema = SchemaDefinition.Create(typeof(BinaryContextRow));
        binarySchema[nameof(BinaryContextRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var trees = new ContextTreeSettings(
            nameof(BinaryContextRow.Label), nameof(BinaryContextRow.Features), nameof(BinaryContextRow.Weight),
            _options.Trees, _options.Leaves, _options.LearningRate, _options.Seed);
        var fitted = 0;
        progress?.Report(new TrainingProgress("context model, one per label", 0, labels));
        // One label's fit does not depend on another's, and each learner is single-threaded: side by side they put
        // every core to work. Each has its own context, as FastTree and LightGBM draw only on their Seed option, so
        // the models are the ones a sequential fit gives.
        SideBySide(labels, k =>
        {
            var ml = new MLContext(_options.Seed);
            var target = (uint)k;
            var data = ml.Data.LoadFromEnumerable(
                rows.Select(r => new BinaryContextRow { Label = r.Label == target, Weight = r.Weight, Features = r.Features }),
                binarySchema);
            ITransformer model = _options.ContextTrainer switch
            {
                ContextTrainer.FastTree => ml.BinaryClassification.Trainers.FastTree(trees.FastTree()).Fit(data),
                _ => ml.BinaryClassification.Trainers.LightGbm(trees.LightGbm()).Fit(data),
            };
            models[k] = Save(ml, model, data.Schema);
            progress?.Report(new TrainingProgress("context model, one per label", Interlocked.Increment(ref fitted), labels));
        }, cancellationToken);
        return [.. models];
    }

    /// <summary>Runs <paramref name="count"/> independent fits side by side; a single failure surfaces as itself, not wrapped.</summary>
    private static void SideBySide(int count, Action<int> fit, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, fit);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    /// <summary>An ML.NET model as the bytes a model file stores.</summary>
    internal static byte[] Save(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        return stream.ToArray();
    }

    /// <summary>One block's text-stage training row.</summary>
    private sealed class TextRow
    {
        public uint Label { get; set; }

        public float Weight { get; set; }

        [VectorType(FeatureSchema.SparseDimension)]
        public VBuffer<float> Features { get; set; }

        [NoColumn]
        public int Fold { get; set; }
    }

    /// <summary>One block's second-stage training row (multiclass).</summary>
    private sealed class ContextRow
    {
        public uint Label { get; set; }

        public float Weight { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>One block's second-stage training row for one label against the rest.</summary>
    private sealed class BinaryContextRow
    {
        public bool Label { get; set; }

        public float Weight { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>The text rows of every page, with each prepared page and its fold.</summary>
    private sealed class TextRowSet(TextRow[][] perPage, PreparedPage[] preparedPages, int[] pageFold) : IEnumerable<TextRow>
    {
        public TextRow[][] PerPage { get; } = perPage;

        public PreparedPage[] PreparedPages { get; } = preparedPages;

        public int[] PageFold { get; } = pageFold;

        public IEnumerator<TextRow> GetEnumerator() => PerPage.SelectMany(p => p).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
