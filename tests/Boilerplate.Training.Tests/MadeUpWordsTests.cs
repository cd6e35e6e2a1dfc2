using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training;

namespace Boilerplate.Training.Tests;

[Trait("Category", "Unit")]
public sealed class MadeUpWordsTests
{
    private const string Page = """
        <html><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        <article><p>The harbour authority opened the new ferry terminal on Monday after three years of building work.</p>
        <p>Passengers will reach the islands in half the time, the operator said on 12 May 2024.</p></article>
        <footer><p>© 2024 Harbour News. All rights reserved.</p></footer>
        </body></html>
        """;

    private const string Body = "The harbour authority opened the new ferry terminal on Monday after three years of building work.\n\n"
        + "Passengers will reach the islands in half the time, the operator said on 12 May 2024.";

    [Fact]
    public void A_text_keeps_its_length_case_digits_and_punctuation_but_not_its_words()
    {
        const string Text = "Ferry Terminal opens: 3 years, 40 million euros (FERRY)!";

        var made = MadeUpWords.Rewrite(Text, 7u);

        Assert.Equal(Text.Length, made.Length);
        for (var i = 0; i < Text.Length; i++)
        {
            Assert.Equal(char.IsLetter(Text[i]), char.IsLetter(made[i]));
            Assert.Equal(char.IsUpper(Text[i]), char.IsUpper(made[i]));
            if (!char.IsLetter(Text[i]))
            {
                Assert.Equal(Text[i], made[i]);
            }
        }

        Assert.DoesNotContain("Ferry", made, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("euros", made, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_word_is_the_same_made_up_word_within_a_vocabulary_and_another_in_the_next()
    {
        var first = MadeUpWords.Rewrite("ferry Ferry FERRY", 7u).Split(' ');
        var again = MadeUpWords.Rewrite("ferry", 7u);
        var elsewhere = MadeUpWords.Rewrite("ferry", 8u);

        Assert.Equal(first[0], again);
        Assert.Equal(first[0], first[1].ToLowerInvariant());
        Assert.Equal(first[0], first[2].ToLowerInvariant());
        Assert.NotEqual(first[0], elsewhere);
        Assert.NotEqual(first[0], MadeUpWords.Rewrite("terry", 7u));
    }

    [Fact]
    public void Legal_blocks_keep_their_words_and_every_other_block_loses_them()
    {
        var page = new SegmentedPage(
            "Title",
            [new Block("Harbour news today", BlockKind.Heading), new Block("Home News Sport", BlockKind.Paragraph), new Block("All rights reserved.", BlockKind.Paragraph)],
            InputFormat.Text);

        var made = MadeUpWords.Rewrite(page, [Labels.Body, Labels.Navigation, Labels.Legal], 3u);

        Assert.NotEqual("Harbour news today", made.Blocks[0].Text);
        Assert.Equal(BlockKind.Heading, made.Blocks[0].Kind);
        Assert.NotEqual("Home News Sport", made.Blocks[1].Text);
        Assert.Same(page.Blocks[2], made.Blocks[2]);
        Assert.Throws<ArgumentException>(() => MadeUpWords.Rewrite(page, [Labels.Body], 3u));
    }

    [Fact]
    public void The_share_chooses_about_that_many_pages_and_none_or_all_at_its_ends()
    {
        var keys = Enumerable.Range(0, 2000).Select(i => $"wcxb-dev/{i:0000}").ToList();

        var chosen = keys.Count(k => MadeUpWords.IsChosen(k, 0.3));

        Assert.InRange(chosen, 520, 680);
        Assert.DoesNotContain(keys, k => MadeUpWords.IsChosen(k, 0));
        Assert.All(keys, k => Assert.True(MadeUpWords.IsChosen(k, 1)));
    }

    [Fact]
    public void A_chosen_corpus_page_is_learnt_once_more_in_both_whole_views_with_the_same_labels()
    {
        var page = CorpusPage("a") with { PageType = "article" };

        var plain = new TrainingPageBuilder().FromCorpusPage(page, 1f, CancellationToken.None);
        var withMadeUp = new TrainingPageBuilder(madeUpWordsShare: 1).FromCorpusPage(page, 1f, CancellationToken.None);

        Assert.Equal(plain.Count + 2, withMadeUp.Count);
        var added = withMadeUp.Where(v => v.IsPageView && !plain.Any(p => p.IsPageView && SameTexts(p, v))).ToList();
        Assert.Equal([InputFormat.Html, InputFormat.Text], added.Select(v => v.Page.Format).Order());
        foreach (var view in added)
        {
            var real = plain.Single(p => p.IsPageView && p.Page.Format == view.Page.Format);
            Assert.Equal(real.Labels, view.Labels);
            Assert.Equal(real.Key, view.Key);
            Assert.Equal("article", real.PageType);
            Assert.Null(view.PageType); // the page-type model reads no words: a made-up copy would weigh the page twice
            Assert.Equal(real.Page.Blocks.Select(b => b.Text.Length), view.Page.Blocks.Select(b => b.Text.Length));
            Assert.Contains(view.Labels, label => label == Labels.Body);
            Assert.DoesNotContain(view.Page.Blocks, b => b.Text.Contains("harbour", StringComparison.OrdinalIgnoreCase) && !b.Text.Contains("rights", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_share_is_checked_with_the_other_options()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { MadeUpWordsShare = 1.5 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { MadeUpWordsShare = -0.1 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions { MadeUpWordsShare = double.NaN }.Validate());
    }

    private static bool SameTexts(TrainingPage a, TrainingPage b) =>
        a.Page.Format == b.Page.Format && a.Page.Blocks.Select(x => x.Text).SequenceEqual(b.Page.Blocks.Select(x => x.Text));

    private static LabelledPage CorpusPage(string id) => TestCorpusPages.Write(id, Page, Body);
}
