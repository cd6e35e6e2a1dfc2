using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Cleaning;

public class ArticleAssemblerTests
{
    private static readonly string[] Labels = ["body", "navigation", "legal"];

    private static (SegmentedPage Page, PageScores Scores) Scored(params (string Text, float Body, float Nav, float Legal)[] rows)
    {
        var page = new SegmentedPage("T", [.. rows.Select(r => new Block(r.Text, BlockKind.Paragraph))], InputFormat.Text);
        return (page, new PageScores(Labels, [.. rows.SelectMany(r => new[] { r.Body, r.Nav, r.Legal })]));
    }

    private static bool[] Kept(CleanResult result) => [.. result.Blocks.Select(p => p.Kept)];

    /// <summary>Segments <paramref name="html"/> and cleans it with every block scored as likely body, so only the duplicate rules decide.</summary>
    private static CleanResult CleanedAsAllBody(string html)
    {
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None);
        var scores = new PageScores(Labels, [.. page.Blocks.SelectMany(_ => new[] { 0.9f, 0.05f, 0.05f })]);
        return ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);
    }

    [Fact]
    public void Default_keeps_blocks_whose_most_probable_label_is_body()
    {
        // 0.40 body beats 0.35 / 0.25 although it is under half: bias 0 is the argmax rule, not a 0.5 threshold.
        var (page, scores) = Scored(("plurality body", 0.40f, 0.35f, 0.25f), ("menu", 0.2f, 0.7f, 0.1f), ("cookies", 0.1f, 0.2f, 0.7f));
        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v1", CancellationToken.None);

        Assert.Equal([true, false, false], Kept(result));
        Assert.Equal(["", "navigation", "legal"], result.Blocks.Select(p => p.Reason));
        Assert.Equal(["body", "navigation", "legal"], result.Blocks.Select(p => p.Label));
        Assert.Equal("plurality body", result.Text);
        Assert.Equal("v1", result.ModelVersion);
        Assert.Equal(Labels, result.Labels);
        Assert.Equal([0.40f, 0.35f, 0.25f], result.Blocks[0].Scores);
    }

    [Fact]
    public void Positive_bias_keeps_more_and_negative_bias_keeps_less()
    {
        var (page, scores) = Scored(("clear", 0.9f, 0.05f, 0.05f), ("close call", 0.45f, 0.5f, 0.05f), ("weak", 0.34f, 0.36f, 0.30f), ("nav", 0.02f, 0.97f, 0.01f));

        Assert.Equal([true, false, false, false], Kept(ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None)));
        Assert.Equal([true, true, true, false], Kept(ArticleAssembler.Clean(page, scores, new CleanOptions { Bias = 0.5f }, "v", CancellationToken.None)));
        // Even full recall drops a block that is 95 points more likely navigation than body.
        var loose = ArticleAssembler.Clean(page, scores, new CleanOptions { Bias = 1f }, "v", CancellationToken.None);
        Assert.Equal([true, true, true, false], Kept(loose));
        Assert.Equal("navigation", loose.Blocks[3].Reason);
        var strict = ArticleAssembler.Clean(page, scores, new CleanOptions { Bias = -1f }, "v", CancellationToken.None);
        Assert.Equal([false, false, false, false], Kept(strict));
        Assert.Equal(ArticleAssembler.BelowThreshold, strict.Blocks[0].Reason);
        Assert.Equal([true, false, false, false], Kept(ArticleAssembler.Clean(page, scores, new CleanOptions { Bias = -0.5f }, "v", CancellationToken.None)));
    }

    [Fact]
    public void Threshold_compares_the_summed_probability_of_keep_labels()
    {
        var (page, scores) = Scored(("a", 0.6f, 0.3f, 0.1f), ("b", 0.3f, 0.3f, 0.4f));

        var result = ArticleAssembler.Clean(page, scores, new CleanOptions { Threshold = 0.7f, Bias = 1f }, "v", CancellationToken.None);
        Assert.Equal([false, false], Kept(result));
        Assert.Equal([ArticleAssembler.BelowThreshold, "legal"], result.Blocks.Select(p => p.Reason));

        var bodyAndLegal = ArticleAssembler.Clean(page, scores, new CleanOptions { Threshold = 0.7f, KeepLabels = ["body", "legal"] }, "v", CancellationToken.None);
        Assert.Equal([true, true], Kept(bodyAndLegal));
    }

    [Fact]
    public void Unknown_keep_label_is_refused_with_the_models_labels()
    {
        var (page, scores) = Scored(("a", 1f, 0f, 0f));
        var error = Assert.Throws<PageRejectedException>(() => ArticleAssembler.Clean(page, scores, new CleanOptions { KeepLabels = ["article"] }, "v", CancellationToken.None));
        Assert.Equal(PageRejection.UnknownLabel, error.Reason);
        Assert.Equal("options.keep_labels", error.Field);
        Assert.Contains("\"article\"", error.Message);
        Assert.Contains("body, navigation, legal", error.Message);
    }

    [Theory]
    [InlineData(1.5f, null)]
    [InlineData(float.NaN, null)]
    [InlineData(0f, 0f)]
    [InlineData(0f, 1.2f)]
    public void Out_of_range_bias_or_threshold_is_refused(float bias, float? threshold)
    {
        var (page, scores) = Scored(("a", 1f, 0f, 0f));
        var error = Assert.Throws<PageRejectedException>(() => ArticleAssembler.Clean(page, scores, new CleanOptions { Bias = bias, Threshold = threshold }, "v", CancellationToken.None));
        Assert.Equal(PageRejection.InvalidOption, error.Reason);
    }

    [Fact]
    public void A_cancelled_call_stops_while_looking_for_duplicates()
    {
        // A page of thousands of paragraphs takes as long to check for repeats as to score: a deadline must stop it here too.
        var (page, scores) = Scored([.. Enumerable.Range(0, 200).Select(i => ($"Paragraph number {i} of a long page.", 0.9f, 0.05f, 0.05f))]);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", cancelled.Token));
        Assert.Throws<OperationCanceledException>(() => DuplicateDetector.Find([.. page.Blocks.Select(b => b.Text)], null, null, cancelled.Token));
        Assert.Equal(200, ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None).Blocks.Count);
    }

    [Fact]
    public void Truncated_teaser_is_dropped_as_duplicate_even_though_it_comes_first()
    {
        var (page, scores) = Scored(
            ("The council voted on Tuesday to approve the new budget after a long deb...", 0.9f, 0.05f, 0.05f),
            ("The council voted on Tuesday to approve the new budget after a long debate about schools and roads.", 0.9f, 0.05f, 0.05f),
            ("Unrelated closing words of the article.", 0.9f, 0.05f, 0.05f));
        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Equal([false, true, true], Kept(result));
        Assert.Equal(ArticleAssembler.Duplicate, result.Blocks[0].Reason);
        Assert.True(Kept(ArticleAssembler.Clean(page, scores, new CleanOptions { KeepDuplicates = true }, "v", CancellationToken.None)).All(k => k));
    }

    [Fact]
    public void A_teaser_scored_as_boilerplate_still_says_duplicate_but_a_kept_paragraph_never_yields_to_a_dropped_copy()
    {
        const string Full = "The council voted on Tuesday to approve the new budget after a long debate about schools and roads.";
        var (page, scores) = Scored(
            ("The council voted on Tuesday to approve the new budget after a long deb...", 0.2f, 0.75f, 0.05f),
            (Full, 0.1f, 0.85f, 0.05f),
            (Full, 0.9f, 0.05f, 0.05f));
        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Equal([false, false, true], Kept(result));
        Assert.Equal([ArticleAssembler.Duplicate, "navigation", string.Empty], result.Blocks.Select(p => p.Reason));
    }

    [Fact]
    public void Later_near_repeat_is_dropped_and_the_first_kept()
    {
        const string Text = "Subscribe to our newsletter to get the best stories of the week delivered to your inbox every single Friday morning";
        var (page, scores) = Scored((Text, 0.9f, 0.05f, 0.05f), ("Middle paragraph.", 0.9f, 0.05f, 0.05f), ("SUBSCRIBE " + Text[10..] + ", thanks.", 0.9f, 0.05f, 0.05f));
        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Equal([true, true, false], Kept(result));
        Assert.Equal(ArticleAssembler.Duplicate, result.Blocks[2].Reason);
    }

    [Fact]
    public void A_paragraph_an_article_says_twice_stays_but_its_copy_in_a_sidebar_goes()
    {
        const string Full = "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.";
        var html = $"<html><body><article><div><p>{Full}</p></div><h2>Foo</h2><div><p>Tempor incididunt ut labore et dolore.</p><p>{Full}</p></div></article>" +
            $"<aside class=\"promo\"><p>{Full}</p></aside></body></html>";

        var result = CleanedAsAllBody(html);

        Assert.Equal([Full, "Foo", "Tempor incididunt ut labore et dolore.", Full, Full], result.Blocks.Select(p => p.Block.Text));
        Assert.Equal([true, true, true, true, false], Kept(result));
        Assert.Equal(ArticleAssembler.Duplicate, result.Blocks[4].Reason);
    }

    [Fact]
    public void In_text_a_paragraph_written_several_times_in_a_row_stays_but_a_copied_section_goes()
    {
        const string Refrain = "We shall fight on the beaches, we shall fight on the landing grounds, we shall never surrender.";
        const string Other = "The speech was delivered to the House of Commons on the fourth of June that year.";
        var (page, scores) = Scored(
            (Refrain, 0.9f, 0.05f, 0.05f), (Refrain, 0.9f, 0.05f, 0.05f), (Refrain, 0.9f, 0.05f, 0.05f), (Other, 0.9f, 0.05f, 0.05f),
            (Refrain, 0.9f, 0.05f, 0.05f), (Other, 0.9f, 0.05f, 0.05f));

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        // The three in a row are the text as written; the pair after them repeats a section of it, as a carousel's
        // second copy or a teaser block does.
        Assert.Equal([true, true, true, true, false, false], Kept(result));
        Assert.Equal(ArticleAssembler.Duplicate, result.Blocks[4].Reason);
    }

    [Fact]
    public void In_text_a_repeat_after_a_dropped_line_goes()
    {
        const string Text = "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.";
        var (page, scores) = Scored((Text, 0.9f, 0.05f, 0.05f), ("Share", 0.1f, 0.85f, 0.05f), (Text, 0.9f, 0.05f, 0.05f));

        Assert.Equal([true, false, false], Kept(ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None)));
    }

    [Fact]
    public void Repeats_told_apart_only_by_their_ids_stay_when_they_share_a_container()
    {
        const string Text = "Regarding item 11111, under extreme conditions quarks may become deconfined and exist as free particles.";
        var html = $"<html><body><div class=\"story\"><p id=\"first\">{Text}</p><p id=\"second\">{Text}</p></div>" +
            $"<div class=\"teaser\"><p id=\"third\">{Text}</p></div></body></html>";

        var result = CleanedAsAllBody(html);

        Assert.Equal([true, true, false], Kept(result));
        Assert.Equal(ArticleAssembler.Duplicate, result.Blocks[2].Reason);
    }

    [Fact]
    public void A_page_where_nothing_clears_the_bar_keeps_its_likeliest_blocks_unless_a_hard_bar_was_asked_for()
    {
        var (page, scores) = Scored(("Test Case 1", 0.30f, 0.65f, 0.05f), ("Test Case 2", 0.20f, 0.75f, 0.05f), ("Cookies", 0.1f, 0.1f, 0.8f));

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        // 0.20 is at least half of 0.30; 0.10 is not.
        Assert.Equal([true, true, false], Kept(result));
        Assert.Equal("Test Case 1\n\nTest Case 2", result.Text);
        Assert.Equal([string.Empty, string.Empty, "legal"], result.Blocks.Select(p => p.Reason));
        Assert.DoesNotContain(true, Kept(ArticleAssembler.Clean(page, scores, new CleanOptions { Threshold = 0.5f }, "v", CancellationToken.None)));
        Assert.DoesNotContain(true, Kept(ArticleAssembler.Clean(page, scores, new CleanOptions { Bias = -0.2f }, "v", CancellationToken.None)));
    }

    [Fact]
    public void The_fallback_keeps_the_story_not_the_title_line_the_result_reports_apart()
    {
        // The README's four-line page as a model that reads all of it as navigation might score it: the title line is
        // more than half as likely body as the story, but the result's title says it already.
        var page = new SegmentedPage(
            "Title",
            [new Block("Title", BlockKind.Heading) { Level = 1 }, new Block("First paragraph of the story.", BlockKind.Paragraph), new Block("Read More", BlockKind.Paragraph), new Block("We use cookies.", BlockKind.Paragraph)],
            InputFormat.Text);
        var scores = new PageScores(Labels, [0.09f, 0.91f, 0f, 0.17f, 0.83f, 0f, 0.03f, 0.97f, 0f, 0f, 0.01f, 0.99f]);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Equal([false, true, false, false], Kept(result));
        Assert.Equal("First paragraph of the story.", result.Text);
        Assert.Equal("Title", result.Title);
    }

    [Fact]
    public void The_fallback_keeps_the_title_line_of_a_page_of_short_lines()
    {
        // Readability's lazy-image-3 as text: two headings and nothing that reads as prose, so the first stays.
        var page = new SegmentedPage("Test Case 1", [new Block("Test Case 1", BlockKind.Heading) { Level = 1 }, new Block("Test Case 2", BlockKind.Paragraph)], InputFormat.Text);
        var scores = new PageScores(Labels, [0.3f, 0.7f, 0f, 0.4f, 0.6f, 0f]);

        Assert.Equal([true, true], Kept(ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None)));
    }

    [Fact]
    public void The_fallback_keeps_a_title_line_when_nothing_else_can_be_kept()
    {
        var page = new SegmentedPage("Title", [new Block("Title", BlockKind.Heading) { Level = 1 }, new Block("We use cookies.", BlockKind.Paragraph)], InputFormat.Text);
        var scores = new PageScores(Labels, [0.2f, 0.8f, 0f, 0f, 0.01f, 0.99f]);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Equal([true, false], Kept(result));
    }

    [Fact]
    public void Html_blocks_are_made_to_agree_with_the_articles_container()
    {
        const string Long = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.";
        var html = $"<html><body><article><p>{Long}</p><p>See the chart below.</p><p>{Long} Again.</p><p>{Long} Once more.</p></article>" +
            "<aside><p>Brief: the council met on Tuesday.</p><p>Brief: a clear piece of body text.</p></aside></body></html>";
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None);
        float[][] rows = [[0.9f, 0.05f, 0.05f], [0.35f, 0.6f, 0.05f], [0.9f, 0.05f, 0.05f], [0.9f, 0.05f, 0.05f], [0.6f, 0.35f, 0.05f], [0.85f, 0.1f, 0.05f]];
        var scores = new PageScores(Labels, [.. rows.SelectMany(r => r)]);

        // The short line inside the article, between kept paragraphs, comes back; the brief beside it at body 0.6
        // goes, while the one at 0.85 is clear enough to stay.
        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);
        Assert.Equal([true, true, true, true, false, true], Kept(result));
        Assert.Equal(ArticleAssembler.OutsideArticle, result.Blocks[4].Reason);

        // A caller asking for precision gets the drop but no additions; a hard threshold gets neither.
        var precise = ArticleAssembler.Clean(page, scores, new CleanOptions { Bias = -0.1f }, "v", CancellationToken.None);
        Assert.Equal([true, false, true, true, false, true], Kept(precise));
        var threshold = ArticleAssembler.Clean(page, scores, new CleanOptions { Threshold = 0.5f }, "v", CancellationToken.None);
        Assert.Equal([true, false, true, true, true, true], Kept(threshold));
    }

    [Fact]
    public void A_short_article_is_not_dropped_for_a_long_sidebar_of_links_scored_as_body()
    {
        // One paragraph of news beside a category list and a tag cloud of 200 one-word links, which the model wrongly
        // scores as body: by characters the sidebar holds most of what is kept, but it holds no prose.
        const string Story = "The harbour authority said on Monday that the new ferry terminal will open in the spring, two years " +
            "later than planned, after inspectors found cracks in the pier foundations that had to be repaired first.";
        var tags = string.Concat(Enumerable.Range(0, 200).Select(i => $"<li><a href=\"/tag/{i}\">topic{i}</a></li>"));
        var html = $"<html><body><div class=\"main\"><h1>Ferry terminal delayed</h1><p>{Story}</p></div>" +
            $"<div class=\"sidebar\"><h3>Categories</h3><ul>{tags}</ul></div></body></html>";
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None);
        var story = page.Blocks.ToList().FindIndex(b => b.Text == Story);
        var scores = new PageScores(Labels, [.. page.Blocks.SelectMany((b, i) =>
            i == story ? new[] { 0.59f, 0.38f, 0.03f } : b.Text.StartsWith("topic", StringComparison.Ordinal) ? [0.93f, 0.06f, 0.01f] : [0.2f, 0.75f, 0.05f])]);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.True(result.Blocks[story].Kept, result.Blocks[story].Reason);
        Assert.Contains(Story, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void On_an_article_page_a_sidebar_of_headline_links_kept_as_body_goes_however_long()
    {
        // Three paragraphs of a story and, beside them, twenty headline links the model half believes (body 0.7):
        // by characters the links are more than a quarter of what is kept, but as links they weigh nothing as prose.
        const string Story = "The harbour authority said on Monday that the new ferry terminal will open in the spring, two years " +
            "later than planned, after inspectors found cracks in the pier foundations.";
        var headlines = string.Concat(Enumerable.Range(0, 20).Select(i => $"<li><a href=\"/news/{i}\">Headline number {i} about the city council</a></li>"));
        var html = $"<html><body><div class=\"story\"><p>{Story}</p><p>{Story} Again.</p><p>{Story} Once more.</p></div>" +
            $"<div class=\"related\"><ul>{headlines}</ul></div></body></html>";
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None);
        CleanResult Clean(float article) => ArticleAssembler.Clean(page, new PageScores(Labels, [.. page.Blocks.SelectMany(b =>
            b.Text.StartsWith("Headline", StringComparison.Ordinal) ? new[] { 0.7f, 0.29f, 0.01f } : [0.95f, 0.04f, 0.01f])])
        {
            PageTypes = ["article", "listing"],
            PageTypeProbabilities = [article, 1 - article],
        }, CleanOptions.Default, "v", CancellationToken.None);

        var links = Enumerable.Range(0, page.Blocks.Count).Where(i => page.Blocks[i].Text.StartsWith("Headline", StringComparison.Ordinal)).ToList();
        Assert.Equal(20, links.Count);
        var article = Clean(0.7f);
        Assert.All(links, i => Assert.Equal(ArticleAssembler.OutsideArticle, article.Blocks[i].Reason));
        Assert.Equal(3, article.Blocks.Count(b => b.Kept));

        // On a page that reads as a listing, a list of links may be the content: the bound counts them and the rule
        // stands aside.
        var listing = Clean(0.3f);
        Assert.All(links, i => Assert.True(listing.Blocks[i].Kept));
    }

    [Fact]
    public void The_container_rule_changes_nothing_when_it_would_drop_much_of_the_kept_prose()
    {
        // Two bodies of prose in sibling containers: the second is larger and surer. Dropping the first (body 0.6)
        // would take more than a quarter of the kept prose, so the container is not trusted with that decision.
        var first = string.Join(' ', Enumerable.Repeat("The first report describes the flood defences and what they cost the town.", 4));
        var second = string.Join(' ', Enumerable.Repeat("The second report weighs the options for the river banks in great detail.", 6));
        var html = $"<html><body><div class=\"a\"><p>{first}</p><p>{first} Again.</p></div><div class=\"b\"><p>{second}</p><p>{second} Again.</p></div></body></html>";
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None);
        float[][] rows = [[0.6f, 0.35f, 0.05f], [0.6f, 0.35f, 0.05f], [0.95f, 0.04f, 0.01f], [0.95f, 0.04f, 0.01f]];
        var scores = new PageScores(Labels, [.. rows.SelectMany(r => r)]);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Equal([true, true, true, true], Kept(result));
    }

    [Fact]
    public void A_sentence_between_kept_paragraphs_of_its_container_comes_back_where_the_container_rule_stands_aside()
    {
        // A Chinese story whose middle sentence the model half reads as a notice (legal 0.55, body 0.4), beside a
        // sidebar of headline links kept as body: the links weigh too much for the container rule to act, so its fill
        // does not reach the sentence either.
        const string First = "市政府周一宣布，新的渡轮码头将于明年春天开放，比原计划晚了两年，因为检查人员在码头地基中发现了需要先修复的裂缝。";
        const string Middle = "工程师表示，修复工作比预期更复杂，部分桩基需要完全更换，费用也因此增加了一倍多，预算需要重新审批。";
        const string Last = "当地居民对延误表示失望，但大多数人认为安全比速度更重要，并希望新码头建成后能带来更多游客和生意。";
        var links = string.Concat(Enumerable.Range(0, 30).Select(i => $"<li><a href=\"/news/{i}\">今日要闻：第{i}条新闻标题在这里显示</a></li>"));
        (CleanResult Result, int Middle, int Short) Clean(string story, CleanOptions options)
        {
            var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(
                $"<html><body><div class=\"story\">{story}</div><div class=\"side\"><ul>{links}</ul></div></body></html>", null, CancellationToken.None);
            var scores = new PageScores(Labels, [.. page.Blocks.SelectMany(b =>
                b.Text == Middle ? new[] { 0.4f, 0.05f, 0.55f } : b.Text == "分享" ? [0.35f, 0.6f, 0.05f] : b.Text.StartsWith("今日要闻", StringComparison.Ordinal) ? [0.7f, 0.29f, 0.01f] : [0.95f, 0.04f, 0.01f])]);
            var texts = page.Blocks.Select(b => b.Text).ToList();
            return (ArticleAssembler.Clean(page, scores, options, "v", CancellationToken.None), texts.IndexOf(Middle), texts.IndexOf("分享"));
        }

        var (result, middle, share) = Clean($"<p>{First}</p><p>{Middle}</p><p>{Last}</p><p>分享</p>", CleanOptions.Default);
        Assert.True(result.Blocks[middle].Kept, result.Blocks[middle].Reason);
        Assert.Equal(string.Empty, result.Blocks[middle].Reason);

        // A short line stays out (the container rule would have filled it), and so does the sentence when precision
        // was asked for, or when it sits in a container of its own between the story's paragraphs.
        Assert.False(result.Blocks[share].Kept);
        var precise = Clean($"<p>{First}</p><p>{Middle}</p><p>{Last}</p><p>分享</p>", new CleanOptions { Bias = -0.1f });
        Assert.False(precise.Result.Blocks[precise.Middle].Kept);
        var boxed = Clean($"<p>{First}</p><div class=\"box\"><p>{Middle}</p></div><p>{Last}</p>", CleanOptions.Default);
        Assert.False(boxed.Result.Blocks[boxed.Middle].Kept);
    }

    [Fact]
    public void Text_blocks_inside_the_article_run_come_back_from_near_the_decision_line()
    {
        // A list item the model half read as a menu line (body 0.35) sits between the story's paragraphs: inside the
        // run it comes back, as inside an HTML container. A line it is sure of (0.2) stays out, and a caller who asked
        // for precision gets nothing added.
        var (page, scores) = Scored(
            ("Long article paragraph.", 0.9f, 0.05f, 0.05f),
            ("Short line.", 0.35f, 0.6f, 0.05f),
            ("Another article paragraph.", 0.9f, 0.05f, 0.05f),
            ("Menu line.", 0.2f, 0.75f, 0.05f),
            ("A third article paragraph.", 0.9f, 0.05f, 0.05f));

        Assert.Equal([true, true, true, false, true], Kept(ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None)));
        Assert.Equal([true, false, true, false, true], Kept(ArticleAssembler.Clean(page, scores, new CleanOptions { Bias = -0.1f }, "v", CancellationToken.None)));
    }

    [Fact]
    public void A_stock_chrome_phrase_between_kept_paragraphs_is_not_brought_back_in_html_or_in_text()
    {
        const string Long = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.";
        var html = $"<html><body><article><p>{Long}</p><p>Share this:</p><p>{Long} Again.</p><p>See the chart below.</p><p>{Long} Once more.</p></article></body></html>";
        var htmlPage = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None);
        float[][] rows = [[0.9f, 0.05f, 0.05f], [0.4f, 0.55f, 0.05f], [0.9f, 0.05f, 0.05f], [0.4f, 0.55f, 0.05f], [0.9f, 0.05f, 0.05f]];
        var htmlScores = new PageScores(Labels, [.. rows.SelectMany(r => r)]);

        // Both lines sit inside the article's container at body 0.4: the article's own line comes back, the share
        // prompt does not.
        var fromHtml = ArticleAssembler.Clean(htmlPage, htmlScores, CleanOptions.Default, "v", CancellationToken.None);
        Assert.Equal([true, false, true, true, true], Kept(fromHtml));

        var (textPage, textScores) = Scored(
            ("The council approved the budget after a long debate about the schools and the roads.", 0.9f, 0.05f, 0.05f),
            ("Advertisement", 0.4f, 0.55f, 0.05f),
            ("Teachers welcomed the decision but warned that several buildings still need repair.", 0.9f, 0.05f, 0.05f),
            ("See the chart below.", 0.4f, 0.55f, 0.05f),
            ("The mayor said the first works would start in the spring, once the tenders are in.", 0.9f, 0.05f, 0.05f));
        var fromText = ArticleAssembler.Clean(textPage, textScores, CleanOptions.Default, "v", CancellationToken.None);
        Assert.Equal([true, false, true, true, true], Kept(fromText));
    }

    [Fact]
    public void Text_blocks_before_the_first_kept_block_are_not_brought_back()
    {
        // The fill closes holes in the article; it does not grow it: a near-line line before the first kept paragraph
        // or after the last stays out.
        var (page, scores) = Scored(
            ("Headline-ish line.", 0.4f, 0.55f, 0.05f),
            ("Long article paragraph.", 0.9f, 0.05f, 0.05f),
            ("Another article paragraph.", 0.9f, 0.05f, 0.05f),
            ("Share this story.", 0.4f, 0.55f, 0.05f));

        Assert.Equal([false, true, true, false], Kept(ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None)));
    }

    [Fact]
    public void Short_text_lines_after_the_article_run_go_when_near_the_decision_line()
    {
        var first = string.Concat(Enumerable.Repeat("The council approved the budget after a long debate about schools. ", 6));
        var second = string.Concat(Enumerable.Repeat("Teachers welcomed the decision but warned that buildings need repair. ", 6));
        var comment = string.Concat(Enumerable.Repeat("I was at the meeting and the debate was even longer than reported. ", 4));
        var rows = new List<(string, float, float, float)>
        {
            ("Menu", 0.1f, 0.85f, 0.05f), (first, 0.95f, 0.03f, 0.02f), (second, 0.95f, 0.03f, 0.02f), ("Read more", 0.2f, 0.75f, 0.05f),
        };
        rows.AddRange(Enumerable.Range(0, 40).Select(i => ($"Section {i}", 0.1f, 0.85f, 0.05f)));
        rows.Add(("Ten things to do this weekend", 0.7f, 0.28f, 0.02f));
        rows.Add(("Markets rally as rates hold", 0.85f, 0.13f, 0.02f));
        rows.Add((comment, 0.7f, 0.28f, 0.02f));
        var (page, scores) = Scored([.. rows]);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        // After the menu that ends the article, the teaser near the line goes; a sure one stays, and so does a long
        // paragraph (a comment is not chrome).
        Assert.Equal([false, true, true, false, false, true, true], Kept(result).Take(4).Concat(Kept(result).TakeLast(3)));
        Assert.Equal(ArticleAssembler.OutsideArticle, result.Blocks[^3].Reason);
    }

    [Fact]
    public void The_article_run_acts_only_when_it_holds_most_of_the_kept_text()
    {
        // The run is the first paragraph, but a long comment and three teasers after the menu hold more kept text
        // than it does: the run is not clearly the article, so the teasers keep their own decision.
        var paragraph = string.Concat(Enumerable.Repeat("The council approved the budget after a long debate about schools. ", 3));
        var comment = string.Concat(Enumerable.Repeat("I was at the meeting and the debate was even longer than reported. ", 4));
        var rows = new List<(string, float, float, float)> { (paragraph, 0.95f, 0.03f, 0.02f) };
        rows.AddRange(Enumerable.Range(0, 40).Select(i => ($"Section {i}", 0.1f, 0.85f, 0.05f)));
        rows.Add((comment, 0.7f, 0.28f, 0.02f));
        rows.AddRange(Enumerable.Range(0, 3).Select(i => ($"Short teaser number {i} here", 0.7f, 0.28f, 0.02f)));
        var (page, scores) = Scored([.. rows]);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Equal(5, Kept(result).Count(kept => kept));
    }

    [Fact]
    public void In_text_a_paragraph_that_is_only_a_tag_pointing_at_a_url_goes_whatever_its_score()
    {
        var story = "The council approved the budget after a long debate about schools.";
        var pixel = "<img src=\"https://stats.example.net/p.gif?id=42\" width=\"1\" height=\"1\" style=\"display:none\" />";
        var ad = "<div><a href=\"//ads.example.net/click?slot=7\"><img src=\"//ads.example.net/banner.png\"></a></div>";
        var code = "<div class=\"card\">";
        var linkInProse = "<a href=\"https://example.org/report\">The full report</a> runs to three hundred pages and names every school.";
        var (page, scores) = Scored(
            (story, 0.95f, 0.03f, 0.02f), (pixel, 0.9f, 0.08f, 0.02f), (ad, 0.9f, 0.08f, 0.02f), (code, 0.9f, 0.08f, 0.02f), (linkInProse, 0.9f, 0.08f, 0.02f));

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);
        var strict = ArticleAssembler.Clean(page, scores, new CleanOptions { Threshold = 0.5f }, "v", CancellationToken.None);

        // A tutorial's tag without a URL and a line with words outside its tags are the model's to judge.
        Assert.Equal([true, false, false, true, true], Kept(result));
        Assert.Equal(ArticleAssembler.Markup, result.Blocks[1].Reason);
        Assert.Equal(ArticleAssembler.Markup, result.Blocks[2].Reason);
        Assert.Equal([true, false, false, true, true], Kept(strict));
    }

    [Fact]
    public void In_html_the_same_escaped_tag_shown_in_a_code_sample_stays()
    {
        var html = "<html><body><article><p>Embed the counter with this tag:</p>"
            + "<pre><code>&lt;img src=\"https://stats.example.net/p.gif\" /&gt;</code></pre></article></body></html>";
        var result = CleanedAsAllBody(html);

        Assert.All(result.Blocks, block => Assert.True(block.Kept));
        Assert.Contains(result.Blocks, block => block.Block.Text.StartsWith("<img src=", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_of_contents_gives_way_to_the_headings_it_links_to()
    {
        const string Long = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.";
        var html = "<html><body><article><p>" + Long + "</p>"
            + "<ul><li><a href=\"#good\">The Good</a></li><li><a href=\"https://example.org/posts/zig/#bad\">The Bad</a></li><li><a href=\"/elsewhere\">Further Reading</a></li></ul>"
            + "<h2 id=\"good\">The Good</h2><p>" + Long + " Good.</p><h2 id=\"bad\">The Bad</h2><p>" + Long + " Bad.</p>"
            + "<h2>Further Reading</h2><p>" + Long + " More.</p></article></body></html>";
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, "https://example.org/posts/zig", CancellationToken.None);
        var scores = new PageScores(Labels, [.. page.Blocks.SelectMany(_ => new[] { 0.9f, 0.05f, 0.05f })]);

        var result = ArticleAssembler.Clean(page, scores, new CleanOptions { IncludeMarkdown = true }, "v", CancellationToken.None);

        // The two anchor entries go (one names the page's own address) and their headings stay in place; a link to
        // another page is no entry of this page's contents, so it stays first and the heading repeating it is the
        // duplicate, as before.
        var rows = result.Blocks.Select(b => (b.Block.Kind, b.Block.Text, b.Kept)).ToList();
        Assert.Contains((BlockKind.ListItem, "The Good", false), rows);
        Assert.Contains((BlockKind.ListItem, "The Bad", false), rows);
        Assert.Contains((BlockKind.Heading, "The Good", true), rows);
        Assert.Contains((BlockKind.Heading, "The Bad", true), rows);
        Assert.Contains((BlockKind.ListItem, "Further Reading", true), rows);
        Assert.Contains((BlockKind.Heading, "Further Reading", false), rows);
        Assert.Equal(ArticleAssembler.Duplicate, result.Blocks.First(b => b.Block.Text == "The Good").Reason);
        Assert.Contains("## The Good\n\n" + Long + " Good.", result.Markdown, StringComparison.Ordinal);

        var keepRepeats = ArticleAssembler.Clean(page, scores, new CleanOptions { KeepDuplicates = true }, "v", CancellationToken.None);
        Assert.All(keepRepeats.Blocks, b => Assert.True(b.Kept));
    }

    [Fact]
    public void In_text_a_run_of_lines_each_said_again_where_its_section_opens_is_a_table_of_contents()
    {
        var section = string.Concat(Enumerable.Repeat("Meditation asks for a quiet room, a timer and ten minutes a day. ", 3));
        var rows = new List<(string, float, float, float)>
        {
            ("Meditation for beginners", 0.9f, 0.05f, 0.05f),
            ("Preparing for meditation", 0.9f, 0.05f, 0.05f),
            ("Basic techniques", 0.9f, 0.05f, 0.05f),
            ("Common challenges", 0.9f, 0.05f, 0.05f),
            ("Facebook", 0.9f, 0.05f, 0.05f),
            ("Instagram", 0.9f, 0.05f, 0.05f),
            ("Preparing for meditation", 0.9f, 0.05f, 0.05f), (section + "Preparing.", 0.95f, 0.03f, 0.02f),
            ("Basic techniques", 0.9f, 0.05f, 0.05f), (section + "Basics.", 0.95f, 0.03f, 0.02f),
            ("Common challenges", 0.9f, 0.05f, 0.05f), (section + "Challenges.", 0.95f, 0.03f, 0.02f),
            ("Facebook", 0.9f, 0.05f, 0.05f), ("Instagram", 0.9f, 0.05f, 0.05f),
        };
        var (page, scores) = Scored([.. rows]);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        // The three entries go and their titles stay where their sections open; two lines said again later but not
        // before a section ("Facebook", "Instagram" in a footer) are no table, so their later copies are the repeats.
        Assert.Equal(
            [true, false, false, false, true, true, true, true, true, true, true, true, false, false],
            Kept(result));
        Assert.Equal(ArticleAssembler.Duplicate, result.Blocks[1].Reason);
    }

    [Fact]
    public void Markdown_is_rendered_only_when_asked()
    {
        var (page, scores) = Scored(("a", 1f, 0f, 0f));
        Assert.Equal(string.Empty, ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None).Markdown);
        // The page's title "T" leads as a heading: the kept block does not say it.
        Assert.Equal("# T\n\na", ArticleAssembler.Clean(page, scores, new CleanOptions { IncludeMarkdown = true }, "v", CancellationToken.None).Markdown);
    }

    [Fact]
    public void Html_is_rendered_only_when_asked()
    {
        var (page, scores) = Scored(("a <b>", 1f, 0f, 0f));
        Assert.Equal(string.Empty, ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None).Html);
        Assert.Equal("<article>\n<h1>T</h1>\n<p>a &lt;b&gt;</p>\n</article>", ArticleAssembler.Clean(page, scores, new CleanOptions { IncludeHtml = true }, "v", CancellationToken.None).Html);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Cleaning_stops_within_a_few_hundred_blocks_of_cancellation(double share)
    {
        // Without duplicate detection (which checks on its own) nothing else watched the token: a deadline that passed
        // while a big page was cleaned went unnoticed until the whole result, Markdown included, was built. The token
        // is cancelled at a share of the reads a whole cleaning takes, so the check lands in early, middle and late
        // passes over the blocks however many there are.
        const int count = 20_000;
        var (page, scores) = Scored([.. Enumerable.Range(0, count).Select(i => ($"Paragraph number {i} of a long page.", 0.9f, 0.05f, 0.05f))]);
        var options = new CleanOptions { KeepDuplicates = true, IncludeMarkdown = true };
        var whole = new CountingBlocks(page.Blocks);
        ArticleAssembler.Clean(page with { Blocks = whole }, scores, options, "v", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var blocks = new CountingBlocks(page.Blocks, cancel, cancelAtRead: (long)(share * whole.Reads));

        Assert.Throws<OperationCanceledException>(() => ArticleAssembler.Clean(page with { Blocks = blocks }, scores, options, "v", cancel.Token));

        Assert.True(
            blocks.ReadsAfterCancel <= 2 * ArticleAssembler.CancellationCheckInterval,
            $"{blocks.ReadsAfterCancel:N0} reads after cancellation.");
    }

    [Theory]
    [InlineData("article", false)]
    [InlineData("listing", true)]
    public void In_text_the_headlines_under_a_related_stories_heading_go_on_an_article(string pageType, bool listKept)
    {
        string[] story =
        [
            "The regional water board approved a plan on Thursday to replace the ageing pipes under the old town, a project that engineers say will take four years.",
            "Residents have complained for years about low pressure and brown water after heavy rain, and the board's own survey found one in five pipes corroded.",
        ];
        string[] headlines = ["Council delays vote on the new bus lanes", "Harbour festival returns after four years", "School roof repairs to finish by autumn"];
        var after = "Our journalism is funded by readers like you, and every contribution, big or small, helps us report on the stories that matter in the towns and villages of the region.";
        var (page, scores) = Scored(
            [(story[0], 0.95f, 0.04f, 0.01f), (story[1], 0.95f, 0.04f, 0.01f), ("Related articles:", 0.3f, 0.69f, 0.01f),
                .. headlines.Select(h => (h, 0.8f, 0.19f, 0.01f)), (after, 0.9f, 0.09f, 0.01f)]);
        scores = new PageScores(Labels, [.. Enumerable.Range(0, page.Blocks.Count).SelectMany(i => scores.For(i).ToArray())]) { PageType = pageType };

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.All(story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.All(headlines, h => Assert.Equal(listKept, result.Text.Contains(h, StringComparison.Ordinal)));
        Assert.Contains(after, result.Text, StringComparison.Ordinal);
        if (!listKept)
        {
            Assert.All(result.Blocks.Where(b => headlines.Contains(b.Block.Text)), b => Assert.Equal(ArticleAssembler.OutsideArticle, b.Reason));
        }
    }

    /// <summary>Segments <paramref name="html"/> and cleans it as an article with every block scored as likely body.</summary>
    private static CleanResult CleanedAsArticle(string html)
    {
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None);
        var scores = new PageScores(Labels, [.. page.Blocks.SelectMany(_ => new[] { 0.9f, 0.05f, 0.05f })]) { PageType = "article" };
        return ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);
    }

    private static readonly string[] RelatedHeadlines = ["Council delays vote on the new bus lanes", "Harbour festival returns after four years", "School roof repairs to finish by autumn"];

    private const string StoryParagraphs =
        "<p>The regional water board approved a plan on Thursday to replace the ageing pipes under the old town, a project that engineers say will take four years and cost about 60 million.</p>" +
        "<p>Residents have complained for years about low pressure and brown water after heavy rain, and the board's own survey found that one in five pipes had corroded beyond repair.</p>" +
        "<p>Work will begin in the northern districts next spring, where the oldest cast-iron mains date from the 1920s, and move south street by street to keep closures short.</p>";

    [Fact]
    public void In_html_the_headlines_under_a_related_stories_heading_go_and_a_menu_entry_of_that_name_heads_nothing()
    {
        var list = string.Concat(RelatedHeadlines.Select((h, i) => $"<li><a href=\"/story-{i}\">{h}</a></li>"));
        var result = CleanedAsArticle(
            "<body><nav><a href=\"/related\">Related</a></nav><article><h1>Water board approves pipe renewal</h1>" + StoryParagraphs +
            "</article><aside><h3>Related articles</h3><ul>" + list + "</ul></aside></body>");

        Assert.Contains("Water board approves pipe renewal", result.Text, StringComparison.Ordinal);
        Assert.Contains("one in five pipes", result.Text, StringComparison.Ordinal);
        Assert.All(RelatedHeadlines, h => Assert.DoesNotContain(h, result.Text, StringComparison.Ordinal));
        Assert.All(result.Blocks.Where(b => RelatedHeadlines.Contains(b.Block.Text)), b => Assert.Equal(ArticleAssembler.OutsideArticle, b.Reason));
    }

    [Fact]
    public void A_list_heading_above_what_is_most_of_the_page_drops_nothing()
    {
        // A menu line "Related" above an article written in short lines: nothing of a story would stay outside the
        // "list", so the heading headed no list beside a story.
        string[] lines =
        [
            "Cold fronts reached the mountain villages this week",
            "The maples along the valley road have turned red",
            "Campers arrived early to photograph the leaves",
            "The owners built new wooden signs for the site",
            "A small restaurant now serves meals to visitors",
            "The road to the suspension bridge reopened on Friday",
        ];
        var (page, scores) = Scored([("Related", 0.3f, 0.69f, 0.01f), .. lines.Select(l => (l, 0.8f, 0.19f, 0.01f))]);
        scores = new PageScores(Labels, [.. Enumerable.Range(0, page.Blocks.Count).SelectMany(i => scores.For(i).ToArray())]) { PageType = "article" };

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.All(lines, l => Assert.Contains(l, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_list_headings_cannot_take_a_story_of_short_lines_between_them()
    {
        // Each section alone would leave enough; together they would leave one line of the story.
        string[] first = ["Cold fronts reached the villages of the valley on Monday", "The maples along the road have turned a deep red", "Campers came early to photograph the changing leaves", "The owners built new wooden signs for the whole site", "A small restaurant now serves warm meals to visitors"];
        string[] second = ["The road to the suspension bridge reopened on Friday", "Rangers asked visitors to keep to the marked trails", "Buses will run twice a day until the end of November", "The campsite stays open through the first snowfall", "Bookings for the winter cabins open next Monday morning"];
        var longLine = "Officials said the number of visitors this autumn was the highest in a decade, and they expect even more next year once the new parking area is finished.";
        var (page, scores) = Scored(
            [("Related", 0.3f, 0.69f, 0.01f), .. first.Select(l => (l, 0.8f, 0.19f, 0.01f)), (longLine, 0.95f, 0.04f, 0.01f),
                ("More from", 0.3f, 0.69f, 0.01f), .. second.Select(l => (l, 0.8f, 0.19f, 0.01f))]);
        scores = new PageScores(Labels, [.. Enumerable.Range(0, page.Blocks.Count).SelectMany(i => scores.For(i).ToArray())]) { PageType = "article" };

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Contains(longLine, result.Text, StringComparison.Ordinal);
        Assert.All(second, l => Assert.Contains(l, result.Text, StringComparison.Ordinal));
    }

    private static readonly string[] FooterStory =
    [
        "The beginner's guide to the gym starts with the cardio machines: treadmills, ellipticals and bikes, which warm you up and build stamina without much technique.",
        "Strength equipment comes next. Free weights ask for balance and coordination, while the machines guide the movement and suit a first visit to the floor.",
        "Functional tools such as kettlebells and battle ropes train movements you make every day, and a trainer can show you the safe way to start with them.",
        "Above all, ask the staff when in doubt: every gym would rather spend five minutes on a demonstration than see a new member hurt on the first day.",
    ];

    private static readonly string[] ListUnderFooter =
        ["Affordable gym in Camden County, New Jersey", "Affordable gym in Burlington County, New Jersey", "Affordable gym in Bucks County, Pennsylvania"];

    /// <summary>A text page: the story, the footer's menu and copyright line, then a list of areas served the model half keeps.</summary>
    private static (SegmentedPage Page, PageScores Scores) FooterPage(
        string copyrightLine, bool lineAfterKeptBlock = false, int listRepeats = 1, int storyParagraphs = 4) =>
        Scored(
        [
            .. FooterStory.Take(storyParagraphs).Select(p => (p, 0.95f, 0.04f, 0.01f)),
            .. (lineAfterKeptBlock ? [] : new[] { ("Terms of Use", 0.05f, 0.6f, 0.35f) }),
            (copyrightLine, 0.02f, 0.08f, 0.9f),
            .. Enumerable.Repeat(ListUnderFooter, listRepeats).SelectMany(list => list).Select(line => (line, 0.7f, 0.29f, 0.01f)),
        ]);

    [Fact]
    public void In_text_the_kept_blocks_under_the_footers_copyright_line_go()
    {
        var (page, scores) = FooterPage("Copyright © 2025 Example Fitness. All Rights Reserved");

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);
        var strict = ArticleAssembler.Clean(page, scores, new CleanOptions { Threshold = 0.5f }, "v", CancellationToken.None);

        Assert.Equal(string.Join("\n\n", FooterStory), result.Text);
        Assert.All(result.Blocks.Where(b => ListUnderFooter.Contains(b.Block.Text)), b => Assert.Equal(ArticleAssembler.OutsideArticle, b.Reason));
        Assert.All(ListUnderFooter, line => Assert.Contains(line, strict.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("© Jane Doe / Example Images", false, 1, 4)]
    [InlineData("© 2025 Example Fitness. All rights reserved.", true, 1, 4)]
    [InlineData("© 2025 Example Fitness. All rights reserved.", false, 8, 4)]
    [InlineData("© 2025 Example Fitness. All rights reserved.", false, 1, 2)]
    public void In_text_a_photo_credit_a_rights_line_inside_the_article_or_a_footer_under_little_or_above_more_text_moves_nothing(
        string line, bool lineAfterKeptBlock, int listRepeats, int storyParagraphs)
    {
        var (page, scores) = FooterPage(line, lineAfterKeptBlock, listRepeats, storyParagraphs);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.All(ListUnderFooter, entry => Assert.Contains(entry, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void In_text_only_the_last_copyright_line_marks_the_footer()
    {
        // A menu copied into the page carries the same line above the rest of the story.
        string[] more =
        [
            "Recovery matters as much as the workout: the sauna, the stretching area and a day off between heavy sessions keep new members coming back.",
            "Finally, write down what you did on each visit, because a simple log shows progress sooner than the mirror or the scales ever will.",
        ];
        var (page, scores) = Scored(
        [
            .. FooterStory.Select(p => (p, 0.95f, 0.04f, 0.01f)),
            ("Classes", 0.05f, 0.9f, 0.05f), ("© 2025 Example Fitness", 0.02f, 0.08f, 0.9f),
            .. more.Select(p => (p, 0.95f, 0.04f, 0.01f)),
            ("Terms of Use", 0.05f, 0.6f, 0.35f), ("© 2025 Example Fitness", 0.02f, 0.08f, 0.9f),
            .. ListUnderFooter.Select(line => (line, 0.7f, 0.29f, 0.01f)),
        ]);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Equal(string.Join("\n\n", FooterStory.Concat(more)), result.Text);
    }

    [Fact]
    public void In_html_the_footer_is_the_containers_to_judge()
    {
        // The same lines in one container: the markup, not the copyright line, says where the article ends.
        var html = "<body><article>" + string.Concat(FooterStory.Select(p => $"<p>{p}</p>")) + "<p>Terms of Use</p>" +
            "<p>© 2025 Example Fitness. All rights reserved.</p>" + string.Concat(ListUnderFooter.Select(l => $"<p>{l}</p>")) + "</article></body>";
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None);
        var scores = new PageScores(Labels, [.. page.Blocks.SelectMany(b =>
            FooterStory.Contains(b.Text) ? new[] { 0.95f, 0.04f, 0.01f } : ListUnderFooter.Contains(b.Text) ? [0.7f, 0.29f, 0.01f] : [0.02f, 0.08f, 0.9f])]);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.All(ListUnderFooter, line => Assert.Contains(line, result.Text, StringComparison.Ordinal));
    }

    private static readonly string[] CollectionItems =
    [
        "Merino crew socks with a cushioned sole and a seamless toe, knitted in Portugal from traceable wool and sold in packs of three",
        "Wool hiking socks with a reinforced heel and toe that keep their shape after a hundred washes and a thousand miles of trail",
        "Thin liner socks for running shoes, quick to dry and cool on long summer runs, with a mesh panel over the top of the foot",
    ];

    /// <summary>A text page of a shop's collection: its name kept, the items' texts read as chrome near the line, a menu far from it.</summary>
    private static (SegmentedPage Page, PageScores Scores) ThinPage(float itemBody, int keptLineRepeats = 1, int items = 3) =>
        Scored(
        [
            ("Home", 0.02f, 0.97f, 0.01f), ("Sale", 0.03f, 0.96f, 0.01f),
            (string.Concat(Enumerable.Repeat("Winter socks for every walk. ", keptLineRepeats)).Trim(), 0.8f, 0.19f, 0.01f),
            .. CollectionItems.Take(items).Select(item => (item, itemBody, 1 - itemBody - 0.01f, 0.01f)),
            ("Privacy policy", 0.01f, 0.2f, 0.79f),
        ]);

    [Fact]
    public void When_the_kept_text_is_thin_the_likeliest_dropped_blocks_come_back()
    {
        var (page, scores) = ThinPage(itemBody: 0.4f);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);
        var precise = ArticleAssembler.Clean(page, scores, new CleanOptions { Bias = -0.2f }, "v", CancellationToken.None);
        var strict = ArticleAssembler.Clean(page, scores, new CleanOptions { Threshold = 0.5f }, "v", CancellationToken.None);

        Assert.Equal(["Winter socks for every walk.", .. CollectionItems], result.Blocks.Where(b => b.Kept).Select(b => b.Block.Text));
        Assert.Equal("Winter socks for every walk.", precise.Text);
        Assert.Equal("Winter socks for every walk.", strict.Text);
    }

    [Theory]
    [InlineData(0.4f, 8, 3)]
    [InlineData(0.18f, 1, 3)]
    [InlineData(0.4f, 1, 1)]
    public void An_article_of_a_short_paragraph_or_more_or_blocks_far_from_the_line_or_short_chrome_stay_as_the_model_decided(
        float itemBody, int keptLineRepeats, int items)
    {
        var (page, scores) = ThinPage(itemBody, keptLineRepeats, items);

        var result = ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);

        Assert.Single(result.Blocks, b => b.Kept);
    }

    [Fact]
    public void A_thin_article_brings_back_only_what_the_model_dropped_not_what_a_rule_dropped()
    {
        var (page, scores) = ThinPage(itemBody: 0.4f);
        var kept = new[] { false, false, true, false, false, false, false };
        var reasons = new[] { "navigation", "navigation", "", "navigation", ArticleAssembler.Comment, ArticleAssembler.BelowThreshold, "legal" };
        var rule = KeepRule.Create(CleanOptions.Default, scores.Labels);

        ThinArticle.Apply(page, scores, rule, kept, reasons, CancellationToken.None);

        Assert.Equal([false, false, true, true, false, true, false], kept);
        Assert.Equal(ArticleAssembler.Comment, reasons[4]);
    }
}
