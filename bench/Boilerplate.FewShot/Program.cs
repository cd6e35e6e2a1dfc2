using System.Diagnostics;
using System.Globalization;
using System.Text;
using Boilerplate.Bench;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training;
using Boilerplate.Training.AddedLabels;

// Usage: Boilerplate.FewShot [--data bench/fewshot] [--labels promo,paywall,comment,jobad] [--sizes 10,20,50,100]
//   [--base-weight W] [--l2 L] [--base-pages N] [--joint N] [--dev] [--out report.md]
// Trains one added label at a time from the first N lines of <label>/train.jsonl on top of the default model, then
// places each held-out line (its own label's heldout.jsonl, the other labels' and hard-negatives.jsonl) between two
// news paragraphs, as text and as HTML, and counts what the whole model labels it. --joint N also trains all labels
// together from N lines each.
var arguments = Arguments.Parse(args);
var data = arguments.Get("--data", "bench/fewshot");
var labels = arguments.Get("--labels", "promo,paywall,comment,jobad").Split(',');
var sizes = arguments.Get("--sizes", "10,20,50,100").Split(',').Select(int.Parse).ToArray();
var defaults = new AddedLabelOptions();
var options = defaults with
{
    BaseWeight = float.Parse(arguments.Get("--base-weight", defaults.BaseWeight.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    L2Regularization = float.Parse(arguments.Get("--l2", defaults.L2Regularization.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    SeedWeight = float.Parse(arguments.Get("--seed-weight", defaults.SeedWeight.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    OptimizationTolerance = float.Parse(arguments.Get("--tolerance", defaults.OptimizationTolerance.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    BasePages = int.Parse(arguments.Get("--base-pages", defaults.BasePages.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    EvaluateDev = arguments.Has("--dev"),
    MinimumSamples = 2,
};
var root = LabelledDataset.ResolveDatasetsDirectory(null);
var corpora = LabelledDataset.DefaultCorpora.Select(name => LabelledDataset.Load(Path.Combine(root, name))).ToList();
using var baseModel = BoilerplateModel.LoadDefault();
var news = Read(Path.Combine(data, "news-context.jsonl")).Select(s => s.Text).ToList();
var hard = Read(Path.Combine(data, "hard-negatives.jsonl"));
var train = labels.ToDictionary(l => l, l => Read(Path.Combine(data, l, "train.jsonl")));
var heldOut = labels.ToDictionary(l => l, l => Read(Path.Combine(data, l, "heldout.jsonl")));
var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"Options: base weight {options.BaseWeight}, seed weight {options.SeedWeight}, L2 {options.L2Regularization}, {options.BasePages} base pages, default model {baseModel.Version[..12]}.");
report.AppendLine();
report.AppendLine("| label(s) | samples | CV precision | CV recall | held-out recall (text) | precision (text) | held-out recall (HTML) | precision (HTML) | news blocks taken | hand-labelled paragraphs taken | train s |");
report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

void Run(string name, IReadOnlyList<string> trainedLabels, int size)
{
    var samples = trainedLabels.SelectMany(l => train[l].Take(size)).ToList<TrainingSample>();
    var stopwatch = Stopwatch.StartNew();
    var (model, trained) = new AddedLabelTrainer(options).Train(baseModel, samples, corpora, null, CancellationToken.None);
    var seconds = stopwatch.Elapsed.TotalSeconds;
    using (model)
    {
        var text = Measure(model, trainedLabels, html: false);
        var html = Measure(model, trainedLabels, html: true);
        var handLabelled = Boilerplate.Training.Evaluation.HandLabelledSet.Evaluate(model, null, CancellationToken.None);
        var taken = handLabelled.Labels.Select((label, column) => (label, column)).Where(x => trainedLabels.Contains(x.label))
            .Sum(x => handLabelled.Confusion.Sum(row => row[x.column]));
        var cvPrecision = trained.Labels.Average(f => f.Precision);
        var cvRecall = trained.Labels.Average(f => f.Recall);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {size} | {cvPrecision:0.000} | {cvRecall:0.000} | {text.Recall:0.000} | {text.Precision:0.000} | {html.Recall:0.000} | {html.Precision:0.000} | {text.NewsTaken + html.NewsTaken} | {taken} of {handLabelled.Count} | {seconds:0} |");
        report.AppendLine(line);
        Console.WriteLine(line);
        foreach (var (metric, before, after) in trained.DevMetrics.Where(d => Math.Abs(d.New - d.Base) >= 0.0005))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {metric}: {before:0.000} -> {after:0.000}"));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"|  | dev {metric} | {before:0.000} → {after:0.000} |  |  |  |  |  |  |  |"));
        }

        if (arguments.Has("--show-errors"))
        {
            foreach (var error in text.Errors.Concat(html.Errors))
            {
                Console.WriteLine("    " + error);
            }
        }
    }
}

(double Recall, double Precision, int NewsTaken, List<string> Errors) Measure(BoilerplateModel model, IReadOnlyList<string> trainedLabels, bool html)
{
    int truePositives = 0, falseNegatives = 0, falsePositives = 0, newsTaken = 0, n = 0;
    var errors = new List<string>();
    var tests = labels.SelectMany(l => heldOut[l]).Concat(hard).ToList();
    foreach (var test in tests)
    {
        var before = news[n++ % news.Count];
        var after = news[n++ % news.Count];
        var page = html
            ? new HtmlSegmenter(SegmentationLimits.Default).Segment(
                $"<html><head><title>News</title></head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/business\">Business</a></nav></header>"
                + $"<main><div class=\"story\"><h1>News of the day</h1><div class=\"story-body\"><p>{Escape(before)}</p><div class=\"inline\">{Escape(test.Text)}</div><p>{Escape(after)}</p></div></div></main>"
                + "<footer><p>Contact us</p></footer></body></html>", null, CancellationToken.None)
            : new TextSegmenter(SegmentationLimits.Default).FromParagraphs([before, test.Text, after], null);
        var scores = model.Score(page, CancellationToken.None);
        var own = false;
        var given = new List<string>();
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            var label = model.Labels[scores.ArgMax(i)];
            var block = page.Blocks[i].Text.Trim();
            if (block.Length > 0 && test.Text.Contains(block, StringComparison.Ordinal))
            {
                own = true;
                given.Add(label);
            }
            else if (trainedLabels.Contains(label))
            {
                newsTaken++;
                falsePositives++;
            }
        }

        var predicted = given.Count == 0 ? "(none)" : given.GroupBy(g => g).OrderByDescending(g => g.Count()).First().Key;
        var truth = trainedLabels.Contains(test.Label) ? test.Label : "other";
        var predictedClass = trainedLabels.Contains(predicted) ? predicted : "other";
        if (truth != "other" && predictedClass == truth)
        {
            truePositives++;
        }
        else if (truth != "other")
        {
            falseNegatives++;
            errors.Add($"missed {truth} ({(html ? "html" : "text")}, given {predicted}): {test.Text}");
        }

        if (predictedClass != "other" && predictedClass != truth)
        {
            falsePositives++;
            errors.Add($"false {predictedClass} ({(html ? "html" : "text")}, truly {test.Label}{(own ? string.Empty : ", not found")}): {test.Text}");
        }
    }

    var recall = truePositives + falseNegatives == 0 ? 0 : (double)truePositives / (truePositives + falseNegatives);
    var precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
    return (recall, precision, newsTaken, errors);
}

foreach (var label in labels)
{
    foreach (var size in sizes)
    {
        Run(label, [label], size);
    }
}

if (arguments.Has("--joint"))
{
    Run(string.Join("+", labels), labels, int.Parse(arguments.Get("--joint", "30"), CultureInfo.InvariantCulture));
}

if (arguments.Has("--out"))
{
    File.WriteAllText(arguments.Get("--out", "fewshot.md"), report.ToString());
}

static List<TrainingSample.Paragraph> Read(string path) =>
    SampleReader.Read(path).OfType<TrainingSample.Paragraph>().ToList();

static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
