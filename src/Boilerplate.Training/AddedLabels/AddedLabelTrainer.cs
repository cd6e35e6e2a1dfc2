using System.Diagnostics;
using System.Globalization;
using System.Net;
using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training.Evaluation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Boilerplate.Training.AddedLabels;

/// <summary>
/// Adds labels to a trained model from a user's samples without retraining it: the samples of labels the base model
/// lacks are learnt against ordinary blocks of the base corpora (and against the samples of the base labels) by one
/// linear stage on top (<see cref="AddedLabelStage"/>). Each paragraph sample is learnt alone and between two article
/// paragraphs, as it will be met inside a page. Cross-validation over the samples says how well each label is told.
/// </summary>
public sealed class AddedLabelTrainer
{
    private readonly AddedLabelOptions _options;
    private readonly ILogger _logger;
    private readonly TrainingPageBuilder _builder = new();
    private readonly TextSegmenter _text = new(SegmentationLimits.Default);
    private readonly HtmlSegmenter _html = new(SegmentationLimits.Default);

    /// <summary>Creates a trainer.</summary>
    public AddedLabelTrainer(AddedLabelOptions options, ILogger<AddedLabelTrainer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Trains the stage for the labels of <paramref name="samples"/> that <paramref name="baseModel"/> lacks and returns
    /// the base model with it on top, and what cross-validation measured.
    /// </summary>
    /// <exception cref="InvalidOperationException">No sample names a new label, a label has too few samples, or the base model has added labels already.</exception>
    public (BoilerplateModel Model, AddedLabelReport Report) Train(
        BoilerplateModel baseModel, IReadOnlyList<TrainingSample> samples, IReadOnlyList<LabelledDataset> corpora, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(corpora);
        if (baseModel.Metadata.AddedLabels.Count > 0)
        {
            throw new InvalidOperationException(
                $"The base model already has added labels ({string.Join(", ", baseModel.Metadata.AddedLabels.Select(a => a.Name))}); add labels to the default model, with the samples of all of them at once.");
        }

        if (corpora.Count == 0)
        {
            throw new InvalidOperationException("Added labels are learnt against the base corpora's pages; none was given.");
        }

        var baseLabels = baseModel.BaseLabels;
        var sampleLabels = samples.SelectMany(LabelsOf).ToList();
        var added = NewLabels(samples, baseLabels);
        if (added.Count == 0)
        {
            throw new InvalidOperationException(
                $"The samples name only the base model's labels ({string.Join(", ", baseLabels)}). Adding labels needs samples of a new one; " +
                "to retrain the base labels with these samples, retrain the whole model (--full).");
        }

        var counts = added.ToDictionary(l => l, l => sampleLabels.Count(s => s == l), StringComparer.Ordinal);
        if (counts.FirstOrDefault(c => c.Value < _options.MinimumSamples) is { Key: not null } few)
        {
            throw new InvalidOperationException(
                $"Label '{few.Key}' has {few.Value} samples; at least {_options.MinimumSamples} are needed to learn it and hold some out " +
                $"({_options.RecommendedSamples} or more recommended; see docs/labels.md).");
        }

        var classOf = added.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => (uint)(x.i + 1), StringComparer.Ordinal);
        uint ClassOf(string label) => classOf.GetValueOrDefault(label, 0u);

        var writer = new AddedLabelRowWriter(baseModel);
        var context = ContextParagraphs(corpora);
        var sampleRows = SampleRows(writer, samples, context, ClassOf, progress, cancellationToken);
        var positives = samples.OfType<TrainingSample.Paragraph>().Where(s => classOf.ContainsKey(s.Label)).Select(s => s.Text)
            .Concat(samples.OfType<TrainingSample.Page>().SelectMany(p => p.Blocks).Where(b => classOf.ContainsKey(b.Label)).Select(b => b.Text));
        var conflicts = new ConflictFilter(positives);
        var (baseRows, dropped) = BaseRows(writer, corpora, conflicts, progress, cancellationToken);
        var seedRows = SeedRows(writer, context, conflicts, cancellationToken);
        var positiveWeight = sampleRows.Where(r => r.Label != 0).Sum(r => r.Weight);
        Share(baseRows, _options.BaseWeight * positiveWeight);
        Share(seedRows, _options.SeedWeight * positiveWeight);
        var rows = sampleRows.Concat(baseRows).Concat(seedRows).ToList();
        var ml = new MLContext(_options.Seed);
        var (figures, offsets) = CrossValidate(ml, rows, added, counts, writer.Dimension, progress, cancellationToken);
        progress?.Report(new TrainingProgress("added-label stage, all samples", 0, 1));
        var (stage, schema) = Fit(ml, rows, added.Count + 1, writer.Dimension);
        var stageBytes = ModelTrainer.Save(ml, stage, schema);
        progress?.Report(new TrainingProgress("added-label stage, all samples", 1, 1));

        var addedLabels = figures.Select((f, i) => new AddedLabel(f.Label, f.Samples, Math.Round(f.Precision, 4), Math.Round(f.Recall, 4)) { Offset = offsets[i] }).ToList();
        var metrics = new SortedDictionary<string, double>(baseModel.Metadata.Metrics.ToDictionary(), StringComparer.Ordinal);
        foreach (var f in figures)
        {
            metrics[$"added.{f.Label}.precision"] = Math.Round(f.Precision, 4);
            metrics[$"added.{f.Label}.recall"] = Math.Round(f.Recall, 4);
        }

        var model = baseModel.WithAddedLabels(
            addedLabels,
            stageBytes,
            string.Create(CultureInfo.InvariantCulture, $"LbfgsMaximumEntropy over words, stems, in-word character 3-5-grams, symbols, shape and the base probabilities (L2 {_options.L2Regularization}, offsets {string.Join(", ", addedLabels.Select(a => a.Name + " " + a.Offset.ToString("+0.00;-0.00;0", CultureInfo.InvariantCulture)))})"),
            string.Create(CultureInfo.InvariantCulture, $"on top of model {baseModel.Version[..12]}: {sampleLabels.Count} sample blocks ({string.Join(", ", added.Select(l => $"{l} {counts[l]}"))}) against {baseRows.Count} blocks of {_options.BasePages} base pages"),
            metrics);

        var devMetrics = new List<(string, double, double)>();
        if (_options.EvaluateDev)
        {
            devMetrics = DevCheck(baseModel, ref model, corpora, metrics, progress, cancellationToken);
        }

        var warnings = Warnings(figures, devMetrics);
        foreach (var warning in warnings)
        {
            _logger.LogWarning("{Warning}", warning);
        }

        var report = new AddedLabelReport(figures, _options.Folds, baseRows.Count + seedRows.Count, baseRows.Concat(seedRows).Count(r => r.Assessed), dropped, warnings, devMetrics);
        return (model, report);
    }

