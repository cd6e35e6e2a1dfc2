using System.Text;
using Boilerplate.Protos.V1;
using Boilerplate.Testing.Service;
using Google.Protobuf;

namespace Boilerplate.Service.Tests;

/// <summary>Each field of the Clean API, through a real client against the real service and default model.</summary>
[Collection(DefaultServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class CleanApiTests(DefaultServiceFixture fixture)
{
    private const string ArticleHtml = """
        <html><head><title>Night trains return to the Alps</title></head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/travel">Travel</a></li><li><a href="/about">About</a></li></ul></nav>
        <article><h1>Night trains return to the Alps</h1>
        <p>After a decade without sleeper services, two operators will run night trains between Vienna, Zurich and Milan from December, with couchettes and private compartments on every departure.</p>
        <h2>Cheaper than flying</h2>
        <p>Fares start below the price of a budget flight once luggage is added, and the operators expect most travellers to book compartments for families or small groups of friends.</p>
        <p>Stations along the route are extending their opening hours so passengers can board late in the evening and arrive in time for breakfast in another country.</p>
        </article>
        <footer><p>We use cookies to personalise content and analyse our traffic. By continuing you accept our cookie policy.</p></footer>
        </body></html>
        """;

    private readonly ServiceHost _host = fixture.Host;

    [Fact]
    public async Task Html_keeps_the_article_and_reads_the_title()
    {
        var response = await _host.Client.CleanHtmlAsync(ArticleHtml, "https://example.org/travel/night-trains");

        Assert.Equal("Night trains return to the Alps", response.Title);
        Assert.Contains("two operators will run night trains", response.Text, StringComparison.Ordinal);
        Assert.Contains("arrive in time for breakfast", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie policy", response.Text, StringComparison.Ordinal);
        Assert.Equal("article", response.PageType);
    }

    [Fact]
    public async Task Html_bytes_are_decoded_by_the_charset_in_content_type()
    {
        var html = "<html><head><title>Café culture</title></head><body><article><p>" +
                   "The café on the corner serves crème brûlée and a strong espresso to early commuters, and its owner " +
                   "has kept the same recipes since the shop opened after the war, long before the street was rebuilt." +
                   "</p></article></body></html>";
        var request = new CleanRequest
        {
            Id = "latin-1",
            HtmlBytes = ByteString.CopyFrom(Encoding.Latin1.GetBytes(html)),
            ContentType = "text/html; charset=iso-8859-1",
        };

        var response = await _host.Client.CleanAsync(request);

        Assert.Equal("latin-1", response.Id);
        Assert.Equal("Café culture", response.Title);
        Assert.Contains("crème brûlée", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paragraphs_are_scored_one_block_each()
    {
        var request = new CleanRequest { Paragraphs = new ParagraphList(), Options = new CleanOptions { IncludeParagraphs = true } };
        request.Paragraphs.Items.AddRange(SeedPage.Text.Split("\n\n"));

        var response = await _host.Client.CleanAsync(request);

        Assert.Equal(request.Paragraphs.Items.Count, response.Stats.Paragraphs);
        Assert.Equal(request.Paragraphs.Items.Count, response.Paragraphs.Count);
        Assert.Contains(SeedPage.ArticleParagraphs[3], response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_and_html_keep_the_title_links_images_and_emphasis_with_absolute_urls()
    {
        const string page = """
            <html><head><title>Night trains return to the Alps | Rail Weekly</title></head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/travel">Travel</a></li><li><a href="/about">About</a></li></ul></nav>
            <article>
            <figure><img data-src="/img/sleeper.jpg" src="data:image/gif;base64,R0lGOD" alt="A sleeper train at dusk"></figure>
            <p>After a decade without sleeper services, <a href="/operators">two operators</a> will run <em>night trains</em> between Vienna, Zurich and Milan from December, with couchettes and private compartments on every departure.</p>
            <p>Fares start below the price of a budget flight once luggage is added, and the operators expect most travellers to book compartments for families or small groups of friends.<img src="https://stats.example.net/pixel.gif" width="1" height="1"></p>
            <p>Stations along the route are extending their opening hours <a href="javascript:track()" onclick="track()">so passengers</a> can board late in the evening and arrive in time for breakfast in another country.</p>
            </article>
            <script>track()</script>
            </body></html>
            """;

        var response = await _host.Client.CleanHtmlAsync(page, "https://rail.example.org/travel/night-trains", new CleanOptions { IncludeMarkdown = true, IncludeHtml = true });

        // The heading is the article's headline, without the site's name the head title carries; `title` keeps it whole.
        Assert.Equal("Night trains return to the Alps | Rail Weekly", response.Title);
        Assert.StartsWith("# Night trains return to the Alps\n\n![A sleeper train at dusk](https://rail.example.org/img/sleeper.jpg)\n\n", response.Markdown, StringComparison.Ordinal);
        Assert.Contains("[two operators](https://rail.example.org/operators) will run *night trains* between", response.Markdown, StringComparison.Ordinal);
        Assert.Contains("opening hours so passengers can board", response.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("pixel", response.Markdown, StringComparison.Ordinal);
        Assert.StartsWith("<article>\n<h1>Night trains return to the Alps</h1>\n<figure><img src=\"https://rail.example.org/img/sleeper.jpg\" alt=\"A sleeper train at dusk\"></figure>", response.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://rail.example.org/operators\">two operators</a> will run <em>night trains</em>", response.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("track()", response.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("pixel", response.Html, StringComparison.Ordinal);
        Assert.EndsWith("</article>", response.Html, StringComparison.Ordinal);

        var plain = await _host.Client.CleanHtmlAsync(page, "https://rail.example.org/travel/night-trains");
        Assert.Empty(plain.Html);
        Assert.Equal(plain.Text, response.Text);
    }

    [Fact]
    public async Task Paragraphs_and_markdown_are_filled_only_when_asked_for()
    {
        var plain = await _host.Client.CleanHtmlAsync(ArticleHtml);
        Assert.Empty(plain.Paragraphs);
        Assert.Empty(plain.Markdown);

        var full = await _host.Client.CleanHtmlAsync(ArticleHtml, options: new CleanOptions { IncludeParagraphs = true, IncludeMarkdown = true });

        Assert.Contains("Cheaper than flying", full.Markdown, StringComparison.Ordinal);
        Assert.Contains("#", full.Markdown, StringComparison.Ordinal);
        var heading = Assert.Single(full.Paragraphs, paragraph => paragraph.Text == "Cheaper than flying");
        Assert.Equal("heading", heading.Kind);
        Assert.Equal(2, heading.HeadingLevel);
        var info = await _host.Client.GetModelInfoAsync();
        foreach (var paragraph in full.Paragraphs)
        {
            Assert.Equal(info.Labels.Order(), paragraph.Scores.Keys.Order());
            Assert.InRange(paragraph.Scores.Values.Sum(), 0.99, 1.01);
            Assert.Equal(paragraph.Scores.MaxBy(score => score.Value).Key, paragraph.Label);
            Assert.Equal(paragraph.Kept, paragraph.Reason.Length == 0);
        }
    }

    [Fact]
    public async Task Stats_and_model_version_describe_the_work()
    {
        var response = await _host.Client.CleanHtmlAsync(ArticleHtml, options: new CleanOptions { IncludeParagraphs = true });
        var info = await _host.Client.GetModelInfoAsync();

        Assert.Equal(response.Paragraphs.Count, response.Stats.Paragraphs);
        Assert.Equal(response.Paragraphs.Count(paragraph => paragraph.Kept), response.Stats.Kept);
        Assert.True(response.Stats.ElapsedMicros > 0);
        Assert.Equal(info.Version, response.ModelVersion);
    }

    [Fact]
    public async Task Keep_labels_keeps_the_named_labels()
    {
        var bodyOnly = await _host.Client.CleanTextAsync(SeedPage.Text);
        var withLegal = await _host.Client.CleanTextAsync(SeedPage.Text, options: new CleanOptions { KeepLabels = { "body", "legal" } });

        Assert.DoesNotContain(SeedPage.CookieBanner, bodyOnly.Text, StringComparison.Ordinal);
        Assert.Contains(SeedPage.CookieBanner, withLegal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_duplicates_keeps_the_teaser_from_being_dropped_as_a_duplicate()
    {
        var options = new CleanOptions { KeepDuplicates = true, IncludeParagraphs = true };

        var response = await _host.Client.CleanTextAsync(SeedPage.Text, options: options);

        var teaser = Assert.Single(response.Paragraphs, paragraph => SeedPage.IsRepairOf(SeedPage.Teaser, paragraph.Text));
        Assert.NotEqual("duplicate", teaser.Reason);
    }

    [Fact]
    public async Task Bias_and_threshold_trade_precision_for_recall()
    {
        async Task<int> Kept(CleanOptions options) => (await _host.Client.CleanHtmlAsync(ArticleHtml, options: options)).Stats.Kept;

        var precise = await Kept(new CleanOptions { Bias = -1 });
        var neutral = await Kept(new CleanOptions());
        var recall = await Kept(new CleanOptions { Bias = 1 });
        Assert.InRange(neutral, precise, recall);
        Assert.True(precise < recall, $"bias -1 kept {precise}, bias +1 kept {recall}");

        var strict = await Kept(new CleanOptions { Threshold = 1f, Bias = 1 });
        var lenient = await Kept(new CleanOptions { Threshold = 0.01f, Bias = -1 });
        Assert.True(strict < lenient, $"threshold 1 kept {strict}, threshold 0.01 kept {lenient}");
    }
}
