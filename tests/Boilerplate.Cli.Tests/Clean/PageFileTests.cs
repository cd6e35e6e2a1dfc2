using Boilerplate.Cli.Clean;

namespace Boilerplate.Cli.Tests.Clean;

public sealed class PageFileTests : IDisposable
{
    private readonly PageFolder _folder = new();

    [Fact]
    public void A_folder_yields_its_page_files_recursively_in_ordinal_order()
    {
        var pages = PageFile.Find(_folder.Root);

        Assert.Equal(
            ["article", "broken", "empty", "notes", "zipped"],
            pages.Select(page => page.Id));
        Assert.Equal(pages.Select(page => page.Path).Order(StringComparer.Ordinal), pages.Select(page => page.Path));
        Assert.Equal(PageFormat.Text, pages.Single(page => page.Id == "notes").Format);
        Assert.True(pages.Single(page => page.Id == "zipped").Compressed);
    }

    [Fact]
    public void A_file_named_explicitly_is_a_page_whatever_its_extension()
    {
        var page = Assert.Single(PageFile.Find(_folder.PathOf("readme.md")));

        Assert.Equal("readme", page.Id);
        Assert.Equal(PageFormat.Html, page.Format);
    }

    [Fact]
    public void A_missing_path_is_an_error()
    {
        Assert.Throws<FileNotFoundException>(() => PageFile.Find(_folder.PathOf("nothing-here")));
    }

    [Fact]
    public async Task A_gzip_page_reads_as_its_decompressed_bytes()
    {
        var page = PageFile.Find(_folder.Root).Single(p => p.Id == "zipped");

        var content = await page.ReadAsync(CancellationToken.None);

        Assert.StartsWith("<html>", System.Text.Encoding.UTF8.GetString(content), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
