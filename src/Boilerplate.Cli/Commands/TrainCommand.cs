using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Boilerplate.Training;
using Spectre.Console;

namespace Boilerplate.Cli.Commands;

/// <summary>
/// <c>boilerplate train</c>: trains a model from user samples and/or the default corpora, prints the dev figures and
/// writes the model file atomically (nothing is left behind when training fails or is cancelled).
/// </summary>
internal static class TrainCommand
{
    internal static Command Create()
    {
        var samples = new Option<string[]>("--samples")
        {
            Description = "Sample files: JSON lines ({\"text\",\"label\"} paragraphs or {\"html\"|\"html_file\",\"articleBody\"} pages) or CSV (text,label).",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string?>("--out") { Description = "Where to write the model file (.zip)." };
        var corpusWeights = new Option<string[]>("--corpus-weight")
        {
            Description = "NAME=WEIGHT: weigh that corpus's pages so (others weigh 1); repeat for several. The default model uses readability-pages=3.",
            AllowMultipleArgumentsPerToken = true,
        };
        var ablation = new Option<string?>("--ablation-report")
        {
            Description = "Instead of one model, train the learner comparison and feature ablation on the same data and write a Markdown report here.",
        };
        var crossValidate = new Option<int?>("--cross-validate")
        {
            Description = "Instead of one model, fit one per fold of the corpora's train split (this many folds, 2 or more) and print how each scores the pages it never saw.",
        };
        var leaveOut = new Option<string[]>("--leave-out")
        {
            Description = "With --base default: train without this default corpus (repeatable), to score it as pages the model never saw.",
            AllowMultipleArgumentsPerToken = true,
        };
        var baseData = new Option<string?>("--base") { Description = "\"default\": also train on the default corpora and seed samples." };
        baseData.AcceptOnlyFromAmong("default");
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 42 };
        var datasets = new Option<string?>("--dataset", "--datasets") { Description = "Datasets folder (default: BOILERPLATE_DATASETS, else ../shared/datasets)." };
        var maxPages = new Option<int?>("--max-pages") { Description = "Read at most this many pages of each corpus (quick experiments)." };
        var defaults = new TrainingOptions();
        var textTrainer = new Option<TextTrainer>("--text-trainer") { Description = "First-stage learner.", DefaultValueFactory = _ => defaults.TextTrainer };
        var contextTrainer = new Option<ContextTrainer>("--context-trainer") { Description = "Second-stage learner.", DefaultValueFactory = _ => defaults.ContextTrainer };
        var trees = new Option<int>("--trees") { Description = "Boosting rounds per label of a tree second stage (scoring cost grows with them).", DefaultValueFactory = _ => defaults.Trees };
        var leaves = new Option<int>("--leaves") { Description = "Leaves per tree of a tree second stage.", DefaultValueFactory = _ => defaults.Leaves };
        var learningRate = new Option<double>("--learning-rate") { Description = "Shrinkage per boosting round of a tree second stage.", DefaultValueFactory = _ => defaults.LearningRate };

        var command = new Command("train", "Train a model on labelled samples and/or the default corpora.")
        {
            samples, output, baseData, seed, datasets, maxPages, textTrainer, contextTrainer, trees, leaves, learningRate, corpusWeights, leaveOut, ablation, crossValidate,
        };
        command.Validators.Add(result =>
        {
            var asked = (result.GetValue(output) is null ? 0 : 1) + (result.GetValue(ablation) is null ? 0 : 1) + (result.GetValue(crossValidate) is null ? 0 : 1);
            if (asked != 1)
            {
                result.AddError("Give exactly one of --out (train a model), --ablation-report (compare configurations) and --cross-validate (score held-out train pages).");
            }

            if (result.GetValue(crossValidate) is < 2)
            {
                result.AddError("--cross-validate needs at least 2 folds.");
            }

            foreach (var name in result.GetValue(leaveOut) ?? [])
            {
                if (!LabelledDataset.DefaultCorpora.Contains(name, StringComparer.Ordinal))
                {
                    result.AddError($"--leave-out {name}: not a default corpus ({string.Join(", ", LabelledDataset.DefaultCorpora)}).");
                }
            }

            foreach (var weight in result.GetValue(corpusWeights) ?? [])
            {
                if (ParseCorpusWeight(weight) is null)
                {
                    result.AddError($"--corpus-weight {weight}: give NAME=WEIGHT, e.g. readability-pages=3.");
                }
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var samplePaths = parse.GetValue(samples) ?? [];
            var useDefault = parse.GetValue(baseData) == "default";
            if (samplePaths.Length == 0 && !useDefault)
            {
                AnsiConsole.MarkupLine("[red]Nothing to train on:[/] give --samples FILE... and/or --base default.");
                return 2;
            }

            var options = new TrainingOptions
            {
                Seed = parse.GetValue(seed),
                MaxPagesPerCorpus = parse.GetValue(maxPages),
                TextTrainer = parse.GetValue(textTrainer),
                ContextTrainer = parse.GetValue(contextTrainer),
                Trees = parse.GetValue(trees),
                Leaves = parse.GetValue(leaves),
                LearningRate = parse.GetValue(learningRate),
                // The last weight given for a corpus wins, as with any repeated option.
                CorpusWeights = (parse.GetValue(corpusWeights) ?? []).Select(w => ParseCorpusWeight(w)!.Value)
                    .GroupBy(w => w.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            };
            try
            {
                // TrainingOptions owns the bounds; checked before any data is read.
                options.Validate();
                var data = LoadData(samplePaths, useDefault, parse.GetValue(datasets), parse.GetValue(leaveOut) ?? []);
                var stopwatch = Stopwatch.StartNew();
                if (parse.GetValue(ablation) is { } reportPath)
                {
                    var results = await RunWithProgress(
                        reporter => AblationStudy.Run(data, options, reporter, done => WriteAtomically(reportPath, AblationStudy.ToMarkdown(done, data.Describe())), cancellationToken),
                        cancellationToken);
                    AnsiConsole.MarkupLineInterpolated($"Ablation report of {results.Count} configurations written to {reportPath} in {stopwatch.Elapsed.TotalMinutes:0.0} min.");
                    return 0;
                }

                if (parse.GetValue(crossValidate) is { } folds)
                {
                    var report = await RunWithProgress(reporter => CrossValidation.Run(data, options, folds, reporter, cancellationToken), cancellationToken);
                    Print(report, stopwatch.Elapsed);
                    return 0;
                }

                using var model = await RunWithProgress(reporter => new ModelTrainer(options).Train(data, reporter, cancellationToken), cancellationToken);
                var path = parse.GetValue(output)!;
                model.Save(path);
                Print(model.Metadata, path, stopwatch.Elapsed);
                return 0;
            }
            catch (Exception e) when (e is SampleFormatException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or InvalidOperationException or ArgumentOutOfRangeException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Training failed:[/] {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>NAME=WEIGHT split and parsed; the range of the weight is TrainingOptions.Validate's to check.</summary>
    private static KeyValuePair<string, float>? ParseCorpusWeight(string text)
    {
        var at = text.LastIndexOf('=');
        return at > 0 && float.TryParse(text.AsSpan(at + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
            ? new KeyValuePair<string, float>(text[..at], weight)
            : null;
    }

    private static Task<T> RunWithProgress<T>(Func<IProgress<TrainingProgress>, T> work, CancellationToken cancellationToken) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => Task.Run(() => work(new ProgressReporter(context)), cancellationToken));

    private static void WriteAtomically(string path, string content)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, full, overwrite: true);
    }

    private static TrainingData LoadData(string[] samplePaths, bool useDefault, string? datasets, string[] leaveOut)
    {
        var samples = samplePaths.SelectMany(SampleReader.Read).ToList();
        if (!useDefault)
        {
            return new TrainingData { Samples = samples };
        }

        var root = LabelledDataset.ResolveDatasetsDirectory(datasets);
        samples.AddRange(SeedSamples.Load());
        return new TrainingData
        {
            Corpora = LabelledDataset.DefaultCorpora.Except(leaveOut, StringComparer.Ordinal)
                .Select(name => LabelledDataset.Load(Path.Combine(root, name))).ToList(),
            Samples = samples,
        };
    }

    private static void Print(CrossValidationReport report, TimeSpan elapsed)
    {
        var table = new Table()
            .AddColumn("corpus").AddColumn("mode").AddColumn(new TableColumn("pages").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned());
        foreach (var result in report.Results)
        {
            table.AddRow(
                result.Corpus,
                result.Mode.ToString().ToLowerInvariant(),
                result.Score.Pages.ToString(CultureInfo.InvariantCulture),
                result.Score.F1.ToString("0.000", CultureInfo.InvariantCulture),
                result.Score.Precision.ToString("0.000", CultureInfo.InvariantCulture),
                result.Score.Recall.ToString("0.000", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"Hand-labelled macro-F1 (mean of the {report.Folds} fold models): {report.HandLabelledMacroF1.ToString("0.000", CultureInfo.InvariantCulture)}. {report.Folds}-fold cross-validation over the train split in {elapsed.TotalMinutes:0.0} min.");
    }

    private static void Print(Core.Model.ModelMetadata metadata, string path, TimeSpan elapsed)
    {
        var table = new Table().AddColumn("dev metric").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (name, value) in metadata.Metrics)
        {
            table.AddRow(name, value.ToString("0.0000", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        var size = new FileInfo(path).Length / 1024.0 / 1024.0;
        AnsiConsole.MarkupLineInterpolated(
            $"Model [bold]{metadata.Version[..12]}[/] ({string.Join(", ", metadata.Labels)}; {metadata.Trainer}) written to {path} ({size:0.00} MB) in {elapsed.TotalMinutes:0.0} min.");
    }

    /// <summary>Shows the trainer's stages as progress bars, one per stage.</summary>
    private sealed class ProgressReporter(ProgressContext context) : IProgress<TrainingProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];
        private readonly Lock _lock = new();

        public void Report(TrainingProgress value)
        {
            lock (_lock)
            {
                if (!_tasks.TryGetValue(value.Stage, out var task))
                {
                    _tasks[value.Stage] = task = context.AddTask(Markup.Escape(value.Stage), maxValue: Math.Max(1, value.Total));
                }

                task.MaxValue = Math.Max(1, value.Total);
                task.Value = Math.Max(task.Value, value.Done);
            }
        }
    }
}
