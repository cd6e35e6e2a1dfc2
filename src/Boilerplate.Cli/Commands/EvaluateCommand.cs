using System.CommandLine;
using Boilerplate.Cli.Evaluate;
using Boilerplate.Cli.Peers;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation;
using Spectre.Console;

namespace Boilerplate.Cli.Commands;

/// <summary>
/// <c>boilerplate evaluate</c>: scores our pipeline (HTML and text mode) and the peer extractors on the labelled
/// corpora in one table, and with <c>--against</c> gates a model promotion: it exits 1 when the new model loses more
/// than the tolerance of F1 on any corpus or mode, or more pages whole than it rescues there.
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>Exit code when the promotion gate refuses the new model.</summary>
    public const int GateFailed = 1;

    /// <summary>Exit code for unusable arguments or files.</summary>
    public const int UsageError = 2;

    internal static Command Create() => Create(AnsiConsole.Console);

    internal static Command Create(IAnsiConsole console)
    {
        var dataset = new Option<string?>("--dataset", "--datasets") { Description = "Datasets root (every corpus) or one corpus folder (default: BOILERPLATE_DATASETS, else ../shared/datasets)." };
        var split = new Option<EvaluationSplit>("--split") { Description = "Pages of each corpus: dev (held out), train or all.", DefaultValueFactory = _ => EvaluationSplit.Dev };
        var model = new Option<string?>("--model") { Description = "Model to evaluate (default: the built-in model)." };
        var against = new Option<string?>("--against") { Description = "Serving model to compare with; exits 1 when --model loses more than --tolerance F1, or more pages whole than --lost-tolerance allows, anywhere." };
        var tolerance = new Option<double>("--tolerance") { Description = "F1 the new model may lose on any corpus and mode.", DefaultValueFactory = _ => 0.005 };
        var lostTolerance = new Option<double>("--lost-tolerance")
        {
            Description = "Share of a corpus's pages the new model may lose whole (shingle F1 under 0.5 where the serving model had 0.5 or more) beyond those it rescues, on any corpus and mode.",
            DefaultValueFactory = _ => PromotionGate.DefaultLostTolerance,
        };
        var mode = new Option<string>("--mode")
        {
            Description = "Input form for our pipeline: html, text, both (html and text), scraped (text as two other scrapers write it: a line per text node, and the source's own line breaks) or all.",
            DefaultValueFactory = _ => "both",
        };
        mode.AcceptOnlyFromAmong("html", "text", "both", "scraped", "all");
        var peers = new Option<string>("--peers") { Description = "Peers to compare with: readability, smartreader (comma-separated) or none.", DefaultValueFactory = _ => "readability,smartreader" };
        var maxPages = new Option<int?>("--max-pages") { Description = "At most this many pages of each corpus." };
        var json = new Option<string?>("--json") { Description = "Also write the figures to this JSON file." };
        var bias = new Option<float>("--bias") { Description = "Keep bias our pipeline cleans with, as a caller would send it: -1 (precision) .. +1 (recall).", DefaultValueFactory = _ => 0f };
        var inPageMisses = new Option<string?>("--in-page-misses") { Description = "Write every in-page placement the model labels wrong (form, host page, placement, truth, label given, paragraph) to this TSV file." };
        var paragraphSet = new Option<string?>("--paragraph-set") { Description = "Labelled paragraphs (JSON lines of text, label, lang) to score alone and inside pages instead of the built-in hand-labelled set." };

        var command = new Command("evaluate", "Score our pipeline and peer extractors on labelled pages; optionally gate a model promotion.")
        {
            dataset, split, model, against, tolerance, lostTolerance, mode, peers, maxPages, json, bias, inPageMisses, paragraphSet,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            EvaluateSettings settings;
            try
            {
                settings = new EvaluateSettings(
                    LabelledDataset.ResolveDatasetsDirectory(parse.GetValue(dataset)),
                    parse.GetValue(split),
                    parse.GetValue(model),
                    parse.GetValue(against),
                    parse.GetValue(tolerance),
                    ModesOf(parse.GetValue(mode)!),
                    PeersOf(parse.GetValue(peers)!),
                    parse.GetValue(maxPages),
                    parse.GetValue(json),
                    parse.GetValue(bias),
                    parse.GetValue(inPageMisses),
                    parse.GetValue(paragraphSet),
                    parse.GetValue(lostTolerance)).Validate();
            }
            catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException)
            {
                console.MarkupLineInterpolated($"[red]evaluate:[/] {e.Message}");
                return UsageError;
            }

            return await RunAsync(settings, console, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(EvaluateSettings settings, IAnsiConsole console, CancellationToken cancellationToken)
    {
        // Spectre assumes 80 columns when output is not a terminal; the table is meant to be read from CI logs too.
        if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = Math.Max(console.Profile.Width, 160);
        }

        IReadOnlyList<LabelledDataset> corpora;
        BoilerplateModel candidate;
        BoilerplateModel? current;
        IReadOnlyList<HandLabelledSample> paragraphs;
        try
        {
            paragraphs = settings.ParagraphSetPath is null ? HandLabelledSet.Load() : HandLabelledSet.Load(settings.ParagraphSetPath);
            corpora = CorpusFolders.Load(settings.Dataset);
            candidate = settings.ModelPath is null ? BoilerplateModel.LoadDefault() : BoilerplateModel.Load(settings.ModelPath);
            current = settings.AgainstPath is null ? null : BoilerplateModel.Load(settings.AgainstPath);
        }
        catch (Exception e) when (e is ModelLoadException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            console.MarkupLineInterpolated($"[red]evaluate:[/] {e.Message}");
            return UsageError;
        }

        using (candidate)
        using (current)
        {
            using var pipeline = new CleaningPipeline(SegmentationLimits.Default);
            var skipped = new List<SkippedPeer>();
            var systems = BuildSystems(settings, pipeline, candidate, current, skipped);
            try
            {
                var results = await ExtractionComparison.RunAsync(
                    corpora,
                    settings.Split,
                    settings.MaxPages,
                    systems,
                    (name, pages) => console.MarkupLineInterpolated($"[grey]{name}: {pages} pages x {systems.Count} systems[/]"),
                    cancellationToken).ConfigureAwait(false);
                var labels = new List<LabelResult> { new(SystemNames.OursModel, HandLabelledSet.Evaluate(candidate, paragraphs, cancellationToken)) };
                if (current is not null)
                {
                    labels.Add(new LabelResult(SystemNames.CurrentModel, HandLabelledSet.Evaluate(current, paragraphs, cancellationToken)));
                }

                var hosts = InPageSet.HostsFrom(corpora);
                var inPage = hosts.Count > 0 ? InPageSet.Evaluate(candidate, hosts, paragraphs, cancellationToken) : [];

                // The three-way sets compare models that tell the current model's labels: the same, or those with labels
                // added on top (a paragraph they give an added label counts as missed). A model retrained on another label
                // set cannot be compared on them.
                var sameLabels = current is not null && candidate.Labels.Take(current.Labels.Count).SequenceEqual(current.Labels, StringComparer.OrdinalIgnoreCase);
                var currentInPage = sameLabels && hosts.Count > 0 ? InPageSet.Evaluate(current!, hosts, paragraphs, cancellationToken) : [];
                var gate = current is null ? null : PromotionGate.Judge(
                    results,
                    settings.Modes,
                    settings.Tolerance,
                    sameLabels ? (labels[0].Report, labels[1].Report) : null,
                    currentInPage.Select(c => (c.Form.ToString(), inPage.Single(i => i.Form == c.Form).Report, c.Report)).ToList(),
                    settings.LostTolerance);
                var summary = new EvaluationSummary(settings.Dataset, settings.Split, candidate.Version, current?.Version, results, skipped, labels, gate)
                {
                    InPage = inPage,
                    Unseen = hosts.Count > 0 ? Unseen(candidate, paragraphs, hosts, cancellationToken) : null,
                };
                EvaluationTable.Write(console, summary);
                if (settings.JsonPath is { } path)
                {
                    await summary.WriteJsonAsync(path, cancellationToken).ConfigureAwait(false);
                }

                if (settings.InPageMissesPath is { } missesPath)
                {
                    await WriteMissesAsync(missesPath, inPage, cancellationToken).ConfigureAwait(false);
                }

                return gate is { Passed: false } ? GateFailed : 0;
            }
            finally
            {
                foreach (var system in systems)
                {
                    await system.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Writes the in-page misses of every form as TSV, a header line first.</summary>
    private static async Task WriteMissesAsync(string path, IReadOnlyList<InPageResult> results, CancellationToken cancellationToken)
    {
        static string Field(string value) => value.Replace('\t', ' ').ReplaceLineEndings(" ");
        var lines = new List<string> { "form\thost\tplacement\ttruth\tlabel\tparagraph" };
        lines.AddRange(results.SelectMany(result => result.Misses.Select(miss =>
            string.Join('\t', result.Form, Field(miss.Host), miss.Placement, miss.Truth, miss.Predicted, Field(miss.Text)))));
        await File.WriteAllLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The labelled lines no seed sample nearly repeats, scored alone and inside the hosts.</summary>
    private static UnseenLines Unseen(BoilerplateModel model, IReadOnlyList<HandLabelledSample> all, IReadOnlyList<InPageHost> hosts, CancellationToken cancellationToken)
    {
        var seeds = SeedSamples.Load().OfType<TrainingSample.Paragraph>().Select(s => s.Text);
        var unseen = NearCopies.Unseen(all, seeds);
        return new UnseenLines(
            unseen.Count,
            all.Count,
            HandLabelledSet.Evaluate(model, unseen, cancellationToken),
            InPageSet.Evaluate(model, hosts, unseen, cancellationToken));
    }

    private static List<IArticleExtractor> BuildSystems(
        EvaluateSettings settings, CleaningPipeline pipeline, BoilerplateModel candidate, BoilerplateModel? current, List<SkippedPeer> skipped)
    {
        var systems = new List<IArticleExtractor>();
        var options = CleanOptions.Default with { Bias = settings.Bias };
        foreach (var mode in settings.Modes)
        {
            systems.Add(new PipelineExtractor(SystemNames.Ours(mode), pipeline, candidate, mode, options));
            if (current is not null)
            {
                systems.Add(new PipelineExtractor(SystemNames.Current(mode), pipeline, current, mode, options));
            }
        }

        if (settings.Peers.Contains(EvaluateSettings.Readability))
        {
            if (ReadabilityJsPeer.TryStart(null, out var unavailable) is { } readability)
            {
                systems.Add(readability);
            }
            else
            {
                skipped.Add(new SkippedPeer("Readability.js", unavailable));
            }
        }

        if (settings.Peers.Contains(EvaluateSettings.SmartReader))
        {
            systems.Add(new SmartReaderPeer());
        }

        return systems;
    }

    private static List<EvaluationMode> ModesOf(string mode) => mode switch
    {
        "html" => [EvaluationMode.Html],
        "text" => [EvaluationMode.Text],
        "scraped" => [.. EvaluationModes.Scraped],
        "all" => [.. EvaluationModes.Standard, .. EvaluationModes.Scraped],
        _ => [.. EvaluationModes.Standard],
    };

    private static List<string> PeersOf(string peers) =>
        peers.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)
            ? []
            : peers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToLowerInvariant()).Distinct().ToList();
}
