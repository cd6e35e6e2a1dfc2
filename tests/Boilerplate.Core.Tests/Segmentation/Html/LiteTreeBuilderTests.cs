using System.Diagnostics;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Segmentation;
using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Tests.Segmentation.Html;

public class LiteTreeBuilderTests
{
    [Theory]
    [InlineData("<p>a<p>b", "<p>a</p><p>b</p>")]
    [InlineData("<p>a<div>b</div>", "<p>a</p><div>b</div>")]
    [InlineData("<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>")]
    [InlineData("<dl><dt>t<dd>d<dt>u</dl>", "<dl><dt>t</dt><dd>d</dd><dt>u</dt></dl>")]
    [InlineData("<select><option>a<option>b<optgroup><option>c</select>", "<select><option>a</option><option>b</option><optgroup><option>c</option></optgroup></select>")]
    [InlineData("<h1>a<h2>b</h2>", "<h1>a</h1><h2>b</h2>")]
    [InlineData("<ruby>a<rt>b<rp>c</ruby>", "<ruby>a<rt>b</rt><rp>c</rp></ruby>")]
    public void Implied_end_tags_close_siblings(string html, string expected) => Assert.Equal(expected, TreeText.Body(html));

    [Theory]
    [InlineData("<table><tr><td>a<td>b<tr><td>c</table>", "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>")]
    [InlineData("<table><thead><tr><th>h<tbody><tr><td>d</table>", "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>")]
    [InlineData("<table><td>x</table>", "<table><tbody><tr><td>x</td></tr></tbody></table>")]
    [InlineData("<td>stray cell</td>", "stray cell")]
    [InlineData("<table>fostered<tr><td>in</td></tr></table>", "fostered<table><tbody><tr><td>in</td></tr></tbody></table>")]
    [InlineData("<table><div>moved</div><tr><td>in</table>", "<div>moved</div><table><tbody><tr><td>in</td></tr></tbody></table>")]
    [InlineData("<table><tr><td><p>a</table>b", "<table><tbody><tr><td><p>a</p></td></tr></tbody></table>b")]
    public void Tables_follow_the_table_rules(string html, string expected) => Assert.Equal(expected, TreeText.Body(html));

    [Theory]
    [InlineData("<div><span>a</div>b", "<div><span>a</span></div>b")]
    [InlineData("<div>a</span>b</div>", "<div>ab</div>")]
    [InlineData("<div><p>a</div>b", "<div><p>a</p></div>b")]
    [InlineData("<span><p>a</span>b</p>", "<span><p>ab</p></span>")]
    [InlineData("<div>a</p>b</div>", "<div>a<p></p>b</div>")]
    [InlineData("</div></body>text", "text")]
    public void End_tags_close_only_what_they_match_in_scope(string html, string expected) => Assert.Equal(expected, TreeText.Body(html));

    [Theory]
    [InlineData("<a href=1>one<a href=2>two</a>", "<a>one</a><a>two</a>")]
    [InlineData("<a href=x><div>in</a>out</div>", "<a></a><div><a>in</a>out</div>")]
    [InlineData("<b>1<i>2</b>3</i>", "<b>1<i>2</i></b>3")]
    public void Misnested_formatting_elements_keep_text_in_order(string html, string expected) => Assert.Equal(expected, TreeText.Body(html));

    [Theory]
    [InlineData("<p>a<script>if (a<b) document.write('<p>x</p>')</script>b</p>", "<p>a<script></script>b</p>")]
    [InlineData("<body><style>p > a { }</style><p>t", "<style></style><p>t</p>")]
    [InlineData("<textarea>\n<b>not bold</b> &amp;</textarea>", "<textarea><b>not bold</b> &</textarea>")]
    [InlineData("<xmp><i>as is</i> &amp;</xmp>", "<xmp><i>as is</i> &amp;</xmp>")]
    [InlineData("<iframe><p>x</p></iframe>y", "<iframe><p>x</p></iframe>y")]
    [InlineData("<p>a<plaintext><b>rest</b></plaintext>", "<p>a</p><plaintext><b>rest</b></plaintext></plaintext>")]
    [InlineData("<body><script><!--<script>x</script>still script--></script><p>after", "<script></script><p>after</p>")]
    [InlineData("<body><SCRIPT>a</Script ><p>after", "<script></script><p>after</p>")]
    public void Raw_text_is_not_markup(string html, string expected) => Assert.Equal(expected, TreeText.Body(html));

    [Theory]
    [InlineData("<body><noscript><iframe src=\"/ns\" style=\"display:none\" /></noscript><div hidden id=\"S:0\"><p>streamed</p></div>",
        "<noscript><iframe></iframe></noscript><div><p>streamed</p></div>")]
    [InlineData("<body><noscript><iframe src=\"/ns\"></noscript><p>x</p>", "<noscript><iframe></noscript><p>x</p></iframe></noscript>")]
    [InlineData("<body><iframe src=\"/ad\" /><p>x</p>", "<iframe><p>x</p></iframe>")]
    public void A_self_closed_iframe_in_noscript_ends_there_as_browsers_read_it(string html, string expected) =>
        Assert.Equal(expected, TreeText.Body(html));

    [Fact]
    public void A_self_closed_iframe_in_a_head_noscript_leaves_the_body_to_the_body() =>
        Assert.Equal("<p>story</p>", TreeText.Body("<html><head><noscript><iframe src=\"/ns\" /></noscript><title>t</title></head><body><p>story</p></body></html>"));

