using System.CommandLine;
using System.Text.Json;
using Boilerplate.Cli.Commands;
using Boilerplate.Cli.Evaluate;
using Boilerplate.Testing;
using Spectre.Console;

namespace Boilerplate.Cli.Tests.Evaluate;

[Trait("Category", "Quality")]
public class EvaluateCommandTests(EvaluationModels models) : IClassFixture<EvaluationModels>
{
    private static readonly string Corpus = SharedData.PathOf("datasets", "readability-pages");

    [Fact]
    public async Task Scores_our_pipeline_in_both_modes_and_a_peer_in_one_table_and_as_json()
    {
        var json = Path.Combine(models.Folder, "figures.json");

        var (exit, output) = await RunAsync("--dataset", Corpus, "--split", "all", "--max-pages", "3", "--peers", "smartreader", "--json", json);

        Assert.Equal(0, exit);
        Assert.Contains("ours-html", output, StringComparison.Ordinal);
        Assert.Contains("ours-text", output, StringComparison.Ordinal);
        Assert.Contains("SmartReader", output, StringComparison.Ordinal);
        using var figures = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var results = figures.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["ours-html", "ours-text", "SmartReader"], results.Select(r => r.GetProperty("system").GetString()));
        foreach (var result in results)
        {
            var score = result.GetProperty("score");
            Assert.Equal(3, score.GetProperty("pages").GetInt32());
            Assert.InRange(score.GetProperty("f1").GetDouble(), 0.0, 1.0);
            Assert.True(result.GetProperty("pagesPerSecond").GetDouble() > 0);

            // Each page's F1 comes with the precision and recall it is made of, so a drop can be read as text kept or text lost.
            var pages = result.GetProperty("pages").EnumerateArray().ToList();
            Assert.Equal(3, pages.Count);
            foreach (var page in pages)
            {
                double precision = page.GetProperty("precision").GetDouble(), recall = page.GetProperty("recall").GetDouble();
                var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
                Assert.Equal(page.GetProperty("f1").GetDouble(), f1, 0.001);
            }
        }

        // The built-in model must find most of these articles, or the figures (or the model) are broken.
        Assert.True(results[0].GetProperty("score").GetProperty("f1").GetDouble() > 0.6);
    }

    [Fact]
    public async Task Scores_the_text_as_other_scrapers_break_it_on_request()
    {
        var json = Path.Combine(models.Folder, "scraped.json");
        var misses = Path.Combine(models.Folder, "in-page-misses.tsv");

        var (exit, _) = await RunAsync("--dataset", Corpus, "--split", "all", "--max-pages", "2", "--peers", "none", "--mode", "all", "--json", json, "--in-page-misses", misses);

        Assert.Equal(0, exit);
        using var figures = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var results = figures.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["ours-html", "ours-text", "ours-text-nodes", "ours-text-source"], results.Select(r => r.GetProperty("system").GetString()));
        Assert.All(results, r => Assert.True(r.GetProperty("score").GetProperty("f1").GetDouble() > 0.5, r.GetProperty("system").GetString()));

        // Every in-page placement off the confusion matrix's diagonal is listed once, under its form.
        var lines = await File.ReadAllLinesAsync(misses);
        Assert.Equal("form\thost\tplacement\ttruth\tlabel\tparagraph", lines[0]);
        foreach (var form in figures.RootElement.GetProperty("inPage").EnumerateArray())
        {
            var report = form.GetProperty("report");
            var confusion = report.GetProperty("confusion").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetInt32()).ToList()).ToList();
            var wrong = report.GetProperty("count").GetInt32() - confusion.Select((row, i) => row[i]).Sum();
            var listed = lines.Skip(1).Select(line => line.Split('\t')).Where(f => f[0].Equals(form.GetProperty("form").GetString(), StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(wrong, listed.Count);
            Assert.All(listed, f => Assert.NotEqual(f[3], f[4]));
        }
    }

    [Fact]
    public async Task The_gate_refuses_a_worse_model_and_says_where_it_lost()
    {
        var (exit, output) = await RunAsync(
            "--dataset", Corpus, "--split", "all", "--max-pages", "3", "--peers", "none", "--mode", "html",
            "--model", models.WorsePath, "--against", models.DefaultPath);

        // On three short test pages its article text comes close, and its labels of paragraphs alone too (the legal
        // lexicon's facts carry most of that); its labels of paragraphs inside pages do not.
        Assert.True(exit == EvaluateCommand.GateFailed, output);
        Assert.Contains("Gate failed", output, StringComparison.Ordinal);
        Assert.Contains(PromotionGate.InPage, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_passes_the_same_model()
    {
        var (exit, output) = await RunAsync(
            "--dataset", Corpus, "--split", "all", "--max-pages", "3", "--peers", "none", "--mode", "html",
            "--model", models.DefaultPath, "--against", models.DefaultPath, "--tolerance", "0");

        Assert.Equal(0, exit);
        Assert.Contains("Gate passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scores_a_paragraph_set_of_ones_own_instead_of_the_built_in_one()
    {
        var set = Path.Combine(models.Folder, "own-lines.jsonl");
        await File.WriteAllLinesAsync(set,
        [
            """{"text": "Accept all cookies", "label": "legal"}""",
            """{"text": "The council approved the new budget on Tuesday after a long debate about school funding.", "label": "body", "lang": "en"}""",
            """{"text": "Home | World | Business | Sport", "label": "navigation", "lang": "en"}""",
        ]);
        var json = Path.Combine(models.Folder, "own-lines.json");

        var (exit, output) = await RunAsync("--dataset", Corpus, "--split", "all", "--max-pages", "2", "--peers", "none", "--mode", "html", "--paragraph-set", set, "--json", json);

        Assert.True(exit == 0, output);
        Assert.Contains("on 3 held-out", output, StringComparison.Ordinal);
        using var figures = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        foreach (var form in figures.RootElement.GetProperty("inPage").EnumerateArray())
        {
            // The three lines, each placed at most a few times: not the hundreds of placements of the built-in set.
            Assert.InRange(form.GetProperty("report").GetProperty("count").GetInt32(), 3, 12);
        }
    }

    [Fact]
    public async Task A_paragraph_set_line_without_a_label_is_a_usage_error_naming_the_line()
    {
        var set = Path.Combine(models.Folder, "unlabelled-lines.jsonl");
        await File.WriteAllLinesAsync(set, ["""{"text": "Accept all cookies", "label": "legal"}""", """{"text": "No label here"}"""]);

        var (exit, output) = await RunAsync("--dataset", Corpus, "--max-pages", "1", "--peers", "none", "--paragraph-set", set);

        Assert.Equal(EvaluateCommand.UsageError, exit);
        Assert.Contains("line 2", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--paragraph-set", "/nonexistent/lines.jsonl")]
    [InlineData("--tolerance", "2")]
    [InlineData("--lost-tolerance", "-1")]
    [InlineData("--lost-tolerance", "1.5")]
    [InlineData("--peers", "lynx")]
    [InlineData("--model", "/nonexistent/model.zip")]
    public async Task Unusable_arguments_exit_with_a_usage_error(string option, string value)
    {
        var (exit, output) = await RunAsync("--dataset", Corpus, "--max-pages", "1", option, value);

        Assert.Equal(EvaluateCommand.UsageError, exit);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        var root = new RootCommand { EvaluateCommand.Create(console) };
        var exit = await root.Parse(["evaluate", .. args]).InvokeAsync();
        return (exit, writer.ToString());
    }
}
