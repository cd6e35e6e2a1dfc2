using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training;

namespace Boilerplate.Training.Tests;

[Trait("Category", "Unit")]
public sealed class SamplePlacementTests
{
    private const string Page = """
        <html><body>
        <header class="masthead"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></header>
        <article><p>The harbour authority opened the new ferry terminal on Monday after three years of building work.</p>
        <p>Passengers will be able to reach the islands in half the time, the operator said in a statement.</p></article>
        <footer class="site-foot"><a href="/about">About us</a> <a href="/jobs">Jobs</a></footer>
        </body></html>
        """;

    private const string Body = "The harbour authority opened the new ferry terminal on Monday after three years of building work.\n\n"
        + "Passengers will be able to reach the islands in half the time, the operator said in a statement.";

    [Fact]
    public void A_sample_lands_only_in_whole_views_of_its_own_fold_with_its_label()
    {
        var views = new TrainingPageBuilder().FromCorpusPage(CorpusPage("a"), 1f, CancellationToken.None)
            .Concat(new TrainingPageBuilder().FromCorpusPage(CorpusPage("b"), 1f, CancellationToken.None)).ToList();
        const string Notice = "Opinions in guest columns are the writers' own and do not bind the publisher.";
        var sample = new TrainingSample.Paragraph(Notice, Labels.Legal, null, null, null, "samples.jsonl:1");

        var placed = SamplePlacement.Place(views, [sample], key => key is "test/a" || key == TrainingPageBuilder.KeyOf(sample) ? 0 : 1);

        Assert.Equal(views.Count, placed.Count);
        for (var p = 0; p < views.Count; p++)
        {
            var at = placed[p].Page.Blocks.ToList().FindIndex(b => b.Text == Notice);
            if (views[p].Key == "test/a" && views[p].IsPageView)
            {
                Assert.True(at >= 0, $"not placed into {views[p].Page.Format} view");
                Assert.Equal(Labels.Legal, placed[p].Labels[at]);
                Assert.Equal(views[p].Labels.Count + 1, placed[p].Labels.Count);
                Assert.Equal(placed[p].Labels.Count, placed[p].Page.Blocks.Count);
                if (views[p].Page.Format == InputFormat.Html)
                {
                    // In the markup of the block beside it: a paragraph of that block's container.
                    var dom = placed[p].Page.Blocks[at].Dom!;
                    Assert.Equal("p", dom.Tag);
                    Assert.Contains(placed[p].Page.Blocks.Where((_, i) => i != at), b => b.Dom?.ContainerId == dom.ContainerId);
                }
            }
            else
            {
                Assert.Same(views[p], placed[p]);
            }
        }
    }

    [Fact]
    public void A_body_sample_lands_after_an_article_paragraph_and_placing_is_repeatable()
    {
        var views = new TrainingPageBuilder().FromCorpusPage(CorpusPage("a"), 1f, CancellationToken.None);
        const string Paragraph = "The terminal cost 40 million euros, most of it paid by the regional government and the port.";
        var sample = new TrainingSample.Paragraph(Paragraph, Labels.Body, null, null, null, "samples.jsonl:2");

        var placed = SamplePlacement.Place(views, [sample], _ => 0);
        var again = SamplePlacement.Place(views, [sample], _ => 0);

        foreach (var (page, repeat) in placed.Zip(again).Where(pair => pair.First.IsPageView))
        {
            var at = page.Page.Blocks.ToList().FindIndex(b => b.Text == Paragraph);
            Assert.True(at > 0);
            Assert.Equal(Labels.Body, page.Labels[at - 1]);
            Assert.Equal(page.Page.Blocks.Select(b => b.Text), repeat.Page.Blocks.Select(b => b.Text));
        }
    }

    private static LabelledPage CorpusPage(string id) => TestCorpusPages.Write(id, Page, Body);
}
