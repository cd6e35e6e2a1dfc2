using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training.Tests;

public sealed class BlockLabelerTests
{
    private const string Article = """
        Introduction

        The river has flooded the lower town three times in the last ten years, and each time the repairs took months.

        Engineers now propose a wall of movable gates that can be closed within an hour when the water rises.
        """;

    [Fact]
    public void Labels_body_by_overlap_and_the_rest_as_navigation_or_legal()
    {
        Block[] blocks =
        [
            new("Home | Town | Weather", BlockKind.Other),
            new("Introduction", BlockKind.Heading) { Level = 2 },
            new("The river has flooded the lower town three times in the last ten years, and each time the repairs took months.", BlockKind.Paragraph),
            // Reworded slightly: still mostly the body's shingles.
            new("Engineers now propose a wall of movable gates that can be closed within one hour when the water rises.", BlockKind.Paragraph),
            new("Share this article", BlockKind.Paragraph),
            new("We use cookies to improve your experience. Read our cookie policy.", BlockKind.Paragraph),
            new("© 2025 Town Paper. All rights reserved.", BlockKind.Paragraph),
            // A short text found in the body, but far outside the article's stretch: a menu entry.
            new("Introduction", BlockKind.ListItem),
        ];

        var labels = new BlockLabeler(Article).Label(blocks);

        Assert.Equal(
            ["navigation", "body", "body", "body", "navigation", "legal", "legal", "navigation"],
            labels);
    }

    [Fact]
    public void Long_runs_of_Chinese_mark_the_article_stretch_though_each_is_one_token()
    {
        // A photo blog: every caption is one or two tokens (no spaces in Chinese), none long enough for shingles.
        const string captions = """
            來到現場已是落葉飄飄堆疊滿地

            營區水電方便 水槽也很有特色

            期盼下的天空終於放晴 沒有缺席的藍天還是準時赴約如期出席
            """;
        Block[] blocks =
        [
            new("首頁", BlockKind.ListItem),
            new("來到現場已是落葉飄飄堆疊滿地", BlockKind.Paragraph),
            new("營區水電方便 水槽也很有特色", BlockKind.Paragraph),
            new("期盼下的天空終於放晴 沒有缺席的藍天還是準時赴約如期出席", BlockKind.Paragraph),
            new("留言", BlockKind.ListItem),
            new("相關文章", BlockKind.ListItem),
            new("熱門文章", BlockKind.ListItem),
            new("營區水電方便", BlockKind.ListItem),
        ];

        var labels = new BlockLabeler(captions).Label(blocks);

        // The short "營區水電方便" also matches the body, but lies past the captions' stretch: a link elsewhere.
        Assert.Equal(["navigation", "body", "body", "body", "navigation", "navigation", "navigation", "navigation"], labels);
    }

    [Fact]
    public void Legal_markup_marks_a_block_legal()
    {
        var block = new Block("By browsing on you accept how we store data on your device.", BlockKind.Paragraph)
        {
            Dom = new BlockDom("p", "html body div", "consent banner", 0f, 0, 3, 1),
        };
        Assert.Equal(Labels.Legal, BlockLabeler.BoilerplateLabel(block));
        Assert.Equal(Labels.Navigation, BlockLabeler.BoilerplateLabel(block with { Dom = null }));
    }

    [Fact]
    public void A_link_list_naming_one_legal_page_stays_navigation()
    {
        var list = new Block("Home | News | Sport | Weather | Culture | Travel | Jobs | Contact | Privacy Policy", BlockKind.Other);
        var linkedSentence = new Block("Read our guides on travel, jobs, weather and our privacy policy for readers.", BlockKind.Paragraph)
        {
            Dom = new BlockDom("p", "html body nav", "menu", 0.9f, 5, 3, 1),
        };

        Assert.Equal(Labels.Navigation, BlockLabeler.BoilerplateLabel(list));
        Assert.Equal(Labels.Navigation, BlockLabeler.BoilerplateLabel(linkedSentence));
    }

    [Trait("Category", "Quality")]
    [Fact]
    public void Body_labels_of_a_real_page_reproduce_its_article()
    {
        var dataset = LabelledDataset.Load(SharedData.PathOf("datasets", "readability-pages"));
        var page = dataset.Pages[0];
        var segmented = new HtmlSegmenter(SegmentationLimits.Default).Segment(page.ReadHtml(), page.Url, CancellationToken.None);

        var labels = new BlockLabeler(page.ArticleBody).Label(segmented.Blocks);

        var body = string.Join("\n\n", segmented.Blocks.Where((_, i) => labels[i] == Labels.Body).Select(b => b.Text));
        var score = ArticleMetrics.Compare(page.ArticleBody, body);
        Assert.True(score.F1 > 0.9, $"labels reproduce the article with F1 {score.F1:0.000}");
        Assert.Contains(Labels.Navigation, labels);
    }
}
