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
