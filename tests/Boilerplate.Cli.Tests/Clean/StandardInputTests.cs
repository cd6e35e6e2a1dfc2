using System.Text;
using Boilerplate.Testing;

namespace Boilerplate.Cli.Tests.Clean;

/// <summary>`boilerplate clean -`: a page piped in, told text or HTML by --content-type or by its first bytes.</summary>
public sealed class StandardInputTests : IDisposable
{
    /// <summary>Plain text of three paragraphs, the way a scraper's text extraction or a .txt file looks.</summary>
    internal const string Notes =
        "Field notes\n\nThe river rose two metres overnight and the ferry stopped running until the water fell again.\n\n" +
        "Farmers moved their sheep to higher ground before dawn, and the school opened its hall to families from the lower village.\n";

    /// <summary>An article whose body holds a relative link, resolved against the page's URL.</summary>
    internal static readonly string LinkedArticle = SamplePages.Article(4).Replace(
        "</h1>",
        "</h1><p>Volunteers have counted the harbour seals on the sandbanks every week since spring, and " +
        "<a href=\"count.html\">the weekly count</a> is published by the council each Friday afternoon.</p>",
        StringComparison.Ordinal);

    private readonly PageFolder _folder = new();

    [Fact]
    public async Task Text_on_standard_input_is_split_into_its_paragraphs_not_read_as_one_html_paragraph()
    {
        var (code, pages) = await CliRun.CleanAsync(Input(Notes), "-", "--format", "json", "--paragraphs");
        var (_, asHtml) = await CliRun.CleanAsync(Input(Notes), "-", "--format", "json", "--paragraphs", "--content-type", "text/html");

        Assert.Equal(ExitCodes.Success, code);
        var page = Assert.Single(pages);
        Assert.Equal("-", (string)page["path"]!);
        Assert.Equal("stdin", (string)page["id"]!);
        Assert.Equal(3, (int)page["stats"]!["paragraphs"]!);
        Assert.Contains("ferry stopped running", (string)page["text"]!, StringComparison.Ordinal);
        // The same bytes declared HTML are what standard input used to be: one paragraph of run-together lines.
        Assert.Equal(1, (int)asHtml[0]["stats"]!["paragraphs"]!);
    }

    [Fact]
    public async Task Text_on_standard_input_is_written_as_text_to_the_output_by_default()
    {
        var (code, output) = await CliRun.CleanRawAsync(Input(Notes), "-");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("The river rose two metres overnight", output, StringComparison.Ordinal);
        Assert.Contains("\n\nFarmers moved their sheep", output, StringComparison.Ordinal);
        Assert.DoesNotContain("{", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_on_standard_input_is_sniffed_and_cleans_as_the_same_file_does()
    {
        var (code, piped) = await CliRun.CleanRawAsync(Input(File.ReadAllText(_folder.PathOf("article.html"))), "-", "--format", "markdown");
        var (_, fromFile) = await CliRun.CleanRawAsync(_folder.PathOf("article.html"), "--format", "markdown");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("# Article 0", piped, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright 2025", piped, StringComparison.Ordinal);
        Assert.Equal(fromFile, piped);
    }

    [Fact]
    public async Task A_text_content_type_reads_html_looking_bytes_as_text()
    {
        var (code, pages) = await CliRun.CleanAsync(Input(LinkedArticle), "-", "--paragraphs", "--content-type", "text/plain");

        // Read as text, the markup is words: the tags survive into the paragraphs instead of structuring them.
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains(pages[0]["paragraphs"]!.AsArray(), p => ((string)p!["text"]!).Contains("<article>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_charset_of_the_content_type_decodes_piped_text()
    {
        var latin1 = Encoding.Latin1.GetBytes("Caf\u00e9 notes\n\nThe caf\u00e9 on the harbour reopened this spring after the storm had flooded its kitchen and cellar.\n");

        // Text repair off: it would mend the undeclared page's broken bytes and hide what the charset did.
        var (_, declared) = await CliRun.CleanRawAsync(new MemoryStream(latin1), "-", "--content-type", "text/plain; charset=iso-8859-1", "--repair-text", "off");
        var (_, undeclared) = await CliRun.CleanRawAsync(new MemoryStream(latin1), "-", "--repair-text", "off");

        Assert.Contains("The caf\u00e9 on the harbour", declared, StringComparison.Ordinal);
        Assert.Contains("caf\uFFFD", undeclared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_url_resolves_relative_links_for_standard_input_and_for_files()
    {
        var file = _folder.PathOf("linked.html");
        await File.WriteAllTextAsync(file, LinkedArticle);

        var (pipedCode, piped) = await CliRun.CleanRawAsync(Input(LinkedArticle), "-", "--format", "markdown", "--url", "https://news.example/2025/seals.html");
        var (fileCode, fromFile) = await CliRun.CleanRawAsync(file, "--format", "markdown", "--url", "https://news.example/2025/seals.html");
        var (_, withoutUrl) = await CliRun.CleanRawAsync(file, "--format", "markdown");

        Assert.Equal(ExitCodes.Success, pipedCode);
        Assert.Equal(ExitCodes.Success, fileCode);
        Assert.Contains("[the weekly count](https://news.example/2025/count.html)", piped, StringComparison.Ordinal);
        Assert.Equal(piped, fromFile);
        Assert.DoesNotContain("https://news.example", withoutUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--url", "count.html")]
    [InlineData("--url", "javascript:alert(1)")]
    [InlineData("--content-type", "application/pdf")]
    public async Task A_bad_url_or_content_type_is_a_usage_error(string option, string value)
    {
        var (code, output) = await CliRun.CleanRawAsync(Input(Notes), "-", option, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_endless_pipe_fails_its_page_instead_of_filling_memory()
    {
        var (code, pages) = await CliRun.CleanAsync(new EndlessStream(), "-", "--format", "json");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.StartsWith("TooLarge:", (string)Assert.Single(pages)["error"]!, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static MemoryStream Input(string content) => new(Encoding.UTF8.GetBytes(content));
}