    [Theory]
    [InlineData("<p>a<!-- <p>x</p> -->b</p>", "<p>ab</p>")]
    [InlineData("<!DOCTYPE html><?xml version='1.0'?><p><![CDATA[x]]>y", "<p>y</p>")]
    [InlineData("<p>a<!-->b", "<p>ab</p>")]
    [InlineData("<p>a</>b</3>c", "<p>abc</p>")]
    [InlineData("<p>a < b <3 c", "<p>a < b <3 c</p>")]
    public void Comments_and_declarations_are_skipped(string html, string expected) => Assert.Equal(expected, TreeText.Body(html));

    [Theory]
    [InlineData("<DIV CLASS=A><P>x</P></DIV>", "<div><p>x</p></div>")]
    [InlineData("<pre>\nline</pre>", "<pre>line</pre>")]
    [InlineData("<br/><div/>in div", "<br><div>in div</div>")]
    [InlineData("<p>a<img src=x>b<hr>c", "<p>a<img>b</p><hr>c")]
    [InlineData("<my-widget>x</my-widget>", "<my-widget>x</my-widget>")]
    public void Names_void_elements_and_self_closing(string html, string expected) => Assert.Equal(expected, TreeText.Body(html));

    [Theory]
    [InlineData("<svg><p>breaks out</p></svg>", "<svg></svg><p>breaks out</p>")]
    [InlineData("<svg><g/><text>t</text></svg>after", "<svg><g></g><text>t</text></svg>after")]
    [InlineData("<svg><foreignObject><div>html</div></foreignObject></svg>", "<svg><foreignobject><div>html</div></foreignobject></svg>")]
    [InlineData("<body><template><p>hidden</p></template>shown", "<template></template>shown")]
    [InlineData("<table><tr><td><template><table><caption>x</template>in cell</table>", "<table><tbody><tr><td><template></template>in cell</td></tr></tbody></table>")]
    public void Foreign_content_and_templates(string html, string expected) => Assert.Equal(expected, TreeText.Body(html));

    [Fact]
    public void Head_holds_title_and_meta_and_implied_body_the_rest()
    {
        using var document = LiteTreeBuilder.Parse(
            "<title>T &amp; U</title><meta property=og:title content='O'><link rel=x>text<meta name=late>",
            SegmentationLimits.Default,
            CancellationToken.None);

        Assert.Equal(["title", "meta", "link"], document.Head!.Value.Children.Select(c => c.LocalName));
        Assert.Equal("T & U", document.Head.Value.Children.First().TextContent());
        Assert.Equal("O", document.Head.Value.Children.ElementAt(1).GetAttribute(LiteAttribute.Content));
        Assert.Equal("text<meta>", TreeText.Render(document.Body!.Value));
    }

    [Fact]
    public void Late_html_and_body_tags_lend_their_attributes()
    {
        using var document = LiteTreeBuilder.Parse("x<html class=a><body class=b>", SegmentationLimits.Default, CancellationToken.None);
        Assert.Equal("a", document.Root.GetAttribute(LiteAttribute.Class));
        Assert.Equal("b", document.Body!.Value.GetAttribute(LiteAttribute.Class));
    }

    [Fact]
    public void Unclosed_elements_close_at_end_of_input() =>
        Assert.Equal("<div><section><p><b>open</b></p></section></div>", TreeText.Body("<div><section><p><b>open"));

    [Theory]
    [InlineData("<p>before</p><div class=\"unterminated", "<p>before</p>")]
    [InlineData("<p>before</p><div", "<p>before</p>")]
    [InlineData("<p>before</p><!-- never closed <p>x", "<p>before</p>")]
    public void A_tag_or_comment_cut_by_the_end_of_input_is_dropped(string html, string expected) => Assert.Equal(expected, TreeText.Body(html));

    [Fact]
    public void Nesting_past_the_cap_continues_as_siblings_at_the_cap()
    {
        var limits = SegmentationLimits.Default with { MaxDepth = 4 };
        // html and body take two of the four levels.
        Assert.Equal("<div><div><div></div><div>a</div><div>b</div><div>c</div></div></div>", TreeText.Body("<div><div><div><div>a<div>b<div>c", limits));
    }

    [Fact]
    public void Hundred_thousand_deep_nesting_builds_in_linear_time_on_a_small_stack()
    {
        // Timed against a quarter of the depth on the same thread shape, so the bound holds however busy the machine
        // is: linear time makes four times the depth about four times as slow, a quadratic build sixteen times.
        var quarter = Build(25_000);
        var full = Build(100_000);
        Assert.True(full < (10 * quarter) + TimeSpan.FromSeconds(1), $"100,000 levels took {full}, 25,000 took {quarter}");

        static TimeSpan Build(int depth)
        {
            var html = string.Concat(Enumerable.Repeat("<div><span>", depth)) + "deep" + string.Concat(Enumerable.Repeat("</i></span></p>", depth));
            string? body = null;
            var clock = Stopwatch.StartNew();
            var thread = new Thread(() => body = TreeText.Body(html), maxStackSize: 256 * 1024);
            thread.Start();
            Assert.True(thread.Join(TimeSpan.FromSeconds(60)), $"{depth:N0} levels did not build within a minute");
            clock.Stop();
            Assert.Contains("deep", body, StringComparison.Ordinal);
            return clock.Elapsed;
        }
    }

    [Fact]
    public void More_start_tags_than_max_nodes_are_refused()
    {
        var limits = SegmentationLimits.Default with { MaxNodes = 100 };
        var error = Assert.Throws<PageRejectedException>(() => TreeText.Body(string.Concat(Enumerable.Repeat("<i>x</i>", 101)), limits));
        Assert.Equal(PageRejection.TooManyNodes, error.Reason);
    }

    [Fact]
    public void A_cancelled_token_stops_the_build()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var html = string.Concat(Enumerable.Repeat("<p>x</p>", 10_000));
        Assert.Throws<OperationCanceledException>(() => LiteTreeBuilder.Parse(html, SegmentationLimits.Default, cancelled.Token));
    }
}
