using Boilerplate.Protos.V1;
using Boilerplate.Testing.Service;

namespace Boilerplate.Service.Tests;

/// <summary>The seed acceptance: the real service and default model clean the seed article as a reader would.</summary>
[Collection(DefaultServiceCollection.Name)]
[Trait("Category", "Functional")]
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

    [Fact]
    public async Task Seed_article_comes_back_repaired_with_each_repair_listed()
    {
        var response = await _host.Client.CleanTextAsync(SeedPage.Text, options: new CleanOptions { IncludeParagraphs = true });

        foreach (var words in new[] { "Mexico’s drug war", "“It wasn’t that long ago", "now,” said", "counternarcotics “fusion” center" })
        {
            Assert.Contains(words, response.Text, StringComparison.Ordinal);
        }

        // Two placeholders inside a name are one two-byte letter; which one is the model's guess (docs/repair.md).
        Assert.Matches("Felipe Calder[\\u00C0-\\u024F]n, formally", response.Text);
        Assert.Matches("Mr. Calder[\\u00C0-\\u024F]n’s government", response.Text);

        Assert.Matches("^WASHINGTON [—–] Stepping", response.Text);
        Assert.DoesNotContain("_", response.Text, StringComparison.Ordinal);
        var lead = Assert.Single(response.Paragraphs, paragraph => paragraph.Kept && paragraph.Text.StartsWith("WASHINGTON", StringComparison.Ordinal));
        var apostrophe = Assert.Single(lead.Repairs, repair => repair.Original == "_" && repair.Replacement == "’");
        Assert.Equal("’", lead.Text.Substring(apostrophe.Offset, 1));
        Assert.Equal(response.Paragraphs.Sum(paragraph => paragraph.Repairs.Count), response.Stats.Repairs);
        Assert.True(response.Stats.Repairs >= 20, $"{response.Stats.Repairs} repairs");
    }

    [Fact]
    public async Task Seed_article_with_repair_off_comes_back_as_sent()
    {
        var response = await _host.Client.CleanTextAsync(SeedPage.Text, options: new CleanOptions { RepairText = RepairMode.Off, IncludeParagraphs = true });

        foreach (var paragraph in SeedPage.ArticleParagraphs)
        {
            Assert.Contains(paragraph, response.Text, StringComparison.Ordinal);
        }

        Assert.Equal(0, response.Stats.Repairs);
        Assert.All(response.Paragraphs, paragraph => Assert.Empty(paragraph.Repairs));
    }

    private static void AssertSeedCleaned(CleanResponse response)
    {
        foreach (var paragraph in SeedPage.ArticleParagraphs)
        {
            Assert.True(SeedPage.ContainsRepairOf(response.Text, paragraph), paragraph);
        }

        var teaser = Assert.Single(response.Paragraphs, paragraph => SeedPage.IsRepairOf(SeedPage.Teaser, paragraph.Text));
        Assert.False(teaser.Kept);
        Assert.Equal("duplicate", teaser.Reason);
        Assert.DoesNotContain(teaser.Text, response.Text, StringComparison.Ordinal);

        var readMore = Assert.Single(response.Paragraphs, paragraph => paragraph.Text == SeedPage.ReadMore);
        Assert.Equal("navigation", readMore.Label);
        Assert.False(readMore.Kept);

        var cookies = Assert.Single(response.Paragraphs, paragraph => paragraph.Text == SeedPage.CookieBanner);
        Assert.Equal("legal", cookies.Label);
        Assert.False(cookies.Kept);
        Assert.DoesNotContain("cookies", response.Text, StringComparison.Ordinal);
    }
}
