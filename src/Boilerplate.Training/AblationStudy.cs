using System.Diagnostics;
using System.Globalization;
using System.Text;
using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training;

/// <summary>One configuration of the ablation study and what it measured.</summary>
/// <param name="Name">Short name ("baseline", "- Words", "FastTree").</param>
/// <param name="Options">The training options.</param>
/// <param name="Dev">Dev-split figures of every corpus and mode.</param>
/// <param name="HandLabelled">Held-out hand-labelled paragraphs.</param>
/// <param name="MicrosecondsPerBlock">Scoring time per block on one thread (features and both stages).</param>
/// <param name="MillisecondsPerPage">Scoring time per dev page on one thread.</param>
/// <param name="TrainingTime">Wall-clock time to fit both stages.</param>
public sealed record AblationResult(
    string Name,
    TrainingOptions Options,
    EvaluationReport Dev,
    ClassificationReport HandLabelled,
    double MicrosecondsPerBlock,
    double MillisecondsPerPage,
    TimeSpan TrainingTime);

/// <summary>
/// Trains the same prepared data under several configurations (learners compared; feature groups removed one at a
/// time) and scores each on the dev split, so every choice in the default model is backed by a measurement.
/// </summary>
public static class AblationStudy
{
    /// <summary>The configurations: the default, the other learners, and the default without each feature group.</summary>
    public static IReadOnlyList<(string Name, TrainingOptions Options)> Configurations(TrainingOptions baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var configurations = new List<(string, TrainingOptions)> { ("baseline", baseline) };
        foreach (var trainer in Enum.GetValues<ContextTrainer>().Where(t => t != baseline.ContextTrainer))
        {
            configurations.Add(($"context: {trainer}", baseline with { ContextTrainer = trainer }));
        }

        // No L-BFGS first stage here: over the 262,144 hashed text features it was still fitting after 22 minutes on
        // the 2-core build machine, longer than the whole rest of the study (`train --text-trainer` still offers it).
        foreach (var group in Enum.GetValues<FeatureGroups>().Where(g => g is not FeatureGroups.None and not FeatureGroups.All))
        {
            configurations.Add(($"without {group}", baseline with { Groups = baseline.Groups & ~group }));
        }

        return configurations;
    }

    /// <summary>
    /// Prepares <paramref name="data"/> once, then fits and evaluates every configuration, handing the results so far
    /// to <paramref name="completed"/> after each (a long study that fails late keeps what it measured).
    /// </summary>
    public static IReadOnlyList<AblationResult> Run(
        TrainingData data,
        TrainingOptions baseline,
        IProgress<TrainingProgress>? progress,
        Action<IReadOnlyList<AblationResult>>? completed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var trainer = new ModelTrainer(baseline);
        var pages = trainer.Prepare(data, progress, cancellationToken);
        var corpora = trainer.Limit(data.Corpora).ToList();
        var segmenter = new HtmlSegmenter(SegmentationLimits.Default);
        var devPages = corpora.SelectMany(c => c.Dev).Select(p => segmenter.Segment(p.ReadHtml(), p.Url, cancellationToken)).ToList();
        using var evaluator = new ModelEvaluator();
        var results = new List<AblationResult>();
        var configurations = Configurations(baseline);
        foreach (var (name, options) in configurations)
        {
            progress?.Report(new TrainingProgress("ablation: " + name, results.Count, configurations.Count));
            var started = Stopwatch.StartNew();
            using var model = new ModelTrainer(options).Fit(pages, data.Describe(), null, cancellationToken);
            var trainingTime = started.Elapsed;
            var (perBlock, perPage) = MeasureScoring(model, devPages, cancellationToken);
            results.Add(new AblationResult(
                name,
                options,
                evaluator.EvaluateDev(model, corpora, cancellationToken),
                HandLabelledSet.Evaluate(model, null, cancellationToken),
                perBlock,
                perPage,
                trainingTime));
            completed?.Invoke(results);
        }

        progress?.Report(new TrainingProgress("ablation", results.Count, configurations.Count));
        return results;
    }

    /// <summary>Single-threaded scoring time of segmented pages: microseconds per block and milliseconds per page.</summary>
    public static (double MicrosecondsPerBlock, double MillisecondsPerPage) MeasureScoring(IBlockClassifier model, IReadOnlyList<SegmentedPage> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pages);
        foreach (var page in pages.Take(20))
        {
            model.Score(page, cancellationToken);
        }

        var blocks = pages.Sum(p => p.Blocks.Count);
        var started = Stopwatch.GetTimestamp();
        foreach (var page in pages)
        {
            model.Score(page, cancellationToken);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (seconds * 1e6 / Math.Max(1, blocks), seconds * 1e3 / Math.Max(1, pages.Count));
    }

    /// <summary>The results as a Markdown report.</summary>
    public static string ToMarkdown(IReadOnlyList<AblationResult> results, string dataDescription)
    {
        ArgumentNullException.ThrowIfNull(results);
        var corpora = results.Count == 0 ? [] : results[0].Dev.Results.Select(r => (r.Corpus, r.Mode)).ToList();
        var text = new StringBuilder();
        text.AppendLine("# Model ablation and trainer comparison");
        text.AppendLine();
        var weights = results.Count == 0 ? string.Empty : string.Concat(results[0].Options.CorpusWeightArguments.Select(w => " --corpus-weight " + w));
        text.AppendLine(CultureInfo.InvariantCulture, $"Produced by `boilerplate train ablate --base default{weights} --report <file>`; training data: {dataDescription}.");
        text.AppendLine("Figures are shingle F1 on the fixed dev split (20% of each corpus by id hash, never trained on), macro-F1 on the");
        text.AppendLine("held-out hand-labelled paragraphs, and single-thread scoring time (features + both stages) on the dev pages.");
        text.AppendLine();
        text.Append("| configuration |");
        foreach (var (corpus, mode) in corpora)
        {
            text.Append(CultureInfo.InvariantCulture, $" {corpus} {mode.ToString().ToLowerInvariant()} F1 |");
        }

        text.AppendLine(" hand-labelled macro-F1 | µs/block | ms/page | fit time |");
        text.Append("|---|");
        text.Append(string.Concat(Enumerable.Repeat("---:|", corpora.Count + 4)));
        text.AppendLine();
        var baseline = results.FirstOrDefault();
        foreach (var result in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {result.Name} |");
            for (var i = 0; i < corpora.Count; i++)
            {
                var f1 = result.Dev.Results[i].Score.F1;
                var delta = ReferenceEquals(result, baseline) || baseline is null ? string.Empty : $" ({Delta(f1, baseline.Dev.Results[i].Score.F1)})";
                text.Append(CultureInfo.InvariantCulture, $" {f1:0.000}{delta} |");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $" {result.HandLabelled.MacroF1:0.000} | {result.MicrosecondsPerBlock:0.0} | {result.MillisecondsPerPage:0.00} | {result.TrainingTime.TotalMinutes:0.0} min |");
        }

        return text.ToString();
    }

    // A difference that rounds to zero printed "-+0.000" through the sign sections of a custom format.
    private static string Delta(double value, double baseline)
    {
        var delta = Math.Round(value - baseline, 3);
        return delta == 0 ? "0.000" : delta.ToString("+0.000;-0.000", CultureInfo.InvariantCulture);
    }
}
