using Boilerplate.Cli.Clean;
using Boilerplate.Core.Errors;

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
    public void A_file_named_explicitly_is_a_page_whatever_its_extension_and_its_bytes_decide_the_format()
    {
        var page = Assert.Single(PageFile.Find(_folder.PathOf("readme.md")));

        Assert.Equal("readme", page.Id);
        Assert.Null(page.Format);
    }

    [Fact]
    public void Several_paths_yield_their_pages_in_the_order_given_and_a_dash_is_standard_input()
    {
        var pages = PageFile.Find([_folder.PathOf("sub"), "-", _folder.PathOf("article.html")]);

        Assert.Equal(["notes", "zipped", "stdin", "article"], pages.Select(page => page.Id));
        Assert.True(pages[2].IsStandardInput);
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

        var content = await new PageReader(() => Stream.Null, PageReader.DefaultMaxBytes).ReadAsync(page, CancellationToken.None);

        Assert.StartsWith("<html>", System.Text.Encoding.UTF8.GetString(content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_over_the_limit_fails_with_TooLarge_even_from_an_endless_pipe_or_a_gzip_bomb()
    {
        var reader = new PageReader(() => new EndlessStream(), maxBytes: 4096);
        var zipped = PageFile.Find(_folder.Root).Single(p => p.Id == "zipped");

        var fromPipe = await Assert.ThrowsAsync<PageRejectedException>(() => reader.ReadAsync(PageFile.StandardInput, CancellationToken.None));
        var fromGzip = await Assert.ThrowsAsync<PageRejectedException>(() => new PageReader(() => Stream.Null, maxBytes: 100).ReadAsync(zipped, CancellationToken.None));

        Assert.Equal(PageRejection.TooLarge, fromPipe.Reason);
        Assert.Equal(PageRejection.TooLarge, fromGzip.Reason);
    }

    public void Dispose() => _folder.Dispose();
}
