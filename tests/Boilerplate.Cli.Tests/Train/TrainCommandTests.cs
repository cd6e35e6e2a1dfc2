using System.CommandLine;
using System.Text.Json;
using Boilerplate.Cli.Commands;
using Boilerplate.Core.Model;

namespace Boilerplate.Cli.Tests.Train;

/// <summary>`boilerplate train` in this process on small sample files.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("train-").FullName;

    [Fact]
    public async Task Trains_a_model_with_the_samples_labels_and_writes_it()
    {
        var samples = Path.Combine(_folder, "samples.jsonl");
        await File.WriteAllLinesAsync(samples, SampleLines());
        var output = Path.Combine(_folder, "model.zip");

        var code = await InvokeAsync("train", "--samples", samples, "--out", output, "--seed", "7");

        Assert.Equal(0, code);
        using var model = BoilerplateModel.Load(output);
        Assert.Equal(["body", "navigation", "promo"], model.Labels);
        Assert.Contains("paragraph samples", model.Metadata.TrainingData, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_folder, "*.zip*"));
    }

    [Fact]
    public async Task A_bad_sample_line_fails_without_writing_anything()
    {
        var samples = Path.Combine(_folder, "bad.jsonl");
        await File.WriteAllLinesAsync(samples, [.. SampleLines().Take(5), "{\"text\": \"no label\"}"]);
        var output = Path.Combine(_folder, "model.zip");

        var code = await InvokeAsync("train", "--samples", samples, "--out", output);

        Assert.Equal(1, code);
        Assert.Empty(Directory.GetFiles(_folder, "*.zip*"));
    }

    [Fact]
    public async Task Needs_exactly_one_of_out_ablation_report_and_cross_validate()
    {
        Assert.NotEqual(0, await InvokeAsync("train", "--samples", "x.jsonl"));
        Assert.NotEqual(0, await InvokeAsync("train", "--samples", "x.jsonl", "--out", "m.zip", "--cross-validate", "3"));
    }

    [Fact]
    public async Task Cross_validation_needs_two_folds_and_the_corpora()
    {
        var samples = Path.Combine(_folder, "samples.jsonl");
        await File.WriteAllLinesAsync(samples, SampleLines());

        Assert.NotEqual(0, await InvokeAsync("train", "--base", "default", "--cross-validate", "1"));

        // Samples alone have no corpus pages to hold out: a clear failure, not a crash.
        Assert.Equal(1, await InvokeAsync("train", "--samples", samples, "--cross-validate", "2"));
    }

    [Theory]
    [InlineData("--trees", "0")]
    [InlineData("--leaves", "1")]
    [InlineData("--learning-rate", "0")]
    [InlineData("--learning-rate", "1.5")]
    public async Task Out_of_range_tree_settings_are_refused_before_training(string option, string value)
    {
        var samples = Path.Combine(_folder, "samples.jsonl");
        await File.WriteAllLinesAsync(samples, SampleLines());
        var output = Path.Combine(_folder, "model.zip");

        // Valid samples, so only the setting can make it fail (a parse error exits 1 too, like a training failure).
        Assert.NotEqual(0, await InvokeAsync("train", "--samples", samples, "--out", output, option, value));
        Assert.Empty(Directory.GetFiles(_folder, "*.zip*"));
    }

    [Theory]
    [InlineData("readability-pages")]
    [InlineData("readability-pages=0")]
    [InlineData("readability-pages=-2")]
    [InlineData("=3")]
    public async Task A_malformed_corpus_weight_is_refused_before_training(string weight)
    {
        var samples = Path.Combine(_folder, "samples.jsonl");
        await File.WriteAllLinesAsync(samples, SampleLines());
        var output = Path.Combine(_folder, "model.zip");

        Assert.NotEqual(0, await InvokeAsync("train", "--samples", samples, "--out", output, "--corpus-weight", weight));
        Assert.Empty(Directory.GetFiles(_folder, "*.zip*"));
    }

    [Fact]
    public async Task Tree_settings_reach_the_trained_model()
    {
        var samples = Path.Combine(_folder, "samples.jsonl");
        await File.WriteAllLinesAsync(samples, SampleLines());
        var output = Path.Combine(_folder, "model.zip");

        Assert.Equal(0, await InvokeAsync("train", "--samples", samples, "--out", output, "--trees", "20", "--leaves", "7", "--learning-rate", "0.3"));

        using var model = BoilerplateModel.Load(output);
        Assert.Contains("20 trees of 7 leaves", model.Metadata.Trainer, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<int> InvokeAsync(params string[] args) =>
        new RootCommand { TrainCommand.Create() }.Parse(args).InvokeAsync();

    private static IEnumerable<string> SampleLines()
    {
        string[] goods = ["boots", "coats", "gloves", "scarves", "hats", "jackets", "sofas", "lamps", "bikes", "tents"];
        string[] topics = ["report", "budget", "plan", "survey", "study", "review", "law", "bridge", "school", "harbour"];
        for (var i = 0; i < 90; i++)
        {
            var page = $"p{i}";
            yield return Line($"Save {10 + i}% on all winter {goods[i % 10]} this week only, use code SNOW{i}!", "promo", page, i % 3);
            yield return Line($"The committee met for the {i + 2}th time and agreed to publish the {topics[i % 10]} in spring, after a long debate.", "body", page, (i + 1) % 3);
            yield return Line($"Home | Shop | {goods[(i + 3) % 10]} | Contact", "navigation", page, (i + 2) % 3);
        }
    }

    private static string Line(string text, string label, string page, int position) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["text"] = text, ["label"] = label, ["page"] = page, ["position"] = position });
}
