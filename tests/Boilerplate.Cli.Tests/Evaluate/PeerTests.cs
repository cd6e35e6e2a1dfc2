using Boilerplate.Cli.Peers;
using Boilerplate.Testing;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Tests.Evaluate;

[Trait("Category", "Quality")]
public class PeerTests
{
    [Fact]
    public async Task SmartReader_finds_most_of_a_real_article()
    {
        var corpus = LabelledDataset.Load(SharedData.PathOf("datasets", "readability-pages"));
        var page = corpus.Pages.First(p => p.Id == "aclu");
        await using var peer = new SmartReaderPeer();

        var article = await peer.ExtractAsync(new PageToExtract(page.Id, page.Url, page.ReadHtml()), CancellationToken.None);

        Assert.Null(article.Error);
        Assert.Contains("\n\n", article.Text, StringComparison.Ordinal);
        Assert.True(ArticleMetrics.Compare(page.ArticleBody, article.Text).F1 > 0.8);
        Assert.True(article.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void Readability_without_its_node_packages_is_unavailable_and_says_how_to_install_them()
    {
        var folder = Directory.CreateTempSubdirectory("readability-peer-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "extract.mjs"), string.Empty);

            var peer = ReadabilityJsPeer.TryStart(folder.FullName, out var unavailable);

            Assert.Null(peer);
            Assert.Contains("npm ci", unavailable, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
