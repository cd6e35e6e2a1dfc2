namespace Boilerplate.Cli.Tests.Clean;

/// <summary>`boilerplate clean` in this process with the embedded default model.</summary>
public sealed class CleanCommandTests : IDisposable
{
    private readonly PageFolder _folder = new();

    [Fact]
    public async Task Every_page_gets_one_line_in_path_order_and_bad_files_are_reported_not_fatal()
    {
        var (code, pages) = await CliRun.CleanAsync(_folder.Root);

        Assert.Equal(1, code);
        Assert.Equal(["article", "broken", "empty", "notes", "zipped"], pages.Select(page => (string)page["id"]!));
        Assert.All(pages, page => Assert.StartsWith(_folder.Root, (string)page["path"]!, StringComparison.Ordinal));

        var article = pages[0];
        Assert.Contains(PageFolder.ArticleSentence, (string)article["text"]!, StringComparison.Ordinal);
        Assert.Equal("Article 0", (string)article["title"]!);
        Assert.False(string.IsNullOrEmpty((string?)article["model_version"]));
        Assert.True((int)article["stats"]!["kept"]! > 0);
        Assert.Null(article["markdown"]);
        Assert.Null(article["paragraphs"]);
        Assert.Null(article["error"]);

        Assert.StartsWith("InvalidDataException:", (string)pages[1]["error"]!, StringComparison.Ordinal);
        Assert.StartsWith("EmptyPage:", (string)pages[2]["error"]!, StringComparison.Ordinal);
        Assert.Contains("ferry stopped running", (string)pages[3]["text"]!, StringComparison.Ordinal);
        Assert.Contains("cycle lanes", (string)pages[4]["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_and_paragraphs_are_added_on_request_with_proto_field_names()
    {
        var (code, pages) = await CliRun.CleanAsync(_folder.PathOf("article.html"), "--markdown", "--paragraphs");

        Assert.Equal(0, code);
        var page = Assert.Single(pages);
        Assert.Contains(PageFolder.ArticleSentence, (string)page["markdown"]!, StringComparison.Ordinal);
        var paragraphs = page["paragraphs"]!.AsArray();
        Assert.Equal((int)page["stats"]!["paragraphs"]!, paragraphs.Count);
        var heading = paragraphs.Single(p => (string)p!["kind"]! == "heading")!;
        Assert.Equal(1, (int)heading["heading_level"]!);
        Assert.Equal(["body", "legal", "navigation"], heading["scores"]!.AsObject().Select(s => s.Key).Order());
    }

    [Theory]
    [InlineData("markdown", "# Article 0\n\nThe council approved")]
    [InlineData("html", "<article>\n<h1>Article 0</h1>\n<p>The council approved")]
    [InlineData("text", "The council approved")]
    public async Task A_single_page_in_a_content_format_is_written_as_is(string format, string start)
    {
        var (code, output) = await CliRun.CleanRawAsync(_folder.PathOf("article.html"), "--format", format);

        Assert.Equal(0, code);
        Assert.StartsWith(start, output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"path\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_in_a_content_format_gets_json_lines_with_that_field()
    {
        var (code, pages) = await CliRun.CleanAsync(_folder.Root, "--format", "html");

        Assert.Equal(1, code);
        Assert.Equal(5, pages.Count);
        Assert.StartsWith("<article>\n<h1>Article 0</h1>", (string)pages[0]["html"]!, StringComparison.Ordinal);
        Assert.Null(pages[0]["markdown"]);
        Assert.NotNull(pages[1]["error"]);
    }

    [Fact]
    public async Task A_single_page_that_fails_in_a_content_format_writes_nothing_and_exits_3()
    {
        var (code, output) = await CliRun.CleanRawAsync(_folder.PathOf("empty.htm"), "--format", "markdown");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Each_line_carries_the_page_metadata_in_the_proto_json_mapping()
    {
        var folder = Directory.CreateTempSubdirectory("boilerplate-cli-metadata-");
        try
        {
            var path = Path.Combine(folder.FullName, "dated.html");
            var head = "<meta name=\"author\" content=\"Anna Berger\"><meta property=\"article:published_time\" content=\"2025-11-02T08:15:00Z\">";
            await File.WriteAllTextAsync(path, Boilerplate.Testing.SamplePages.Article(6).Replace("<head>", "<head>" + head, StringComparison.Ordinal));

            var (code, pages) = await CliRun.CleanAsync(path, "--format", "json");

            Assert.Equal(0, code);
            var metadata = Assert.Single(pages)["metadata"]!;
            Assert.Equal("Anna Berger", (string)metadata["authors"]![0]!);
            Assert.Equal("2025-11-02T08:15:00Z", (string)metadata["published_time"]!);
            Assert.Equal("en", (string)metadata["language"]!);
            Assert.True((bool)metadata["language_detected"]!);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Output_does_not_depend_on_parallelism()
    {
        var (_, one) = await CliRun.CleanAsync(_folder.Root, "--parallel", "1", "--paragraphs");
        var (_, four) = await CliRun.CleanAsync(_folder.Root, "--parallel", "4", "--paragraphs");

        Assert.Equal(one.Select(CliRun.WithoutTiming), four.Select(CliRun.WithoutTiming));
    }

    [Fact]
    public async Task A_lower_threshold_keeps_at_least_as_much()
    {
        var (_, strict) = await CliRun.CleanAsync(_folder.PathOf("article.html"), "--threshold", "0.95", "--format", "json");
        var (_, loose) = await CliRun.CleanAsync(_folder.PathOf("article.html"), "--threshold", "0.05", "--format", "json");

        Assert.True((int)loose[0]["stats"]!["kept"]! >= (int)strict[0]["stats"]!["kept"]!);
    }

    [Theory]
    [InlineData("--bias", "2")]
    [InlineData("--threshold", "0")]
    [InlineData("--parallel", "0")]
    public async Task Out_of_range_options_are_refused_before_any_page_as_usage_errors(string option, string value)
    {
        var (code, pages) = await CliRun.CleanAsync(_folder.Root, option, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(pages);
    }

    [Fact]
    public async Task An_unknown_label_or_a_missing_path_stops_the_run_with_code_2()
    {
        Assert.Equal(2, (await CliRun.CleanAsync(_folder.Root, "--keep", "sidebar")).ExitCode);
        // Labels match exactly, in this process as on a server.
        Assert.Equal(2, (await CliRun.CleanAsync(_folder.Root, "--keep", "Body")).ExitCode);
        Assert.Equal(2, (await CliRun.CleanAsync(_folder.PathOf("missing"))).ExitCode);
        Assert.Equal(2, (await CliRun.CleanAsync(_folder.Root, "--model", _folder.PathOf("readme.md"))).ExitCode);
    }

    public void Dispose() => _folder.Dispose();
}
