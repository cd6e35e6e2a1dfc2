using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Features;

public sealed class ArticleRootTests
{
    private const int Labels = 2;

    [Fact]
    public void The_deepest_element_with_most_of_a_labels_text_is_its_root()
    {
        var page = Html(
            "<body><nav><a href=/a>Home</a></nav><main><article>" +
            "<div><p>First long paragraph of the story, with many words.</p><p>Second long paragraph of it.</p></div>" +
            "<aside><p>A related story</p></aside></article></main><footer><p>About us</p></footer></body>");
        Assert.Equal(["Home", "First long paragraph of the story, with many words.", "Second long paragraph of it.", "A related story", "About us"], page.Page.Blocks.Select(b => b.Text));

        // Label 0 ("body") sits in the two story paragraphs, label 1 everywhere else.
        var features = Compute(page, [0f, 1f, 0.9f, 0.1f, 0.8f, 0.2f, 0.1f, 0.9f, 0f, 1f]);

        // Body's root is the div holding both paragraphs: the aside is outside it, though it shares the article.
        Assert.Equal([0f, 1f, 1f, 0f, 0f], features.Select(f => f[0]));
        var rootShare = features[1][1];
        Assert.InRange(rootShare, 0.7f, 0.95f);
        Assert.All(features, f => Assert.Equal(rootShare, f[1]));
    }

    [Fact]
    public void Paragraphs_written_into_sibling_divs_share_their_root()
    {
        var page = Html("<div class=chapter><div>One line of the chapter.</div><div>Another line of it.</div><div>Yet another line.</div></div><div>Comments</div>");
        var features = Compute(page, [0.9f, 0.1f, 0.3f, 0.7f, 0.9f, 0.1f, 0.1f, 0.9f]);

        // The middle line scored low on its own, but it lies where the chapter's text is.
        Assert.Equal([1f, 1f, 1f, 0f], features.Select(f => f[0]));
    }

    [Fact]
    public void Text_input_has_no_root()
    {
        var page = new PreparedPage(new TextSegmenter().FromParagraphs(["One paragraph.", "Another one."], null));
        var features = Compute(page, [0.9f, 0.1f, 0.2f, 0.8f]);
        Assert.All(features, f => Assert.All(f, value => Assert.Equal(ArticleRoot.Absent, value)));
    }

    private static PreparedPage Html(string html) => new(new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, default));

    /// <summary>The features of each block: [in root of label 0, root share of label 0, in root of label 1, root share of label 1].</summary>
    private static float[][] Compute(PreparedPage page, float[] probabilities)
    {
        var output = new float[page.Count * Labels * ArticleRoot.PerLabel];
        ArticleRoot.Compute(page, probabilities, Labels, output);
        return output.Chunk(Labels * ArticleRoot.PerLabel).ToArray();
    }
}
