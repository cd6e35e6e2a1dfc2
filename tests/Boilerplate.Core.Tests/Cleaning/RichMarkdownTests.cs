using System.Net;
using System.Text.RegularExpressions;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Segmentation;
using Markdig;

namespace Boilerplate.Core.Tests.Cleaning;

/// <summary>
/// Markdown from segmented HTML, read back by a CommonMark parser (Markdig): links, images, emphasis and code from
/// the inline spans survive the round trip, and text stays text.
/// </summary>
public partial class RichMarkdownTests
{
    private const string Url = "https://news.example.com/section/story.html";

    private static readonly MarkdownPipeline CommonMarkWithTables = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static SegmentedPage Segment(string html, string? url = Url) =>
        new HtmlSegmenter(SegmentationLimits.Default).Segment(html, url, CancellationToken.None);

    private static string MarkdownOf(string html, string? url = Url)
    {
        var page = Segment(html, url);
        return MarkdownRenderer.Render(page.Blocks, page.Title, page.BaseUri);
    }

    private static string RoundTrip(string markdown) => Markdown.ToHtml(markdown, CommonMarkWithTables);

    [Fact]
    public void Links_emphasis_and_inline_code_are_kept_and_the_text_the_model_reads_is_not_touched()
    {
        var page = Segment("""<p>Read <a href="/docs/start?x=1&amp;y=2">the <em>getting started</em> guide</a>, call <code>init()</code> and <strong>never</strong> skip it.</p>""");

        var block = Assert.Single(page.Blocks);
        Assert.Equal("Read the getting started guide, call init() and never skip it.", block.Text);
        Assert.Equal(
            "Read [the *getting started* guide](https://news.example.com/docs/start?x=1&y=2), call `init()` and **never** skip it.",
            MarkdownRenderer.Render(page.Blocks, title: null, page.BaseUri));
        Assert.Equal(
            "<p>Read <a href=\"https://news.example.com/docs/start?x=1&amp;y=2\">the <em>getting started</em> guide</a>, call <code>init()</code> and <strong>never</strong> skip it.</p>\n",
            RoundTrip(MarkdownRenderer.Render(page.Blocks, title: null, page.BaseUri)));
    }

    [Fact]
    public void Relative_urls_resolve_against_base_href_and_unsafe_or_unresolvable_ones_become_plain_text()
    {
        var markdown = MarkdownOf("""
            <html><head><base href="/archive/2024/"></head><body>
            <p>See <a href="notes.html">the notes</a>, <a href="javascript:alert(1)">a trap</a>, <a href="mailto:desk@example.com">the desk</a> and <a href="//cdn.example.net/x.pdf">the file</a>.</p>
            </body></html>
            """);

        Assert.Equal(
            "See [the notes](https://news.example.com/archive/2024/notes.html), a trap, [the desk](mailto:desk@example.com) and [the file](https://cdn.example.net/x.pdf).",
            markdown);
        Assert.Equal("See the notes.", MarkdownOf("""<p>See <a href="notes.html">the notes</a>.</p>""", url: null));
    }

