using System.Diagnostics;
using System.Text;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Segmentation;

/// <summary>
/// Pages built to break parsers. Each must end in a result or a <see cref="PageRejectedException"/>, within a time
/// bound generous enough for a loaded two-core CI runner yet far below what the unguarded cases took (minutes).
/// They run on a 1 MB stack thread on purpose: nothing in the segmenter may need a big stack. Every page that
/// segments is rendered as Markdown and HTML too, inside the same bound.
/// </summary>
public class HostileInputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static SegmentedPage Run(string html) => Run(html, SegmentationLimits.Default);

    private static SegmentedPage Run(string html, SegmentationLimits limits)
    {
        SegmentedPage? page = null;
        Exception? failure = null;
        var clock = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                page = new HtmlSegmenter(limits).Segment(html, "https://example.com/", CancellationToken.None);
                MarkdownRenderer.Render(page.Blocks, page.Title, page.BaseUri);
                HtmlRenderer.Render(page.Blocks, page.Title, page.BaseUri);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 1024 * 1024);
        thread.Start();
        Assert.True(thread.Join(Bound), $"still running after {Bound}");
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
        return failure is null ? page! : throw failure;
    }

    private static string Repeat(string part, int times) => new StringBuilder(part.Length * times).Insert(0, part, times).ToString();

    [Theory]
    [InlineData("div", true)]
    [InlineData("div", false)]
    [InlineData("b", false)]
    [InlineData("section", true)]
    public void Nesting_100000_deep_yields_the_text(string tag, bool closed)
    {
        var html = Repeat($"<{tag}>", 100_000) + "deep text" + (closed ? Repeat($"</{tag}>", 100_000) : string.Empty);
        var page = Run(html);
        var block = Assert.Single(page.Blocks);
        Assert.Equal("deep text", block.Text);
        Assert.True(block.Dom!.Depth <= SegmentationLimits.Default.MaxDepth);
    }

    [Fact]
    public void Inline_markup_nested_40000_deep_and_giant_image_attributes_stay_bounded()
    {
        var html = "<p>" + Repeat("<a href=\"/a\"><b><i><code>", 40_000) + "deep text" + "</p>"
            + "<p>pictures <img srcset=\"" + Repeat("/x.jpg 100w, ", 200_000) + "\" alt=\"" + new string('a', 1_000_000) + "\"> here</p>";
        var page = Run(html);

        Assert.Equal("deep text", page.Blocks[0].Text);
        Assert.True(page.Blocks[0].Inlines!.Count <= TextRun.MaxSpans);
        var image = Assert.Single(page.Blocks[1].Inlines!);
        Assert.True(image.AltText().Length <= InlineSpan.MaxAltChars);
        Assert.Contains("deep text", MarkdownRenderer.Render(page.Blocks, page.Title, page.BaseUri), StringComparison.Ordinal);
    }

    [Fact]
    public void Chained_streamed_segments_stay_bounded()
    {
        // Each segment holds the next one's placeholder 400 levels down: moved blindly, the tree would be 160,000 deep.
        var html = new StringBuilder("<body><template id=\"P:0\"></template>");
        for (var i = 0; i < 400; i++)
        {
            html.Append($"<div hidden id=\"S:{i}\">").Append(Repeat("<div>", 400)).Append($"text {i}<template id=\"P:{i + 1}\"></template>")
                .Append(Repeat("</div>", 400)).Append("</div>");
        }

        var page = Run(html.ToString());

        Assert.Contains(page.Blocks, block => block.Text == "text 0");
    }

    [Fact]
    public void An_eight_megabyte_tag_name_is_cut_and_costs_its_blocks_nothing()
    {
        var name = "x" + new string('a', 8_000_000);
        var paragraphs = string.Concat(Enumerable.Range(0, 40).Select(i => $"<p>Paragraph {i}.</p>"));
        var page = Run($"<{name}>{paragraphs}<p>After.</p>");

        Assert.Equal(41, page.Blocks.Count);
        Assert.All(page.Blocks, block => Assert.True(block.Dom!.AncestorTags.Length < 1000));
    }

    [Fact]
    public void Ten_megabyte_text_node_is_truncated_to_the_block_limit()
    {
        var limits = SegmentationLimits.Default with { MaxInputChars = 11_000_000 };
        var page = Run("<p>" + new string('a', 10_000_000) + "</p><p>after</p>", limits);
        Assert.Equal([limits.MaxBlockChars, 5], page.Blocks.Select(b => b.Text.Length));
    }

    [Fact]
    public void A_million_tiny_elements_are_refused_as_too_large()
    {
        var error = Assert.Throws<PageRejectedException>(() => Run(Repeat("<i>x</i>", 1_000_000)));
        Assert.Equal(PageRejection.TooManyNodes, error.Reason);
        Assert.Contains("MaxNodes", error.Message);
    }

    [Fact]
    public void Too_many_blocks_are_refused_as_too_large()
    {
        var error = Assert.Throws<PageRejectedException>(() => Run(Repeat("<p>x</p>", 101), SegmentationLimits.Default with { MaxBlocks = 100 }));
        Assert.Equal(PageRejection.TooManyParagraphs, error.Reason);
        Assert.Contains("MaxBlocks", error.Message);
    }

    [Fact]
    public void Giant_attributes_cost_little()
    {
        var page = Run($"<div class=\"{new string('x', 3_000_000)} nav\" id=\"{Repeat("a-", 1_000_000)}\"><p>text</p></div>");
        Assert.Equal("text", Assert.Single(page.Blocks).Text);
        Assert.True(page.Blocks[0].Dom!.AttributeTokens.Split(' ').Length <= 40);
    }

    [Theory]
    [InlineData("<p>before</p><!--")]
    [InlineData("<p>before</p><script>")]
    [InlineData("<p>before</p><style>")]
    [InlineData("<p>before</p><textarea>")]
    [InlineData("<p>before</p><title>")]
    public void Unterminated_comment_or_raw_text_swallows_only_what_follows(string head)
    {
        var page = Run(head + Repeat("<p>hidden", 50_000));
        Assert.Equal("before", Assert.Single(page.Blocks).Text);
    }

    [Fact]
    public void Table_template_svg_math_mixes_parse()
    {
        var page = Run(Repeat("<table><tr><td>cell<template><svg><table><tr><td><math><mi><table><caption>hidden</template>", 5_000) + "<p>end</p>");
        Assert.Equal("cell", page.Blocks[0].Text);
        Assert.Equal("end", page.Blocks[^1].Text);

        // Template content is never page text, however deep the template sits.
        Assert.DoesNotContain(page.Blocks, b => b.Text.Contains("hidden", StringComparison.Ordinal));
    }

    [Fact]
    public void Misnested_formatting_elements_parse()
    {
        Run(Repeat("<a href=x><b><p>t</a>", 5_000));
    }

    [Fact]
    public void Right_to_left_and_combining_characters_survive()
    {
        const string Arabic = "مرحبا بالعالم";
        const string Combining = "e\u0301te\u0301 Z\u0351\u0353a\u0344l\u0358g\u0360o\u0489";
        var page = Run($"<p dir=\"rtl\">{Arabic}</p><p>\u202E{Combining}\u202C</p>");
        Assert.Equal([Arabic, $"\u202E{Combining}\u202C"], page.Blocks.Select(b => b.Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("<html></html>")]
    [InlineData("</p></div></body>")]
    public void Empty_pages_give_no_blocks(string html) => Assert.Empty(Run(html).Blocks);
}
