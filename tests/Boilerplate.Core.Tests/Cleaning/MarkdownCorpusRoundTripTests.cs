using System.Net;
using System.Text.RegularExpressions;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;
using Boilerplate.Training;
using Markdig;
using Xunit.Abstractions;

namespace Boilerplate.Core.Tests.Cleaning;

/// <summary>
/// Every block of a real corpus, rendered as Markdown with its links, images, emphasis and code and read back by
/// a CommonMark parser, says exactly its text: escaping lets no character of the page turn into markup, and no
/// markup we write leaks into the text. The HTML out of every page holds only the renderer's own elements.
/// </summary>
[Trait("Category", "Quality")]
public partial class MarkdownCorpusRoundTripTests(ITestOutputHelper output)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    private static readonly HashSet<string> OwnElements =
    [
        "article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "em", "strong", "code", "img", "figure", "ul", "ol", "li",
        "blockquote", "pre", "table", "thead", "tbody", "tr", "th", "td",
    ];

    [Theory]
    [InlineData("readability-pages")]
    [InlineData("wcxb-dev")]
    public void Every_block_of_a_corpus_reads_back_as_its_text(string corpus)
    {
        var segmenter = new HtmlSegmenter(SegmentationLimits.Default);
        int blocks = 0, links = 0, images = 0, emphasis = 0, code = 0;
        var failures = new List<string>();
        foreach (var labelled in LabelledDataset.Load(SharedData.PathOf("datasets", corpus)).Pages)
        {
            var page = segmenter.Segment(labelled.ReadHtml(), "https://example.com/dir/page.html", CancellationToken.None);
            foreach (var block in page.Blocks.Where(b => b.Kind is not (BlockKind.Code or BlockKind.TableRow)))
            {
                var markdown = MarkdownRenderer.Render([block], title: null, page.BaseUri);
                var html = Markdown.ToHtml(markdown, Pipeline);
                blocks++;
                links += Count(html, "<a href=\"http");
                images += Count(html, "<img src=\"http");
                emphasis += Count(html, "<em>") + Count(html, "<strong>");
                code += Count(html, "<code>");
                if (Collapse(TextOf(html)) != Collapse(block.Text) && failures.Count < 10)
                {
                    failures.Add($"{labelled.Key}: {block.Text}\n  markdown: {markdown}\n  read back: {TextOf(html)}");
                }
            }

            var article = HtmlRenderer.Render(page.Blocks, page.Title, page.BaseUri);
            var foreign = ElementNames().Matches(article).Select(m => m.Groups[1].Value).Where(name => !OwnElements.Contains(name)).ToList();
            Assert.True(foreign.Count == 0, $"{labelled.Key}: {string.Join(", ", foreign)}");
        }

        output.WriteLine($"{blocks} blocks: {links} links, {images} images, {emphasis} emphasis, {code} code spans read back");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(links > 1000 && images > 50 && emphasis > 100 && code > 10, $"{links} links, {images} images, {emphasis} emphasis, {code} code");
    }

    private static int Count(string text, string what) => Regex.Count(text, Regex.Escape(what));

    private static string TextOf(string html) => WebUtility.HtmlDecode(Tags().Replace(html, string.Empty));

    private static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<([a-zA-Z0-9]+)")]
    private static partial Regex ElementNames();
}
