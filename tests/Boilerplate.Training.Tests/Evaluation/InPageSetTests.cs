using Boilerplate.Core.Segmentation;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training.Tests.Evaluation;

public sealed class InPageSetTests
{
    private const string First = "The first paragraph of the story opens here with enough words.";
    private const string Last = "The last paragraph of the story closes it with enough words.";

    [Fact]
    public void The_article_end_is_found_in_the_body_not_in_json_ld_or_attributes()
    {
        var html = "<html><head><script type=\"application/ld+json\">{\"articleBody\":\"" + First + " " + Last + "\"}</script>"
            + "<meta name=\"description\" content=\"" + Last + "\"></head><body>"
            + "<img alt=\"" + Last + "\"><article><p>" + First + "</p><p>" + Last + "</p></article><footer>x</footer></body></html>";
        var host = new InPageHost(html, First + "\n\n" + Last);

        var end = InPageSet.ArticleEndOf(host);

        Assert.Equal(html.IndexOf("</article>", StringComparison.Ordinal), end);
    }

    [Fact]
    public void The_article_end_of_a_page_written_without_spaces_is_after_its_last_paragraph()
    {
        // The middle paragraph has spaces around Latin names; the last has none, and is still the article's end.
        const string Opening = "宇航员在太空中喝酒会怎么样？这是一个有趣的问题。";
        const string Middle = "纽约州立大学（State University of New York，SUNY）的教授研究酒精超过四十年。";
        const string Closing = "所以，当宇航员在地球轨道上时，还不得不满足于欣赏外面的景色。";
        var html = $"<html><body><article><p>{Opening}</p><p>{Middle}</p><p>{Closing}</p></article><footer>x</footer></body></html>";

        var end = InPageSet.ArticleEndOf(new InPageHost(html, string.Join("\n\n", Opening, Middle, Closing)));

        Assert.Equal(html.IndexOf("</article>", StringComparison.Ordinal), end);
    }

    [Fact]
    public void A_page_whose_article_words_stand_only_in_a_script_is_no_host()
    {
        var html = "<html><body><script>var s = \"" + Last + "\";</script><div id=\"app\"></div></body></html>";

        Assert.Equal(-1, InPageSet.ArticleEndOf(new InPageHost(html, First + "\n\n" + Last)));
    }

    [Fact]
    public void A_header_paragraph_goes_into_the_body_the_page_shows_not_one_in_a_conditional_comment()
    {
        var html = "<html><head></head><!--[if IE 9]><body class=\"ie9\"><![endif]--><!--[if !IE]><!--><body class=\"page\"><!--<![endif]-->"
            + "<article><p>" + First + "</p></article></body></html>";

        var placed = InPageSet.Place(html, 0, "Impressum · Datenschutz", InPagePlacement.Header, telling: false);

        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(placed, null, CancellationToken.None);
        Assert.Contains(page.Blocks, b => b.Text == "Impressum · Datenschutz");
    }

    [Fact]
    public void A_footer_paragraph_goes_before_the_body_end_the_page_shows_not_one_in_a_comment()
    {
        var html = "<html><head></head><body><article><p>" + First + "</p></article></body><!-- old layout: </body> --></html>";

        var placed = InPageSet.Place(html, 0, "Impressum · Datenschutz", InPagePlacement.Footer, telling: false);

        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(placed, null, CancellationToken.None);
        Assert.Contains(page.Blocks, b => b.Text == "Impressum · Datenschutz");
    }
}
