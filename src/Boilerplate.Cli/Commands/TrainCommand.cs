using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Boilerplate.Cli.Evaluate;
using Boilerplate.Core.Model;
using Boilerplate.Training;
using Boilerplate.Training.AddedLabels;
using Spectre.Console;

namespace Boilerplate.Cli.Commands;

/// <summary>
/// <c>boilerplate train</c>: trains a model from user samples and/or the default corpora, prints the dev figures and
/// writes the model file atomically (nothing is left behind when training fails or is cancelled). Its subcommands use
/// the same data and settings for something else: <c>train cross-validate</c> scores held-out train pages,
/// <c>train ablate</c> compares configurations.
/// </summary>
internal static class TrainCommand
{
    internal static Command Create()
    {
        var shared = new TrainingArguments();
        var output = new Option<string>("--out") { Description = "Where to write the model file (.zip).", Required = true };
        var full = new Option<bool>("--full")
        {
            Description = "With --base default and samples of new labels: retrain the whole model with the samples folded in (about 13 min) instead of adding the new labels on top of the default model (a minute or two).",
        };
        var command = new Command("train", "Train a model on labelled samples and/or the default corpora.") { output, full };
        shared.AddTo(command);
        command.SetAction((parse, cancellationToken) => shared.RunAsync(parse, async (data, options, stopwatch) =>
        {
            var path = parse.GetValue(output)!;
            var userSamples = data.Samples.Where(s => !SeedSamples.IsSeed(s)).ToList();
            if (data.Corpora.Count > 0 && !parse.GetValue(full) && AddedLabelTrainer.NewLabels(userSamples, Labels.Default).Count > 0)
            {
                var corpora = options.MaxPagesPerCorpus is { } max ? data.Corpora.Select(c => c.Take(max)).ToList() : data.Corpora;
                await TrainAddedLabelsAsync(userSamples, corpora, options.Seed, path, stopwatch, cancellationToken);
                return;
            }

            using var model = await RunWithProgress(reporter => new ModelTrainer(options).Train(data, reporter, cancellationToken), cancellationToken);
            if (data.Corpora.Count == 0 && TrainedModelCheck.Degenerate(model, userSamples, cancellationToken) is { } reason)
            {
                throw new InvalidOperationException(
                    $"{reason} Samples alone cannot teach article text from page chrome: give --base default, which adds your labels to the shipped model. No model was written.");
            }

            model.Save(path);
            Print(model.Metadata, path, stopwatch.Elapsed);
            if (data.Corpora.Count == 0)
            {
                AnsiConsole.MarkupLine(
                    "[yellow]Warning:[/] trained on your samples alone (no --base), the model knows nothing of real pages' article text and chrome. " +
                    "To add labels to the shipped model, train with --base default.");
            }
        }));
        command.Subcommands.Add(CreateCrossValidate());
        command.Subcommands.Add(CreateAblate());
        return command;
    }

    /// <summary>Adds the samples' new labels on top of the default model, prints what cross-validation measured and writes the model unless it is degenerate.</summary>
    private static async Task TrainAddedLabelsAsync(
        IReadOnlyList<TrainingSample> samples, IReadOnlyList<LabelledDataset> corpora, int seed, string path, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        using var baseModel = BoilerplateModel.LoadDefault();
        var (model, report) = await RunWithProgress(
            reporter => new AddedLabelTrainer(new AddedLabelOptions { Seed = seed }).Train(baseModel, samples, corpora, reporter, cancellationToken), cancellationToken);
        using (model)
        {
            Print(report);
            if (report.Labels.FirstOrDefault(l => l.TruePositives == 0) is { } never)
            {
                throw new InvalidOperationException(
                    $"Held out, not one sample of '{never.Label}' was told as '{never.Label}': the model would never give that label. Add more samples of it. No model was written.");
            }

            model.Save(path);
            var size = new FileInfo(path).Length / 1024.0 / 1024.0;
            AnsiConsole.MarkupLineInterpolated(
                $"Model [bold]{model.Version[..12]}[/] (the default model {baseModel.Version[..12]} with {string.Join(", ", report.Labels.Select(l => l.Label))} added; labels {string.Join(", ", model.Labels)}) written to {path} ({size:0.00} MB) in {stopwatch.Elapsed.TotalMinutes:0.0} min.");
        }
    }

