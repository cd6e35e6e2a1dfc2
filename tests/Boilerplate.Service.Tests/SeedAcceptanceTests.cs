using Boilerplate.Protos.V1;
using Boilerplate.Testing;

namespace Boilerplate.Service.Tests;

/// <summary>The seed acceptance: the real service and default model clean the seed article as a reader would.</summary>
[Collection(DefaultServiceCollection.Name)]
public sealed class SeedAcceptanceTests(DefaultServiceFixture fixture)
{
    private readonly ServiceHost _host = fixture.Host;

    [Fact]
    public async Task Seed_article_as_text_keeps_the_article_and_drops_teaser_link_and_cookie_banner()
    {
        var response = await _host.Client.CleanTextAsync(SeedPage.Text, options: new CleanOptions { IncludeParagraphs = true });

        AssertSeedCleaned(response);
    }

    [Fact]
    public async Task Seed_article_wrapped_in_html_is_cleaned_the_same()
    {
        var response = await _host.Client.CleanHtmlAsync(SeedPage.Html, options: new CleanOptions { IncludeParagraphs = true });

        AssertSeedCleaned(response);
        Assert.Equal(SeedPage.Title, response.Title);
    }

    private static void AssertSeedCleaned(CleanResponse response)
    {
        foreach (var paragraph in SeedPage.ArticleParagraphs)
        {
            Assert.Contains(paragraph, response.Text, StringComparison.Ordinal);
        }

        var teaser = Assert.Single(response.Paragraphs, paragraph => paragraph.Text == SeedPage.Teaser);
        Assert.False(teaser.Kept);
        Assert.Equal("duplicate", teaser.Reason);
        Assert.DoesNotContain(SeedPage.Teaser, response.Text, StringComparison.Ordinal);

        var readMore = Assert.Single(response.Paragraphs, paragraph => paragraph.Text == SeedPage.ReadMore);
        Assert.Equal("navigation", readMore.Label);
        Assert.False(readMore.Kept);

        var cookies = Assert.Single(response.Paragraphs, paragraph => paragraph.Text == SeedPage.CookieBanner);
        Assert.Equal("legal", cookies.Label);
        Assert.False(cookies.Kept);
        Assert.DoesNotContain("cookies", response.Text, StringComparison.Ordinal);
    }
}
