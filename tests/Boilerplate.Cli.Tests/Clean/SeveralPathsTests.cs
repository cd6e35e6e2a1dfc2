using System.Text;

namespace Boilerplate.Cli.Tests.Clean;

/// <summary>`boilerplate clean A B -`: several files, folders and standard input in one call, as JSON lines.</summary>
public sealed class SeveralPathsTests : IDisposable
{
    private readonly PageFolder _folder = new();

    [Fact]
    public async Task Files_folders_and_standard_input_give_json_lines_in_the_order_given()
    {
        var (code, pages) = await CliRun.CleanAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(StandardInputTests.Notes)),
            _folder.PathOf("article.html"), "-", _folder.PathOf("sub"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["article", "stdin", "notes", "zipped"], pages.Select(page => (string)page["id"]!));
        Assert.All(pages, page => Assert.Null(page["error"]));
        Assert.Contains(PageFolder.ArticleSentence, (string)pages[0]["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_files_get_json_lines_even_when_a_content_format_is_asked_for()
    {
        var (code, pages) = await CliRun.CleanAsync(_folder.PathOf("article.html"), _folder.PathOf("sub", "notes.txt"), "--format", "markdown");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(2, pages.Count);
        Assert.StartsWith("# Article 0", (string)pages[0]["markdown"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Some_pages_failing_exits_1_and_all_failing_exits_3()
    {
        var (some, somePages) = await CliRun.CleanAsync(_folder.PathOf("article.html"), _folder.PathOf("empty.htm"));
        var (all, allPages) = await CliRun.CleanAsync(_folder.PathOf("broken.html.gz"), _folder.PathOf("empty.htm"));

        Assert.Equal(ExitCodes.Partial, some);
        Assert.Equal(2, somePages.Count);
        Assert.Equal(ExitCodes.Failed, all);
        Assert.All(allPages, page => Assert.NotNull(page["error"]));
    }

    [Fact]
    public async Task A_missing_path_among_several_stops_the_run_before_any_page()
    {
        var (code, pages) = await CliRun.CleanAsync(_folder.PathOf("article.html"), _folder.PathOf("missing.html"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(pages);
    }

    [Fact]
    public async Task Standard_input_twice_or_one_url_for_several_pages_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, (await CliRun.CleanAsync(new MemoryStream(), "-", "-")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await CliRun.CleanAsync(_folder.PathOf("sub"), "--url", "https://news.example/a.html")).ExitCode);
    }

    public void Dispose() => _folder.Dispose();
}