    [Fact]
    public void Article_images_are_kept_with_lazy_and_responsive_sources_and_pixels_and_icons_are_not()
    {
        var markdown = MarkdownOf("""
            <article>
            <figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/harbour.jpg" alt="The harbour at dawn"></figure>
            <p>The harbour reopened on Monday after a month of repairs to the sea wall.</p>
            <p>Crews worked <img src="/img/crane.jpg" alt="a crane" width="640" height="400"> through the night.<img src="https://px.example.com/pixel.gif?id=3" width="1" height="1"></p>
            <p><img srcset="/img/wall-480.jpg 480w, /img/wall-1200.jpg 1200w, /img/wall-800.jpg 800w" alt="The wall"> Engineers inspected the wall <img src="/icons/share.svg" class="share-icon" alt="share"> twice.</p>
            <p>Lazy loaders differ: <img data-lazy-src="/img/lazy.png" src="/img/placeholder.gif" alt="lazy"> here.</p>
            </article>
            """);

        Assert.Equal(
            """
            ![The harbour at dawn](https://news.example.com/img/harbour.jpg)

            The harbour reopened on Monday after a month of repairs to the sea wall.

            Crews worked ![a crane](https://news.example.com/img/crane.jpg) through the night.

            ![The wall](https://news.example.com/img/wall-1200.jpg) Engineers inspected the wall twice.

            Lazy loaders differ: ![lazy](https://news.example.com/img/lazy.png) here.
            """.ReplaceLineEndings("\n"),
            markdown);
        var html = RoundTrip(markdown);
        Assert.Contains("<img src=\"https://news.example.com/img/harbour.jpg\" alt=\"The harbour at dawn\" />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("pixel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("share", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_title_leads_as_a_heading_once()
    {
        // The headline sits in the page but is not among the blocks rendered (the model took it for navigation).
        var page = Segment("<html><head><title>Harbour reopens</title></head><body><p>The harbour reopened on Monday.</p></body></html>");
        Assert.Equal("# Harbour reopens\n\nThe harbour reopened on Monday.", MarkdownRenderer.Render(page.Blocks, page.Title, page.BaseUri));

        var withHeadline = Segment("<html><head><title>Harbour reopens | The Gazette</title></head><body><h1>Harbour reopens</h1><p>The harbour reopened.</p></body></html>");
        Assert.Equal("Harbour reopens", withHeadline.Title);
        Assert.Equal("# Harbour reopens\n\nThe harbour reopened.", MarkdownRenderer.Render(withHeadline.Blocks, withHeadline.Title, withHeadline.BaseUri));
        Assert.Equal(
            "<article>\n<h1>Harbour reopens</h1>\n<p>The harbour reopened.</p>\n</article>",
            HtmlRenderer.Render(withHeadline.Blocks, withHeadline.Title, withHeadline.BaseUri));
    }

    [Fact]
    public void A_title_ending_in_hashes_keeps_them_and_a_nested_list_without_its_parents_starts_at_the_margin()
    {
        Block[] blocks = [new("deep item", BlockKind.ListItem) { Level = 3 }, new("deeper", BlockKind.ListItem) { Level = 4, Ordered = true }];
        var markdown = MarkdownRenderer.Render(blocks, "Learning C #", baseUri: null);

        Assert.Equal("# Learning C \\#\n\n- deep item\n  1. deeper", markdown);
        Assert.Matches(@"^<h1>Learning C #</h1>\s*<ul>\s*<li>deep item\s*<ol>\s*<li>deeper</li>", RoundTrip(markdown));
    }

    [Fact]
    public void Code_blocks_quotes_tables_and_nested_lists_survive_a_round_trip()
    {
        var markdown = MarkdownOf("""
            <article>
            <pre><code class="language-python">def f(x):
                return x * 2</code></pre>
            <blockquote><p>Measure <em>twice</em>.</p></blockquote>
            <table><thead><tr><th>Name</th><th>Link</th></tr></thead>
            <tbody><tr><td><code>f()</code> or a|b</td><td><a href="/a">page a</a></td></tr></tbody></table>
            <ol><li>First<ul><li>inner <strong>bold</strong></li></ul></li><li>Second</li></ol>
            </article>
            """);

        var html = RoundTrip(markdown);
        Assert.Contains("<pre><code class=\"language-python\">def f(x):\n    return x * 2\n</code></pre>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>\n<p>Measure <em>twice</em>.</p>\n</blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Name</th>", html, StringComparison.Ordinal);
        // A pipe in a cell is escaped; GFM unescapes it inside code spans too, Markdig only outside them, so plain text is checked.
        Assert.Contains("<td><code>f()</code> or a|b</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td><a href=\"https://news.example.com/a\">page a</a></td>", html, StringComparison.Ordinal);
        Assert.Matches(@"<ol>\s*<li>First\s*<ul>\s*<li>inner <strong>bold</strong></li>\s*</ul>\s*</li>\s*<li>Second</li>\s*</ol>", html);
    }

    [Theory]
    [InlineData("# not a heading, *not emphasis*, _nor this_ and [not a link](x)")]
    [InlineData("1. not a list but 2 * 3 = 6 and a_b_c stays")]
    [InlineData("- not a bullet, `not code` and <b>not a tag</b>")]
    [InlineData("> not a quote &amp; not an entity, \\ a backslash ![not an image](y)")]
    [InlineData("+ plus ~~not struck~~ | pipe")]
    public void Markdown_special_characters_in_text_read_back_as_the_same_text(string text)
    {
        var markdown = MarkdownRenderer.Render([new Block(text, BlockKind.Paragraph)]);
        Assert.Equal($"<p>{WebUtility.HtmlEncode(text).Replace("&#39;", "'", StringComparison.Ordinal)}</p>\n", RoundTrip(markdown).Replace("&#39;", "'", StringComparison.Ordinal));
    }

    [Fact]
    public void Emphasis_that_commonmark_would_not_read_stays_plain_text()
    {
        // "**" between a quote inside and a letter outside does not close: the stars would show as text.
        var page = Segment("<p>He said<strong>\"no\"</strong>twice and <em>meant</em> it.</p>");
        var markdown = MarkdownRenderer.Render(page.Blocks, title: null, page.BaseUri);
        Assert.Equal("He said\"no\"twice and *meant* it.", markdown);
    }

    [Fact]
    public void Html_out_is_safe_whatever_the_page_holds()
    {
        var page = Segment("""
            <html><head><style>p{color:red}</style><script>alert(1)</script></head><body><article>
            <h1 onclick="steal()">Report</h1>
            <p style="x" onmouseover="steal()">Click <a href="javascript:steal()">here</a> or <a href=" java&#10;script:steal()">there</a> or <a href="/ok" onclick="steal()">the real one</a>.</p>
            <iframe src="https://evil.example/"></iframe><form action="/post"><input name="q"><button>Go</button></form>
            <p><img src="/a.jpg" onerror="steal()" alt="&quot;&gt;&lt;script&gt;steal()&lt;/script&gt;"> An image with a hostile alt, and &lt;script&gt;text&lt;/script&gt;.</p>
            <p><img src="javascript:steal()" alt="x"> <a href="data:text/html,&lt;script&gt;">data</a></p>
            </article></body></html>
            """);

        var html = HtmlRenderer.Render(page.Blocks, page.Title, page.BaseUri);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("steal()\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" on", Regex.Replace(html, ">[^<]*<", "><"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://news.example.com/ok\">the real one</a>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://news.example.com/a.jpg\" alt=\"&quot;&gt;&lt;script&gt;steal()&lt;/script&gt;\">", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;text&lt;/script&gt;", html, StringComparison.Ordinal);
        // Only the elements the renderer writes itself.
        Assert.Empty(ElementNames().Matches(html).Select(m => m.Groups[1].Value).Distinct()
            .Except(["article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "em", "strong", "code", "img", "figure", "ul", "ol", "li", "blockquote", "pre", "table", "thead", "tbody", "tr", "th", "td"]));
    }

    [Fact]
    public void Html_out_nests_lists_and_closes_every_element()
    {
        var page = Segment("<ul><li>a<ol><li>b<ul><li>c</li></ul></li></ol></li><li>d</li></ul><table><tr><td>x</td><td>y</td></tr></table><blockquote><p>q</p></blockquote>");
        Assert.Equal(
            "<article>\n<ul><li>a\n<ol><li>b\n<ul><li>c</li></ul></li></ol></li><li>d</li></ul>\n<table><tbody>\n<tr><td>x</td><td>y</td></tr></tbody></table>\n<blockquote>\n<p>q</p></blockquote>\n</article>",
            HtmlRenderer.Render(page.Blocks, page.Title, page.BaseUri));
    }

    [GeneratedRegex("<([a-z0-9]+)")]
    private static partial Regex ElementNames();
}
