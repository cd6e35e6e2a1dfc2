using Boilerplate.Core.Segmentation;
using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Tests.Segmentation.Html;

public class StreamedSegmentsTests
{
    [Fact]
    public void A_completed_boundary_replaces_its_fallback_where_the_script_says()
    {
        var html = """
            <main><!--$?--><template id="B:0"></template><p>Loading…</p><!--/$--><p>After.</p></main>
            <div hidden id="S:0"><p>The article.</p></div><script>$RC("B:0","S:0")</script>
            """;

        Assert.Equal("<main><p>The article.</p><p>After.</p></main><script></script>", Compact(TreeText.Body(html)));
    }

    [Fact]
    public void Pages_saved_without_scripts_fill_placeholders_and_boundaries_by_number()
    {
        var html = """
            <header><!--$?--><template id="B:1"></template><!--/$--></header>
            <div hidden id="S:1"><template id="P:2"></template><p>Menu</p></div>
            <div hidden id="S:2"><article><p>Story.</p></article></div>
            """;

        Assert.Equal("<header><article><p>Story.</p></article><p>Menu</p></header>", Compact(TreeText.Body(html)));
    }

    [Fact]
    public void A_fallback_ends_at_its_own_closing_comment_past_nested_boundaries()
    {
        var html = """
            <div><!--$?--><template id="B:0"></template><!--$--><p>inner</p><!--/$--><p>spinner</p><!--/$--><p>tail</p></div>
            <div hidden id="S:0"><p>content</p></div>
            """;

        Assert.Equal("<div><p>content</p><p>tail</p></div>", Compact(TreeText.Body(html)));
    }

    [Theory]
    [InlineData("""<div hidden id="S:5"><p>x</p></div>""")]
    [InlineData("""<div hidden id="S:1"><template id="P:1"></template><p>x</p></div>""")]
    [InlineData("""<div id="S:1"><p>x</p></div><template id="P:1"></template>""")]
    [InlineData("""<template id="P:1"></template><div hidden id="S:1"><p>x</p></div><script>$RS("S:1","P:9")</script>""")]
    public void Segments_without_a_placeholder_or_inside_their_own_stay_as_they_are(string html)
    {
        Assert.Equal(Compact(TreeText.Body(html.Replace("S:", "Q:", StringComparison.Ordinal).Replace("P:", "R:", StringComparison.Ordinal))),
            Compact(TreeText.Body(html)));
    }

    [Fact]
    public void Moves_that_would_take_the_tree_past_the_depth_cap_are_not_made()
    {
        var limits = SegmentationLimits.Default with { MaxDepth = 64 };
        var html = "<body><template id=\"P:0\"></template>" + string.Concat(Enumerable.Range(0, 4).Select(i =>
            $"<div hidden id=\"S:{i}\">{string.Concat(Enumerable.Repeat("<div>", 20))}text {i}<template id=\"P:{i + 1}\"></template>{string.Concat(Enumerable.Repeat("</div>", 20))}</div>"));

        using var document = LiteTreeBuilder.Parse(html, limits, CancellationToken.None);

        // Three segments fit below the cap (about 20 levels each); the fourth stays hidden where it was.
        Assert.True(MaxDepth(document.Root) <= limits.MaxDepth);
        Assert.Contains("text 2", TreeText.Render(document.Body!.Value), StringComparison.Ordinal);
    }

    private static int MaxDepth(LiteNode root)
    {
        var deepest = 0;
        var stack = new Stack<(LiteNode Node, int Depth)>([(root, 0)]);
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            for (var child = node.FirstChild; child is { } c; child = c.NextSibling)
            {
                stack.Push((c, depth + 1));
            }
        }

        return deepest;
    }

    [Fact]
    public void The_segmenter_reads_a_streamed_article_as_visible_text()
    {
        var html = """
            <body><nav><a href="/">Home</a></nav><!--$?--><template id="B:0"></template><p>Loading</p><!--/$-->
            <div hidden id="S:0"><article><p>A paragraph of the story that arrived late.</p></article></div></body>
            """;

        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, "https://example.com/a", CancellationToken.None);

        Assert.Equal(["Home", "A paragraph of the story that arrived late."], page.Blocks.Select(b => b.Text));
    }

    private static string Compact(string tree) => string.Concat(tree.Split('\n').Select(line => line.Trim()));
}