    /// <summary>The labels of <paramref name="samples"/> that are not among <paramref name="baseLabels"/>, in ordinal order.</summary>
    public static IReadOnlyList<string> NewLabels(IEnumerable<TrainingSample> samples, IReadOnlyList<string> baseLabels)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(baseLabels);
        return samples.SelectMany(LabelsOf).Where(l => !baseLabels.Contains(l, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> LabelsOf(TrainingSample sample) => sample switch
    {
        TrainingSample.Paragraph p => [p.Label],
        TrainingSample.Page p => p.Blocks.Select(b => b.Label),
        _ => [],
    };

    /// <summary>Gives <paramref name="rows"/> equal weights that add up to <paramref name="total"/>.</summary>
    private static void Share(List<AddedLabelRow> rows, float total)
    {
        foreach (var row in rows)
        {
            row.Weight = total / rows.Count;
        }
    }

    /// <summary>The seed samples as "other", each in the views a user's paragraph gets; cross-validation counts them as base blocks.</summary>
    private List<AddedLabelRow> SeedRows(AddedLabelRowWriter writer, List<string> context, ConflictFilter conflicts, CancellationToken cancellationToken)
    {
        if (_options.SeedWeight == 0)
        {
            return [];
        }

        var random = new Random(_options.Seed + 2);
        var seeds = SeedSamples.Load().OfType<TrainingSample.Paragraph>().Where(s => !conflicts.Matches(s.Text))
            .Select((s, i) => (Sample: s, Before: context[random.Next(context.Count)], After: context[random.Next(context.Count)], Fold: i % _options.Folds)).ToList();
        var results = new List<AddedLabelRow>[seeds.Count];
        Parallel.For(0, seeds.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (sample, before, after, fold) = seeds[i];
            results[i] = ParagraphRows(writer, sample, before, after, 0, fold, cancellationToken);
            foreach (var row in results[i])
            {
                row.FromBase = true;
            }
        });
        return results.SelectMany(r => r).ToList();
    }

    private List<AddedLabelRow> SampleRows(
        AddedLabelRowWriter writer, IReadOnlyList<TrainingSample> samples, List<string> context, Func<string, uint> classOf, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        // A group is held out whole: a page's paragraphs, or one paragraph on its own.
        var groups = new List<(string Key, string Label, Func<int, List<AddedLabelRow>> Rows)>();
        var random = new Random(_options.Seed);
        foreach (var paragraph in samples.OfType<TrainingSample.Paragraph>().Where(p => p.PageId is null))
        {
            var before = context[random.Next(context.Count)];
            var after = context[random.Next(context.Count)];
            groups.Add((paragraph.Source, paragraph.Label, fold => ParagraphRows(writer, paragraph, before, after, classOf(paragraph.Label), fold, cancellationToken)));
        }

        foreach (var page in samples.OfType<TrainingSample.Paragraph>().Where(p => p.PageId is not null).GroupBy(p => p.PageId!, StringComparer.Ordinal))
        {
            var label = page.Select(p => p.Label).FirstOrDefault(l => classOf(l) != 0) ?? page.First().Label;
            groups.Add((page.Key, label, fold => _builder.FromParagraphSamples(page, 1f, cancellationToken)
                .SelectMany(t => writer.Write(t.Page, i => classOf(t.Labels[i]), 1f, fold, _ => true, fromBase: false, cancellationToken)).ToList()));
        }

        foreach (var page in samples.OfType<TrainingSample.Page>())
        {
            var label = page.Blocks.Select(b => b.Label).FirstOrDefault(l => classOf(l) != 0) ?? Labels.Body;
            groups.Add((page.Source, label, fold => PageSampleRows(writer, page, classOf, fold, cancellationToken)));
        }

        // Folds stratified by label: each label's groups, shuffled, dealt round the folds.
        var folds = new int[groups.Count];
        foreach (var byLabel in groups.Select((g, i) => (g, i)).GroupBy(x => x.g.Label, StringComparer.Ordinal))
        {
            var order = byLabel.Select(x => x.i).OrderBy(_ => random.Next()).ToList();
            for (var n = 0; n < order.Count; n++)
            {
                folds[order[n]] = n % _options.Folds;
            }
        }

        var results = new List<AddedLabelRow>[groups.Count];
        var done = 0;
        const string Stage = "scoring the samples with the base model";
        progress?.Report(new TrainingProgress(Stage, 0, groups.Count));
        Parallel.For(0, groups.Count, new ParallelOptions { CancellationToken = cancellationToken }, g =>
        {
            results[g] = groups[g].Rows(folds[g]);
            progress?.Report(new TrainingProgress(Stage, Interlocked.Increment(ref done), groups.Count));
        });
        return results.SelectMany(r => r).ToList();
    }

    /// <summary>
    /// A paragraph in three views of a third of its weight each: alone, and between two article paragraphs as plain
    /// text and as HTML (the in-page views are the ones cross-validation scores), so the label is learnt from its
    /// words, whatever the input format.
    /// </summary>
    private List<AddedLabelRow> ParagraphRows(AddedLabelRowWriter writer, TrainingSample.Paragraph sample, string before, string after, uint label, int fold, CancellationToken cancellationToken)
    {
        const float Third = 1f / 3;
        var alone = Segment(sample);
        var rows = writer.Write(alone, _ => label, Third, fold, _ => false, fromBase: false, cancellationToken);
        var first = _text.FromParagraphs([before], null).Blocks;
        var last = _text.FromParagraphs([after], null).Blocks;
        var inText = new SegmentedPage(string.Empty, first.Concat(alone.Blocks).Concat(last).ToList(), alone.Format);
        bool Own(int i) => i >= first.Count && i < first.Count + alone.Blocks.Count;
        rows.AddRange(writer.Write(inText, i => Own(i) ? label : null, Third, fold, Own, fromBase: false, cancellationToken));

        var markup = sample.Html ?? $"<p>{WebUtility.HtmlEncode(sample.Text)}</p>";
        var inHtml = _html.Segment(
            $"<!DOCTYPE html><html><body><article><p>{WebUtility.HtmlEncode(before)}</p>{markup}<p>{WebUtility.HtmlEncode(after)}</p></article></body></html>", null, cancellationToken);
        var own = SampleBlocks(inHtml, sample.Text);
        rows.AddRange(writer.Write(inHtml, i => own.Contains(i) ? label : null, Third, fold, own.Contains, fromBase: false, cancellationToken));
        return rows;
    }

    /// <summary>Blocks of <paramref name="page"/> whose text is part of <paramref name="text"/>.</summary>
    private static HashSet<int> SampleBlocks(SegmentedPage page, string text)
    {
        var normalized = Normalize(text);
        return Enumerable.Range(0, page.Blocks.Count)
            .Where(i => Normalize(page.Blocks[i].Text) is { Length: > 0 } block && normalized.Contains(block, StringComparison.Ordinal))
            .ToHashSet();
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private SegmentedPage Segment(TrainingSample.Paragraph sample) =>
        sample.Html is not null ? _html.Segment(sample.Html, null, CancellationToken.None) : _text.FromParagraphs([sample.Text], null);

    private List<AddedLabelRow> PageSampleRows(AddedLabelRowWriter writer, TrainingSample.Page sample, Func<string, uint> classOf, int fold, CancellationToken cancellationToken)
    {
        var rows = new List<AddedLabelRow>();
        foreach (var page in _builder.FromPageSample(sample, 1f, cancellationToken))
        {
            rows.AddRange(writer.Write(page.Page, i => classOf(page.Labels[i]), 1f, fold, _ => true, fromBase: false, cancellationToken));
        }

        return rows;
    }

    /// <summary>Article paragraphs of the corpora's train pages (a sentence or more, not a whole essay) to set samples between.</summary>
    private static List<string> ContextParagraphs(IReadOnlyList<LabelledDataset> corpora)
    {
        var paragraphs = corpora.SelectMany(c => c.Train)
            .SelectMany(p => p.ArticleBody.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length is >= 120 and <= 700 && !p.Contains('\n', StringComparison.Ordinal))
            .ToList();
        return paragraphs.Count > 0 ? paragraphs : ["The council met on Tuesday to discuss the new budget, which was approved by a narrow majority."];
    }

    private (List<AddedLabelRow> Rows, int Dropped) BaseRows(
        AddedLabelRowWriter writer, IReadOnlyList<LabelledDataset> corpora, ConflictFilter conflicts, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var random = new Random(_options.Seed + 1);
        var pages = corpora.SelectMany(c => c.Train).OrderBy(p => p.Key, StringComparer.Ordinal).ToList()
            .OrderBy(_ => random.Next()).Take(_options.BasePages).ToList();
        var results = new List<AddedLabelRow>[pages.Count];
        var dropped = 0;
        var done = 0;
        const string Stage = "scoring base pages with the base model";
        progress?.Report(new TrainingProgress(Stage, 0, pages.Count));
        Parallel.For(0, pages.Count, new ParallelOptions { CancellationToken = cancellationToken }, p =>
        {
            var rows = new List<AddedLabelRow>();
            // The page as HTML and as the plain text a scraper sends: the first view of each format.
            foreach (var view in _builder.FromCorpusPage(pages[p], 1f, cancellationToken).GroupBy(v => v.Page.Format).Select(g => g.First()))
            {
                rows.AddRange(writer.Write(view.Page, i =>
                {
                    if (conflicts.Matches(view.Page.Blocks[i].Text))
                    {
                        Interlocked.Increment(ref dropped);
                        return null;
                    }

                    return 0u;
                }, 1f, p % _options.Folds, _ => true, fromBase: true, cancellationToken));
            }

            results[p] = rows;
            progress?.Report(new TrainingProgress(Stage, Interlocked.Increment(ref done), pages.Count));
        });
        return (results.SelectMany(r => r).ToList(), dropped);
    }

    /// <summary>
    /// Scores every assessed row with a stage fitted on the other folds, then tunes each added label's offset (see
    /// <see cref="AddedLabel.Offset"/>) for the best F1 over those out-of-fold verdicts, and counts at the tuned offsets.
    /// </summary>
    private (List<AddedLabelFigures> Figures, float[] Offsets) CrossValidate(
        MLContext ml, List<AddedLabelRow> rows, IReadOnlyList<string> added, Dictionary<string, int> counts, int dimension, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var heldOut = new List<(AddedLabelRow Row, float[] Verdict)>();
        var stage = $"cross-validation, {_options.Folds} folds";
        for (var fold = 0; fold < _options.Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new TrainingProgress(stage, fold, _options.Folds));
            var held = fold;
            var (transformer, _) = Fit(ml, rows.Where(r => r.Fold != held), added.Count + 1, dimension);
            var scorer = LinearScorer.From(transformer.Model);
            foreach (var row in rows.Where(r => r.Fold == held && r.Assessed))
            {
                var verdict = new float[added.Count + 1];
                var features = row.Features;
                scorer.Score(features.GetIndices(), features.GetValues(), verdict);
                heldOut.Add((row, verdict));
            }
        }

        progress?.Report(new TrainingProgress(stage, _options.Folds, _options.Folds));
        var offsets = new float[added.Count + 1];
        for (var h = 1; h <= added.Count; h++)
        {
            var best = (F1: -1.0, Offset: 0f);
            for (var offset = -MaxOffset; offset <= MaxOffset + 1e-6f; offset += OffsetStep)
            {
                offsets[h] = offset;
                var f = Count(heldOut, offsets, added.Count)[h];
                var f1 = f.TruePositives == 0 ? 0 : 2.0 * f.TruePositives / ((2.0 * f.TruePositives) + f.FalsePositives + f.FalseNegatives);
                // Ties go to the offset nearest 0: the stage as fitted.
                if (f1 > best.F1 + 1e-9 || (Math.Abs(f1 - best.F1) <= 1e-9 && Math.Abs(offset) < Math.Abs(best.Offset)))
                {
                    best = (f1, offset);
                }
            }

            offsets[h] = best.Offset;
        }

        var counted = Count(heldOut, offsets, added.Count);
        var figures = added.Select((label, i) =>
        {
            var c = counted[i + 1];
            return new AddedLabelFigures(label, counts[label], c.TruePositives, c.FalseNegatives, c.FalsePositives, c.BaseFalseAlarms);
        }).ToList();
        return (figures, offsets[1..]);
    }

    private const float MaxOffset = 4f;
    private const float OffsetStep = 0.25f;

    private static (int TruePositives, int FalseNegatives, int FalsePositives, int BaseFalseAlarms)[] Count(List<(AddedLabelRow Row, float[] Verdict)> heldOut, float[] offsets, int added)
    {
        var result = new (int TruePositives, int FalseNegatives, int FalsePositives, int BaseFalseAlarms)[added + 1];
        var shifted = new float[added + 1];
        foreach (var (row, verdict) in heldOut)
        {
            AddedLabelStage.Shift(verdict, offsets, shifted);
            var predicted = Predict(row.BaseRow, shifted);
            var actual = (int)row.Label;
            if (predicted == actual)
            {
                result[actual].TruePositives++;
                continue;
            }

            result[actual].FalseNegatives++;
            result[predicted].FalsePositives++;
            if (row.FromBase)
            {
                result[predicted].BaseFalseAlarms++;
            }
        }

        return result;
    }

    /// <summary>The class the whole model gives a block: its merged row's most probable label, an added label's class or 0.</summary>
    private static int Predict(float[] baseRow, float[] verdict)
    {
        Span<float> merged = stackalloc float[baseRow.Length + verdict.Length - 1];
        AddedLabelStage.Merge(baseRow, verdict, merged);
        var best = 0;
        for (var j = 1; j < merged.Length; j++)
        {
            if (merged[j] > merged[best])
            {
                best = j;
            }
        }

        return best < baseRow.Length ? 0 : best - baseRow.Length + 1;
    }

    private (MulticlassPredictionTransformer<MaximumEntropyModelParameters> Model, DataViewSchema Schema) Fit(MLContext ml, IEnumerable<AddedLabelRow> rows, int classes, int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(AddedLabelRow));
        // LoadFromEnumerable reads a key column's raw value as the zero-based class index.
        schema[nameof(AddedLabelRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        schema[nameof(AddedLabelRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var model = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(AddedLabelRow.Label),
            FeatureColumnName = nameof(AddedLabelRow.Features),
            ExampleWeightColumnName = nameof(AddedLabelRow.Weight),
            L2Regularization = _options.L2Regularization,
            L1Regularization = 0f,
            OptimizationTolerance = _options.OptimizationTolerance,
            NumberOfThreads = 1,
        }).Fit(data);
        return (model, data.Schema);
    }

    private static List<(string Metric, double Base, double New)> DevCheck(
        BoilerplateModel baseModel, ref BoilerplateModel model, IReadOnlyList<LabelledDataset> corpora, SortedDictionary<string, double> metrics, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        const string Stage = "scoring the dev split, base and new model";
        progress?.Report(new TrainingProgress(Stage, 0, 2));
        using var evaluator = new ModelEvaluator();
        var before = evaluator.EvaluateDev(baseModel, corpora, cancellationToken).ToMetrics("dev");
        progress?.Report(new TrainingProgress(Stage, 1, 2));
        var after = evaluator.EvaluateDev(model, corpora, cancellationToken).ToMetrics("dev");
        progress?.Report(new TrainingProgress(Stage, 2, 2));
        foreach (var (name, value) in after)
        {
            metrics[name] = value;
        }

        model = model.WithMetrics(metrics);
        return after.Where(m => m.Key.EndsWith(".f1", StringComparison.Ordinal) || m.Key.EndsWith(".word_f1", StringComparison.Ordinal))
            .Select(m => (m.Key, before.GetValueOrDefault(m.Key), m.Value)).ToList();
    }

    private List<string> Warnings(IReadOnlyList<AddedLabelFigures> figures, IReadOnlyList<(string Metric, double Base, double New)> dev)
    {
        var warnings = new List<string>();
        foreach (var f in figures)
        {
            if (f.Samples < _options.RecommendedSamples)
            {
                warnings.Add($"'{f.Label}' has {f.Samples} samples; recall climbs until about {_options.RecommendedSamples} or more (docs/labels.md). Add samples in other wordings and languages.");
            }

            if (f.Recall < _options.WarnBelow)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"'{f.Label}': held-out recall {f.Recall:0.00}: {1 - f.Recall:P0} of your held-out samples were missed, and unseen wordings fare no better. Add more varied samples (other wordings, the languages you crawl)."));
            }

            if (f.Precision < _options.WarnBelow)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"'{f.Label}': held-out precision {f.Precision:0.00} ({f.BaseFalseAlarms} ordinary page blocks taken for it). Add samples of what it is not (label them body or navigation)."));
            }
        }

        foreach (var (metric, before, after) in dev.Where(d => d.Metric.EndsWith(".f1", StringComparison.Ordinal) && d.Base - d.New > 0.01))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{metric} falls from {before:0.000} to {after:0.000}: the added labels take article text on pages that have none of them."));
        }

        return warnings;
    }

    /// <summary>Base blocks whose text is one of the samples' (or nearly: 80% of the words shared) are left out: the user's label wins.</summary>
    private sealed class ConflictFilter
    {
        private const double SameWords = 0.8;
        private readonly List<HashSet<string>> _samples = [];
        private readonly Dictionary<string, List<int>> _index = new(StringComparer.Ordinal);

        public ConflictFilter(IEnumerable<string> samples)
        {
            foreach (var words in samples.Select(Words).Where(w => w.Count > 0))
            {
                foreach (var word in words)
                {
                    if (!_index.TryGetValue(word, out var list))
                    {
                        _index[word] = list = [];
                    }

                    list.Add(_samples.Count);
                }

                _samples.Add(words);
            }
        }

        public bool Matches(string text)
        {
            var words = Words(text);
            if (words.Count == 0)
            {
                return false;
            }

            var shared = new Dictionary<int, int>();
            foreach (var word in words)
            {
                foreach (var sample in _index.GetValueOrDefault(word) ?? [])
                {
                    shared[sample] = shared.GetValueOrDefault(sample) + 1;
                }
            }

            return shared.Any(s => (double)s.Value / (words.Count + _samples[s.Key].Count - s.Value) >= SameWords);
        }

        private static HashSet<string> Words(string text) =>
            WordTokenizer.Tokenize(text).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }
}
