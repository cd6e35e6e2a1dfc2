using System.CommandLine;
using System.Text.Json;
using Boilerplate.Cli.Commands;
using Boilerplate.Core.Model;
using Boilerplate.Testing;

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
    public async Task Train_needs_out_and_refuses_the_old_mode_flags()
    {
        Assert.NotEqual(0, await InvokeAsync("train", "--samples", "x.jsonl"));
        Assert.NotEqual(0, await InvokeAsync("train", "--samples", "x.jsonl", "--out", "m.zip", "--cross-validate", "3"));
        Assert.NotEqual(0, await InvokeAsync("train", "--samples", "x.jsonl", "--ablation-report", "r.md"));
    }

    [Fact]
    public void The_documented_training_command_parses_to_train()
    {
        var parse = Parse("train", "--base", "default", "--seed", "42", "--corpus-weight", "readability-pages=3", "--out", "model.zip");

        Assert.Empty(parse.Errors);
        Assert.Equal("train", parse.CommandResult.Command.Name);
        Assert.Equal("model.zip", parse.GetValue<string>("--out"));
        Assert.Equal(["readability-pages=3"], parse.GetValue<string[]>("--corpus-weight")!);
    }

    [Fact]
    public void Cross_validate_is_a_subcommand_with_the_training_options_and_three_folds_by_default()
    {
        var parse = Parse("train", "cross-validate", "--base", "default", "--seed", "7", "--corpus-weight", "readability-pages=3", "--leave-out", "readability-pages");

        Assert.Empty(parse.Errors);
        Assert.Equal("cross-validate", parse.CommandResult.Command.Name);
        Assert.Equal(3, parse.GetValue<int>("--folds"));
        Assert.Equal(7, parse.GetValue<int>("--seed"));
        Assert.Equal(["readability-pages"], parse.GetValue<string[]>("--leave-out")!);
        Assert.Equal(5, Parse("train", "cross-validate", "--base", "default", "--folds", "5").GetValue<int>("--folds"));
    }

    [Theory]
    [InlineData("--folds", "1")]
    [InlineData("--leave-out", "no-such-corpus")]
    [InlineData("--corpus-weight", "readability-pages")]
    [InlineData("--out", "m.zip")]
    public void Cross_validate_refuses_bad_arguments_before_reading_data(string option, string value) =>
        Assert.NotEmpty(Parse("train", "cross-validate", "--base", "default", option, value).Errors);

    [Fact]
    public async Task Cross_validation_needs_the_corpora()
    {
        var samples = Path.Combine(_folder, "samples.jsonl");
        await File.WriteAllLinesAsync(samples, SampleLines());

        // Samples alone have no corpus pages to hold out: a clear failure, not a crash.
        Assert.Equal(1, await InvokeAsync("train", "cross-validate", "--samples", samples, "--folds", "2"));
    }

    [Fact]
    public async Task Rescoring_kept_folds_from_a_folder_that_holds_none_fails_clearly()
    {
        var samples = Path.Combine(_folder, "samples.jsonl");
        await File.WriteAllLinesAsync(samples, SampleLines());

        Assert.Equal(1, await InvokeAsync("train", "cross-validate", "--samples", samples, "--from", _folder));
    }

    [Fact]
    public void Cross_validate_refuses_to_keep_folds_it_would_not_fit() =>
        Assert.NotEmpty(Parse("train", "cross-validate", "--base", "default", "--from", "kept", "--keep-models", "again").Errors);

    [Fact]
    public void Cross_validate_writes_blocks_only_of_kept_folds()
    {
        Assert.NotEmpty(Parse("train", "cross-validate", "--base", "default", "--blocks", "blocks.jsonl").Errors);
        Assert.Empty(Parse("train", "cross-validate", "--base", "default", "--from", "kept", "--blocks", "blocks.jsonl").Errors);
    }

    [Fact]
    public void Ablate_is_a_subcommand_that_needs_a_report_path()
    {
        var parse = Parse("train", "ablate", "--base", "default", "--corpus-weight", "readability-pages=3", "--report", "ablation.md");

        Assert.Empty(parse.Errors);
        Assert.Equal("ablate", parse.CommandResult.Command.Name);
        Assert.Equal("ablation.md", parse.GetValue<string>("--report"));
        Assert.NotEmpty(Parse("train", "ablate", "--base", "default").Errors);
        Assert.NotEmpty(Parse("train", "ablate", "--base", "default", "--report", "r.md", "--leave-out", "no-such-corpus").Errors);
    }

    [Fact]
    public async Task A_subcommand_with_nothing_to_train_on_exits_2()
    {
        Assert.Equal(2, await InvokeAsync("train", "cross-validate"));
        Assert.Equal(2, await InvokeAsync("train", "ablate", "--report", Path.Combine(_folder, "r.md")));
        Assert.Empty(Directory.GetFiles(_folder));
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

    [Fact]
    public async Task Samples_that_teach_nothing_are_refused_without_writing_a_model()
    {
        var samples = Path.Combine(_folder, "flat.jsonl");
        await File.WriteAllLinesAsync(samples, Enumerable.Range(0, 20).Select(i => JsonSerializer.Serialize(new { text = "Click here", label = i % 2 == 0 ? "promo" : "body" })));
        var output = Path.Combine(_folder, "model.zip");

        Assert.Equal(1, await InvokeAsync("train", "--samples", samples, "--out", output));
        Assert.Empty(Directory.GetFiles(_folder, "*.zip*"));
    }

    [Fact]
    [Trait("Category", "Quality")]
    public async Task Samples_of_a_new_label_with_base_default_add_it_on_top_of_the_default_model()
    {
        var samples = Path.Combine(_folder, "promo.jsonl");
        string[] goods = ["boots", "coats", "gloves", "scarves", "hats", "jackets", "sofas", "lamps", "bikes", "tents"];
        await File.WriteAllLinesAsync(samples, Enumerable.Range(0, 24).Select(i => JsonSerializer.Serialize(new { text = $"Save {10 + i}% on all winter {goods[i % 10]} this week only, use code SNOW{i}!", label = "promo" })));
        var output = Path.Combine(_folder, "model.zip");

        Assert.Equal(0, await InvokeAsync("train", "--samples", samples, "--base", "default", "--dataset", SharedData.PathOf("datasets"), "--max-pages", "12", "--out", output));

        using var model = BoilerplateModel.Load(output);
        using var defaultModel = BoilerplateModel.LoadDefault();
        Assert.Equal([.. defaultModel.Labels, "promo"], model.Labels);
        Assert.Equal(24, Assert.Single(model.Metadata.AddedLabels).Samples);
        Assert.Contains($"on top of model {defaultModel.Version[..12]}", model.Metadata.TrainingData, StringComparison.Ordinal);
        Assert.Contains("dev.wcxb-dev.html.f1", model.Metadata.Metrics.Keys);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<int> InvokeAsync(params string[] args) => Parse(args).InvokeAsync();

    private static ParseResult Parse(params string[] args) => new RootCommand { TrainCommand.Create() }.Parse(args);

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
