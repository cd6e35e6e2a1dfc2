using Boilerplate.Testing;

namespace Boilerplate.Service.Tests;

[Trait("Category", "Quality")]
public sealed class SeedArticleFixtureTests
{
    [Fact]
    public void The_committed_seed_article_is_the_shared_one()
    {
        // The functional tests send the committed copy; the acceptance they stand for is of the shared page.
        var shared = File.ReadAllText(SharedData.PathOf("examples", "seed-article.txt"));

        Assert.Equal(shared, SeedArticle.Text);
    }
}
