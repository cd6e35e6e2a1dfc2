using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Boilerplate.Cli.Evaluate;
using Boilerplate.Cli.Peers;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;
using Boilerplate.Throughput;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation;
using Spectre.Console;

var dataset = new Option<string?>("--dataset") { Description = "Datasets root or one corpus (default: BOILERPLATE_DATASETS, else ../shared/datasets)." };
var model = new Option<string?>("--model") { Description = "Model file (default: the built-in model)." };
var systems = new Option<string>("--systems") { Description = "Comma-separated: ours, readability, smartreader.", DefaultValueFactory = _ => "ours,readability,smartreader" };
var warmup = new Option<double>("--warmup") { Description = "Seconds each system runs untimed over the pages first (JIT tiering and V8 settle).", DefaultValueFactory = _ => 40 };
var budget = new Option<double>("--budget") { Description = "Seconds the timed pass may take; pages after that are skipped by every system.", DefaultValueFactory = _ => 900 };
var json = new Option<string?>("--json") { Description = "Also write the figures to this JSON file." };
var root = new RootCommand("Pages per second on one thread over every dataset page: our pipeline against Readability.js and SmartReader.")
{
    dataset, model, systems, warmup, budget, json,
};

root.SetAction(async (parse, cancellationToken) =>
{
    // Spectre assumes 80 columns when output is not a terminal; the table is wide and usually read from a log.
    if (!AnsiConsole.Profile.Out.IsTerminal)
    {
        AnsiConsole.Profile.Width = 200;
    }

    var names = parse.GetValue(systems)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var corpora = CorpusFolders.Load(LabelledDataset.ResolveDatasetsDirectory(parse.GetValue(dataset)));
    var pages = corpora.SelectMany(c => c.Pages)
        .Select(p => TimedPage.Of(new PageToExtract(p.Id, p.Url, p.ReadHtml())))
        .ToList();
    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{pages.Count} pages, {pages.Sum(p => p.Bytes) / 1e6:0.0} MB of HTML; systems take turns page by page on one thread.");

    using var classifier = parse.GetValue(model) is { } path ? BoilerplateModel.Load(path) : BoilerplateModel.LoadDefault();
    using var pipeline = new CleaningPipeline(SegmentationLimits.Default);
    var extractors = new List<IArticleExtractor>();
    foreach (var name in names)
    {
        IArticleExtractor? system = name switch
        {
            "ours" => new PipelineExtractor(SystemNames.Ours(EvaluationMode.Html), pipeline, classifier, EvaluationMode.Html),
            "smartreader" => new SmartReaderPeer(),
            "readability" => ReadabilityJsPeer.TryStart(null, out var unavailable) ?? Skip("Readability.js", unavailable),
            _ => throw new ArgumentException($"--systems: unknown system '{name}'."),
        };
        if (system is not null)
        {
            extractors.Add(system);
        }
    }

    IReadOnlyList<SystemTiming> timings;
    try
    {
        timings = await ThroughputRun.RunAsync(extractors, pages, TimeSpan.FromSeconds(parse.GetValue(warmup)), TimeSpan.FromSeconds(parse.GetValue(budget)), cancellationToken);
    }
    finally
    {
        foreach (var extractor in extractors)
        {
            await extractor.DisposeAsync();
        }
    }

    ThroughputTable.Write(AnsiConsole.Console, timings);
    if (parse.GetValue(json) is { } jsonPath)
    {
        await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(ThroughputTable.ToJson(timings), new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }), cancellationToken);
    }

    return 0;
});

return await root.Parse(args).InvokeAsync();

static IArticleExtractor? Skip(string name, string reason)
{
    AnsiConsole.MarkupLineInterpolated($"[yellow]{name} skipped:[/] {reason}");
    return null;
}
