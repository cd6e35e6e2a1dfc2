using System.Text;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Segmentation;

public class TextSegmenterTests
{
    private readonly TextSegmenter _segmenter = new();

    [Fact]
    public void Blank_lines_separate_paragraphs_and_single_breaks_are_spaces()
    {
        var page = _segmenter.Segment("First paragraph,\nstill first.\n\n  \nSecond paragraph.", null);
        Assert.Equal(["First paragraph, still first.", "Second paragraph."], page.Blocks.Select(b => b.Text));
        Assert.Equal(InputFormat.Text, page.Format);
        Assert.All(page.Blocks, b => Assert.Null(b.Dom));
    }

    [Fact]
    public void Without_blank_lines_every_line_is_a_paragraph()
    {
        var page = _segmenter.Segment("One.\r\nTwo.\nThree.", null);
        Assert.Equal(["One.", "Two.", "Three."], page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Without_blank_lines_a_line_that_carries_on_a_sentence_joins_the_one_before()
    {
        // A scraper that breaks at every text node cuts a sentence at its link; one that keeps the source's breaks cuts
        // it where the source wrapped.
        var page = _segmenter.Segment("Home\n|\nNews\nA sentence with\na link\n, and more\nwritten on.\nNext one\nTags:\npolitics\n北京\n欢迎你", null);
        Assert.Equal(["Home", "|", "News", "A sentence with a link, and more written on.", "Next one", "Tags:", "politics", "北京", "欢迎你"], page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void A_line_ending_in_a_letter_without_case_is_not_carried_on_by_a_lower_case_line()
    {
        // A notice or a menu entry in Chinese or Japanese above a site's lower-case menu stays a line of its own; a
        // comma still carries it on.
        var page = _segmenter.Segment("京ICP备12345678号 | 隐私政策\nhome style food tech\n次の記事へ\nnews\n北京\n, 上海", null);
        Assert.Equal(["京ICP备12345678号 | 隐私政策", "home style food tech", "次の記事へ", "news", "北京, 上海"], page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void A_line_longer_than_a_paragraph_is_split_into_its_sentences()
    {
        var menu = string.Join(' ', Enumerable.Repeat("Home News Sport", 100));
        var story = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"The council met for the {i}th time on Tuesday."));
        var blob = $"{menu} Weather. {story} “Quoted,” she said. 東京は晴れ。大阪は雨。";
        Assert.True(blob.Length > TextSegmenter.MaxLineChars);

        var blocks = _segmenter.Segment($"Title line\n{blob}", null).Blocks.Select(b => b.Text).ToList();
        Assert.Equal(1 + 1 + 20 + 1 + 1, blocks.Count);
        Assert.EndsWith("Weather.", blocks[1], StringComparison.Ordinal);
        Assert.Equal("The council met for the 1th time on Tuesday.", blocks[2]);
        Assert.Equal(["“Quoted,” she said.", "東京は晴れ。大阪は雨。"], blocks[^2..]);

        // Splitting never takes a page over the paragraph limit: a line of more sentences than the limit stays whole.
        var limited = new TextSegmenter(SegmentationLimits.Default with { MaxBlocks = 10 });
        Assert.Equal(2, limited.Segment($"Title line\n{blob}", null).Blocks.Count);

        // A long paragraph in text with blank lines is the author's paragraph and stays whole.
        Assert.Single(_segmenter.Segment($"{story} {story} {story} {story} {story}\n\nNext.", null).Blocks, b => b.Text.Length > TextSegmenter.MaxLineChars);
    }

    [Fact]
    public void An_overlong_line_of_an_articles_html_source_is_read_as_its_paragraphs()
    {
        // A "republish this story" box hands readers the article's HTML; a scraper reading the box's text sends that
        // source as one line after the article, which split into sentences would be copies no duplicate test knows.
        var paragraphs = Enumerable.Range(1, 12)
            .Select(i => $"The harbour board met for the {i}th time this spring, and its members argued about the new quay until late at night.")
            .ToList();
        var source = "<h1>Harbour board meets</h1> <p class=\"byline\">by A. Writer &amp; B. Editor</p> "
            + string.Join(' ', paragraphs.Select(p => $"<p>{p.Replace("harbour board", "<a href=\"https://example.org/board\">harbour board</a>", StringComparison.Ordinal)}</p>"))
            + " <script>track('republish');</script>";
        Assert.True(source.Length > TextSegmenter.MaxLineChars);

        var blocks = _segmenter.Segment($"Title line\nRepublish this story\n{source}", null).Blocks.Select(b => b.Text).ToList();
        Assert.Equal(["Title line", "Republish this story", "Harbour board meets", "by A. Writer & B. Editor", .. paragraphs], blocks);
    }

    [Fact]
    public void An_overlong_line_of_markup_without_paragraphs_is_split_as_text()
    {
        // A code sample's table source holds no paragraphs: it is the page's text, cut at sentences as any long line.
        var cells = string.Join(' ', Enumerable.Range(1, 120).Select(i => $"<td>row {i}: {i * i}</td>"));
        var table = $"<table> <tr> {cells} </tr> </table>";
        Assert.True(table.Length > TextSegmenter.MaxLineChars);

        var blocks = _segmenter.Segment($"Title line\n{table}", null).Blocks;
        Assert.Equal(2, blocks.Count);
        Assert.Equal(table, blocks[1].Text);
    }

    [Theory]
    [InlineData("<script>x <p>y</p> ", 30_000)]
    [InlineData("<p>x</p> ", 40_000)]
    [InlineData("<script>x <p>y</p> ", 250_000)]
    [InlineData("<style>x</style><p>y</p> <script>", 200_000)]
    [InlineData("<p>x</p> ", 700_000)]
    public void Megabytes_of_html_source_on_one_line_cost_linear_time(string part, int times)
    {
        // Source within the page's node limit is parsed (an unclosed script swallows the rest as raw text), more tags
        // than that stay text, and paragraphs past the page's paragraph limit fall back to the line kept whole.
        var line = "<p>a</p> <p>b</p> <p>c</p> " + new StringBuilder(part.Length * times).Insert(0, part, times);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var page = _segmenter.Segment("Title line\n" + line, null);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.InRange(page.Blocks.Count, 2, SegmentationLimits.Default.MaxBlocks);
    }

    [Fact]
    public void Training_can_keep_every_line_as_it_was_written()
    {
        var page = new TextSegmenter(repairLineBreaks: false).Segment("A sentence with\na link\nin it.", null);
        Assert.Equal(["A sentence with", "a link", "in it."], page.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Short_first_line_is_the_title_and_a_level_one_heading()
    {
        var page = _segmenter.Segment("U.S. drones fight Mx drug trade\n\nWASHINGTON _ Stepping up its involvement.", "https://x");
        Assert.Equal("U.S. drones fight Mx drug trade", page.Title);
        Assert.Equal((BlockKind.Heading, 1), (page.Blocks[0].Kind, page.Blocks[0].Level));
        Assert.Equal("https://x", page.Url);
    }

    [Theory]
    [InlineData("This first line ends like a sentence.\n\nMore text.")]
    [InlineData("Only one paragraph")]
    [InlineData("東京で新しい美術館が開館しました。\n\n市は来年までに展示室を追加する。")]
    [InlineData("新馆何时开放？\n\n市政府表示明年开放。")]
    public void Sentences_and_lone_paragraphs_are_not_titles(string text) => Assert.Equal(string.Empty, _segmenter.Segment(text, null).Title);

    [Fact]
    public void Markdown_cues_give_kinds()
    {
        var page = _segmenter.Segment("## Sub heading\n\n- apple\n- pear\n\n1. first\n\n> quoted text\n\n*emphasis* is not a list", null);
        Assert.Equal(
            [("Sub heading", BlockKind.Heading), ("apple", BlockKind.ListItem), ("pear", BlockKind.ListItem), ("first", BlockKind.ListItem), ("quoted text", BlockKind.Quote), ("*emphasis* is not a list", BlockKind.Paragraph)],
            page.Blocks.Select(b => (b.Text, b.Kind)));
        Assert.Equal(2, page.Blocks[0].Level);
        Assert.True(page.Blocks[3].Ordered);
        Assert.False(page.Blocks[1].Ordered);
    }

    [Fact]
    public void Paragraph_items_become_blocks_and_empty_items_are_skipped()
    {
        var page = _segmenter.FromParagraphs(["Headline here", "  ", "Body  text one.", "Body text two."], null);
        Assert.Equal(["Headline here", "Body text one.", "Body text two."], page.Blocks.Select(b => b.Text));
        Assert.Equal("Headline here", page.Title);
    }
}