    private static void Print(AddedLabelReport report)
    {
        var table = new Table().AddColumn("added label").AddColumn(new TableColumn("samples").RightAligned())
            .AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("page blocks taken for it").RightAligned());
        foreach (var label in report.Labels)
        {
            table.AddRow(
                label.Label,
                label.Samples.ToString(CultureInfo.InvariantCulture),
                label.Precision.ToString("0.000", CultureInfo.InvariantCulture),
                label.Recall.ToString("0.000", CultureInfo.InvariantCulture),
                $"{label.BaseFalseAlarms} of {report.HeldOutBaseBlocks}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"{report.Folds}-fold cross-validation over your samples, each held out between two article paragraphs, and over {report.HeldOutBaseBlocks} ordinary blocks (base-corpus pages and the multilingual seed lines); {report.DroppedBaseBlocks} base blocks that repeat one of your samples were left out, so your label wins.");
        if (report.DevMetrics.Count > 0)
        {
            var dev = new Table().AddColumn("dev metric (default labels)").AddColumn(new TableColumn("default model").RightAligned())
                .AddColumn(new TableColumn("with added labels").RightAligned()).AddColumn(new TableColumn("change").RightAligned());
            foreach (var (metric, before, after) in report.DevMetrics)
            {
                dev.AddRow(metric, before.ToString("0.000", CultureInfo.InvariantCulture), after.ToString("0.000", CultureInfo.InvariantCulture), (after - before).ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(dev);
        }

        foreach (var warning in report.Warnings)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Warning:[/] {warning}");
        }
    }

    private static Command CreateCrossValidate()
    {
        var shared = new TrainingArguments();
        var folds = new Option<int>("--folds") { Description = "Folds of the corpora's train split (2 or more).", DefaultValueFactory = _ => 3 };
        var keep = new Option<string?>("--keep-models")
        {
            Description = "Also save each fold model in this folder, with the pages it held out, for --from.",
        };
        var from = new Option<string?>("--from")
        {
            Description = "Fit nothing: score the fold models kept in this folder (--keep-models) on the pages they held out, with this build's cleaning. Seconds instead of a new cross-validation, for changes to segmentation or cleaning; a feature change needs new folds.",
        };
        var json = new Option<string?>("--json") { Description = "Also write every held-out page's F1 to this JSON file (the shape `evaluate --json` writes)." };
        var blocks = new Option<string?>("--blocks")
        {
            Description = "With --from: also write every held-out page's blocks (text, kind, label, scores, kept, reason) and its truth to this file as JSON lines, to try a cleaning rule on pages no model saw without a build.",
        };
        var command = new Command(
            "cross-validate",
            "Fit one model per fold of the corpora's train split (folds hold whole sites out) and print how each scores the pages it never saw; writes no model unless --keep-models.") { folds, keep, from, json, blocks };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 2)
            {
                result.AddError("--folds needs at least 2 folds.");
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetValue(from) is not null && result.GetValue(keep) is not null)
            {
                result.AddError("--from scores kept folds and fits none, so there is nothing for --keep-models to keep: give one of them.");
            }

            if (result.GetValue(blocks) is not null && result.GetValue(from) is null)
            {
                result.AddError("--blocks writes the kept folds' output: give --from with the folder of kept fold models.");
            }
        });
        shared.AddTo(command);
        command.SetAction((parse, cancellationToken) => shared.RunAsync(parse, async (data, options, stopwatch) =>
        {
            CrossValidationReport report;
            if (parse.GetValue(from) is { } kept)
            {
                await using var blocksFile = parse.GetValue(blocks) is { } blocksPath ? new StreamWriter(blocksPath) : null;
                report = CrossValidation.Rescore(kept, data.Corpora, cancellationToken, blocksFile);
            }
            else
            {
                report = await RunWithProgress(reporter => CrossValidation.Run(data, options, parse.GetValue(folds), reporter, cancellationToken, parse.GetValue(keep)), cancellationToken);
            }

            Print(report, stopwatch.Elapsed);
            if (parse.GetValue(json) is { } path)
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(PagesJson(report), EvaluationSummary.Json), cancellationToken);
            }
        }));
        return command;
    }

    private static Command CreateAblate()
    {
        var shared = new TrainingArguments();
        var report = new Option<string>("--report") { Description = "Where to write the Markdown report.", Required = true };
        var command = new Command("ablate", "Train the learner comparison and feature ablation on the same data and write a Markdown report.") { report };
        shared.AddTo(command);
        command.SetAction((parse, cancellationToken) => shared.RunAsync(parse, async (data, options, stopwatch) =>
        {
            var reportPath = parse.GetValue(report)!;
            var results = await RunWithProgress(
                reporter => AblationStudy.Run(data, options, reporter, done => WriteAtomically(reportPath, AblationStudy.ToMarkdown(done, data.Describe())), cancellationToken),
                cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Ablation report of {results.Count} configurations written to {reportPath} in {stopwatch.Elapsed.TotalMinutes:0.0} min.");
        }));
        return command;
    }

    /// <summary>
    /// The data and learner settings <c>train</c> and its subcommands share: each command gets its own instances, so
    /// they are given after the subcommand's name and validated the same way everywhere.
    /// </summary>
    private sealed class TrainingArguments
    {
        private static readonly TrainingOptions Defaults = new();

        private readonly Option<string[]> _samples = new("--samples")
        {
            Description = "Sample files: JSON lines ({\"text\",\"label\"} paragraphs or {\"html\"|\"html_file\",\"articleBody\"} pages) or CSV (text,label).",
            AllowMultipleArgumentsPerToken = true,
        };

        private readonly Option<string[]> _corpusWeights = new("--corpus-weight")
        {
            Description = "NAME=WEIGHT: weigh that corpus's pages so (others weigh 1); repeat for several. The default model uses readability-pages=3.",
            AllowMultipleArgumentsPerToken = true,
        };

        private readonly Option<string[]> _leaveOut = new("--leave-out")
        {
            Description = "With --base default: train without this default corpus (repeatable), to score it as pages the model never saw.",
            AllowMultipleArgumentsPerToken = true,
        };

        private readonly Option<string?> _baseData = new("--base")
        {
            Description = "\"default\": build on the default model: samples of new labels are added on top of it; without samples, or with --full, it is retrained on the default corpora and seed samples.",
        };
        private readonly Option<int> _seed = new("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => 42 };
        private readonly Option<string?> _datasets = new("--dataset", "--datasets") { Description = "Datasets folder (default: BOILERPLATE_DATASETS, else ../shared/datasets)." };
        private readonly Option<int?> _maxPages = new("--max-pages") { Description = "Read at most this many pages of each corpus (quick experiments)." };
        private readonly Option<TextTrainer> _textTrainer = new("--text-trainer") { Description = "First-stage learner.", DefaultValueFactory = _ => Defaults.TextTrainer };
        private readonly Option<ContextTrainer> _contextTrainer = new("--context-trainer") { Description = "Second-stage learner.", DefaultValueFactory = _ => Defaults.ContextTrainer };
        private readonly Option<int> _trees = new("--trees") { Description = "Boosting rounds per label of a tree second stage (scoring cost grows with them).", DefaultValueFactory = _ => Defaults.Trees };
        private readonly Option<int> _leaves = new("--leaves") { Description = "Leaves per tree of a tree second stage.", DefaultValueFactory = _ => Defaults.Leaves };
        private readonly Option<double> _learningRate = new("--learning-rate") { Description = "Shrinkage per boosting round of a tree second stage.", DefaultValueFactory = _ => Defaults.LearningRate };
        private readonly Option<bool> _placeSamples = new("--place-samples")
        {
            Description = "Also place each paragraph sample inside corpus pages (beside their navigation, after their article), so context does not overrule its words.",
            DefaultValueFactory = _ => Defaults.PlaceSamples,
        };

        private readonly Option<double> _labelBalance = new("--label-balance")
        {
            Description = "0..1: how far to even out the labels' frequencies in the corpora's derived labels (legal text is about 1% of blocks); 1 weighs every label equally.",
            DefaultValueFactory = _ => Defaults.LabelBalance,
        };

        private readonly Option<double> _madeUpWords = new("--made-up-words")
        {
            Description = "0..1: share of the corpus pages also learnt with their words made up (a page as in a language never seen), so unseen languages read by markup and shape.",
            DefaultValueFactory = _ => Defaults.MadeUpWordsShare,
        };

        public TrainingArguments() => _baseData.AcceptOnlyFromAmong("default");

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _samples, _baseData, _seed, _datasets, _maxPages, _textTrainer, _contextTrainer, _trees, _leaves, _learningRate, _placeSamples, _labelBalance, _madeUpWords, _corpusWeights, _leaveOut })
            {
                command.Options.Add(option);
            }

            command.Validators.Add(result =>
            {
                foreach (var name in result.GetValue(_leaveOut) ?? [])
                {
                    if (!LabelledDataset.DefaultCorpora.Contains(name, StringComparer.Ordinal))
                    {
                        result.AddError($"--leave-out {name}: not a default corpus ({string.Join(", ", LabelledDataset.DefaultCorpora)}).");
                    }
                }

                foreach (var weight in result.GetValue(_corpusWeights) ?? [])
                {
                    if (ParseCorpusWeight(weight) is null)
                    {
                        result.AddError($"--corpus-weight {weight}: give NAME=WEIGHT, e.g. readability-pages=3.");
                    }
                }
            });
        }

        /// <summary>Checks the settings, loads the data and runs <paramref name="work"/>; a bad sample or setting exits 1, nothing to train on 2.</summary>
        public async Task<int> RunAsync(ParseResult parse, Func<TrainingData, TrainingOptions, Stopwatch, Task> work)
        {
            var samplePaths = parse.GetValue(_samples) ?? [];
            var useDefault = parse.GetValue(_baseData) == "default";
            if (samplePaths.Length == 0 && !useDefault)
            {
                AnsiConsole.MarkupLine("[red]Nothing to train on:[/] give --samples FILE... and/or --base default.");
                return 2;
            }

            var options = new TrainingOptions
            {
                Seed = parse.GetValue(_seed),
                MaxPagesPerCorpus = parse.GetValue(_maxPages),
                TextTrainer = parse.GetValue(_textTrainer),
                ContextTrainer = parse.GetValue(_contextTrainer),
                Trees = parse.GetValue(_trees),
                Leaves = parse.GetValue(_leaves),
                LearningRate = parse.GetValue(_learningRate),
                PlaceSamples = parse.GetValue(_placeSamples),
                LabelBalance = parse.GetValue(_labelBalance),
                MadeUpWordsShare = parse.GetValue(_madeUpWords),
                // The last weight given for a corpus wins, as with any repeated option.
                CorpusWeights = (parse.GetValue(_corpusWeights) ?? []).Select(w => ParseCorpusWeight(w)!.Value)
                    .GroupBy(w => w.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            };
            try
            {
                // TrainingOptions owns the bounds; checked before any data is read.
                options.Validate();
                var data = LoadData(samplePaths, useDefault, parse.GetValue(_datasets), parse.GetValue(_leaveOut) ?? []);
                await work(data, options, Stopwatch.StartNew());
                return 0;
            }
            catch (Exception e) when (e is SampleFormatException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or InvalidOperationException or ArgumentOutOfRangeException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Training failed:[/] {e.Message}");
                return 1;
            }
        }
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

    /// <summary>Every held-out page's F1 per corpus and mode, in the shape of <c>evaluate --json</c>'s results.</summary>
    private static object PagesJson(CrossValidationReport report) => new
    {
        folds = report.Folds,
        results = report.Results.Select(r => new
        {
            corpus = r.Corpus,
            system = SystemNames.Ours(r.Mode),
            pages = r.Pages.Select(p => PageScore.Of(p.Id, p.Comparison)),
        }),
    };

    private static void Print(CrossValidationReport report, TimeSpan elapsed)
    {
        var table = new Table()
            .AddColumn("corpus").AddColumn("mode").AddColumn(new TableColumn("pages").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("word F1").RightAligned()).AddColumn(new TableColumn("lost").RightAligned());
        foreach (var result in report.Results)
        {
            table.AddRow(
                result.Corpus,
                result.Mode.ToString().ToLowerInvariant(),
                result.Score.Pages.ToString(CultureInfo.InvariantCulture),
                result.Score.F1.ToString("0.000", CultureInfo.InvariantCulture),
                result.Score.Precision.ToString("0.000", CultureInfo.InvariantCulture),
                result.Score.Recall.ToString("0.000", CultureInfo.InvariantCulture),
                result.Score.Words.F1.ToString("0.000", CultureInfo.InvariantCulture),
                result.Score.Catastrophic.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        PrintPageTypes(report);
        AnsiConsole.MarkupLineInterpolated(
            $"Hand-labelled macro-F1 (mean of the {report.Folds} fold models): {report.HandLabelledMacroF1.ToString("0.000", CultureInfo.InvariantCulture)}. {report.Folds}-fold cross-validation over the train split in {elapsed.TotalMinutes:0.0} min; lost: pages under 0.5 shingle F1.");
    }

    /// <summary>Word F1 (shingle F1) and lost pages per page type, for the corpora whose truth names page types.</summary>
    private static void PrintPageTypes(CrossValidationReport report)
    {
        var table = PageTypeTable.Build(
            "word F1 (shingle F1), lost pages, by page type",
            ["corpus", "mode"],
            report.Results.Select(r => ((IReadOnlyList<string>)[r.Corpus, r.Mode.ToString().ToLowerInvariant()], r.ByPageType)),
            score => string.Create(CultureInfo.InvariantCulture, $"{score.Words.F1:0.000} ({score.F1:0.000}), {score.Catastrophic}"));
        if (table is not null)
        {
            AnsiConsole.Write(table);
        }
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
