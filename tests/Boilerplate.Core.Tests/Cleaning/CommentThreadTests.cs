using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Cleaning;

public sealed class CommentThreadTests
{
    private static readonly string[] Labels = ["body", "navigation", "legal"];

    private static readonly string[] PageTypes = ["article", "forum", "product"];

    private static readonly string[] Story =
    [
        "The regional water board approved a plan on Thursday to replace the ageing pipes under the old town, a project that engineers say will take four years and cost about 60 million.",
        "Residents have complained for years about low pressure and brown water after heavy rain, and the board's own survey found that one in five pipes had corroded beyond repair.",
        "Work will begin in the northern districts next spring, where the oldest cast-iron mains date from the 1920s, and move south street by street to keep closures short.",
    ];

    private static readonly string[] Comments =
    [
        "I live on one of the northern streets and we have had brown water every autumn for as long as I can remember, so this is welcome news.",
        "Four years seems optimistic to me. The last time the board dug up the high street it took twice as long as they promised and the shops suffered.",
    ];

    private static string Html(int storyParagraphs) =>
        "<body><article class=\"post type-post status-publish comments-open\"><h1>Water board approves pipe renewal</h1>" +
        string.Concat(Story.Take(storyParagraphs).Select(p => $"<p>{p}</p>")) + "</article>" +
        "<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">" +
        string.Concat(Comments.Select((c, i) =>
            $"<li id=\"comment-{i}\" class=\"comment even depth-1\"><article class=\"comment-body\"><div class=\"comment-content\"><p>{c}</p></div></article></li>")) +
        "</ol></div></body>";

    /// <summary>The story and its comments as plain text, each comment under a header and above a reply link.</summary>
    private static string Text(int storyParagraphs, string thread = "2 thoughts on \u201cWater board approves pipe renewal\u201d") =>
        string.Join("\n\n", ["Water board approves pipe renewal", .. Story.Take(storyParagraphs), thread,
            .. Comments.SelectMany((c, i) => new[] { $"Reader{i} says:", $"September 12, 2018 at 4:4{i} pm", c, "Reply" })]);

    /// <summary>Every block scored as likely body, so only the rule decides; the page type is as given.</summary>
    private static CleanResult Clean(string html, string pageType, float forum) =>
        Clean(new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None), pageType, forum);

    private static CleanResult CleanText(string text, string pageType = "article", float forum = 0.02f, float? article = null) =>
        Clean(new TextSegmenter().Segment(text, null), pageType, forum, article);

    private static CleanResult Clean(SegmentedPage page, string pageType, float forum, float? article = null)
    {
        var others = (1f - forum) / 2;
        var scores = new PageScores(Labels, [.. page.Blocks.SelectMany(_ => new[] { 0.9f, 0.05f, 0.05f })])
        {
            PageType = pageType,
            PageTypes = PageTypes,
            PageTypeProbabilities = [article ?? others, forum, 1f - forum - (article ?? others)],
        };
        return ArticleAssembler.Clean(page, scores, CleanOptions.Default, "v", CancellationToken.None);
    }

    [Fact]
    public void Readers_comments_under_an_article_are_dropped_as_comments()
    {
        var result = Clean(Html(3), "article", 0.02f);

        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.All(Comments, c => Assert.DoesNotContain(c, result.Text, StringComparison.Ordinal));
        Assert.All(result.Blocks.Where(p => Comments.Contains(p.Block.Text)), p => Assert.Equal(ArticleAssembler.Comment, p.Reason));
    }

    [Fact]
    public void Comments_go_on_an_article_that_looks_a_little_like_a_forum_when_their_markup_is_their_own()
    {
        var result = Clean(Html(3), "article", 0.26f);

        Assert.All(Comments, c => Assert.DoesNotContain(c, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Replies_wrapped_like_the_opening_post_stay_though_they_are_named_comments()
    {
        // A forum read as an article: the opening post and the replies share their wrappers, only "comment" and the
        // post ids differ.
        var html = "<body><div class=\"narrow l w pd pb121604\"><p>" + Story[0] + "</p><p>" + Story[1] + "</p><p>" + Story[2] + "</p></div>" +
            string.Concat(Comments.Select((c, i) => $"<div class=\"narrow text l w pd pb12740{i} comment\"><p>{c}</p></div>")) + "</body>";

        var result = Clean(html, "article", 0.02f);

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("article", CommentThread.MaxForumProbability)]
    [InlineData("forum", 0.9f)]
    [InlineData("product", 0.01f)]
    public void Replies_stay_where_the_page_may_be_a_forum_or_is_not_an_article(string pageType, float forum)
    {
        var result = Clean(Html(3), pageType, forum);

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_changes_when_too_little_would_stay()
    {
        // One short paragraph outside the thread: the naming may be wrong, or the thread is the page.
        var result = Clean(Html(1), "article", 0.02f);

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_story_keeps_its_place_under_a_thread_many_times_its_length()
    {
        // Twelve paragraphs of story (about 2,000 characters) under 80 comments: under a fifth of the kept text,
        // but no forum's opening post is a story this long, so the thread still goes.
        var story = string.Concat(Enumerable.Range(0, 4).SelectMany(_ => Story).Select(p => $"<p>{p}</p>"));
        var thread = string.Concat(Enumerable.Range(0, 40).SelectMany(i => Comments.Select((c, j) =>
            $"<li id=\"comment-{i}-{j}\" class=\"comment even depth-1\"><article class=\"comment-body\"><div class=\"comment-content\"><p>{c} ({i})</p></div></article></li>")));
        var html = "<body><article class=\"post\"><h1>Water board approves pipe renewal</h1>" + story + "</article>" +
            "<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">" + thread + "</ol></div></body>";

        var result = Clean(html, "article", 0.02f);

        Assert.True(Story.Sum(p => p.Length) * 4 >= CommentThread.EnoughRemaining);
        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.DoesNotContain(Comments[0], result.Text, StringComparison.Ordinal);
        Assert.Equal(80, result.Blocks.Count(p => p.Reason == ArticleAssembler.Comment));
    }

    [Fact]
    public void Readers_comments_under_an_article_sent_as_text_are_dropped_as_comments()
    {
        var result = CleanText(Text(3));

        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.All(Comments, c => Assert.DoesNotContain(c, result.Text, StringComparison.Ordinal));
        Assert.All(result.Blocks.Where(p => Comments.Contains(p.Block.Text)), p => Assert.Equal(ArticleAssembler.Comment, p.Reason));
    }

    [Fact]
    public void Comments_go_in_text_whose_type_the_model_withheld_when_article_is_its_likeliest()
    {
        var result = CleanText(Text(3), pageType: "", article: 0.5f);

        Assert.All(Comments, c => Assert.DoesNotContain(c, result.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("forum", 0.9f, null)]
    [InlineData("article", CommentThread.MaxForumProbability, null)]
    [InlineData("", 0.02f, 0.4f)]
    public void Replies_in_text_stay_where_the_page_may_be_a_forum_or_is_likelier_another_type(string pageType, float forum, float? article)
    {
        // A thread line forums print too: only a blog's own heading lets the rule act on a page that may be a forum.
        var result = CleanText(Text(3, thread: "Comments"), pageType, forum, article);

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Comments_go_in_text_read_as_a_forum_under_a_blogs_own_thread_heading()
    {
        // A long thread pulls the page-type model towards forum; "2 Comments" above it is a blog's, not a forum's.
        var result = CleanText(Text(3, thread: "2 Comments"), pageType: "", forum: 0.6f, article: 0.2f);

        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.All(Comments, c => Assert.DoesNotContain(c, result.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Comments", "", 0.6f, 0.2f)]
    [InlineData("2 Comments", "product", 0.3f, 0.1f)]
    public void Replies_in_text_read_as_a_forum_stay_without_a_blog_heading_and_other_types_keep_theirs(string thread, string pageType, float forum, float article)
    {
        var result = CleanText(Text(3, thread), pageType, forum, article);

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Replies_in_text_stay_when_the_opening_post_carries_a_header_too()
    {
        // A forum read as an article: every post, the first included, opens with its author and time.
        var result = CleanText("Admin says:\n\nSeptember 12, 2018 at 4:30 pm\n\n" + Text(3));

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Text_after_one_dateline_repeated_stays()
    {
        // An embedded story's dateline, printed each time the widget is: one header, however often it stands.
        string[] rest = [Comments[0], "Published on May 02, 2024 07:44 PM", "Comments", Comments[1], "Published on May 02, 2024 07:44 PM"];
        var result = CleanText(string.Join("\n\n", [.. Story, "Published on May 02, 2024 07:44 PM", .. rest]));

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Dated_lines_without_a_thread_line_beside_them_stay()
    {
        // A fixture list: dates and times, but nothing only a thread carries.
        var result = CleanText(string.Join("\n\n", [.. Story, "Saturday 12/04/2025 at 15:00", Comments[0], "Sunday 13/04/2025 at 17:30", Comments[1]]));

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_thread_whose_headers_give_only_a_time_counted_back_goes_in_text()
    {
        // A thread widget's heading, its sort and view links, then each reader's name above "1 year ago".
        string[] thread = ["2 Comments", "Oldest", "Newest Most Voted", "Inline Feedbacks", "View all comments"];
        var comments = Comments.SelectMany((c, i) => new[] { $"Reader{i}", "1 year ago", c, $"{i + 3}" });
        var result = CleanText(string.Join("\n\n", ["Water board approves pipe renewal", .. Story, .. thread, .. comments]));

        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.All(Comments, c => Assert.DoesNotContain(c, result.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("Reader0", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Headlines_over_times_counted_back_are_no_readers()
    {
        // A news list after the story, beside its comment count: each headline over its age.
        string[] list = ["941 comments", "Council delays harbour bridge vote", "49 minutes ago",
            "Storm warning for the north coast", "39 minutes ago", Comments[0], Comments[1]];
        var result = CleanText(string.Join("\n\n", [.. Story, .. list]));

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void One_reader_and_time_repeated_is_one_header()
    {
        // The same name over the same time, printed twice (a card shown again), is no thread of different readers.
        var lines = new[] { "Reader0", "1 year ago", Comments[0], "Reply", "Reader0", "1 year ago", Comments[1] };
        var result = CleanText(string.Join("\n\n", [.. Story, .. lines]));

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(2, false)]
    public void A_short_story_under_a_long_thread_loses_the_thread_only_when_many_readers_wrote(int readers, bool dropped)
    {
        // The same thread text either way, longer than four times the story: 16 readers, or 2 who wrote long replies.
        var replies = Enumerable.Range(0, 16).Select(i => Comments[i % 2] + " " + Comments[(i + 1) % 2]).ToArray();
        var headers = replies.Select((_, i) => $"Reader{i % readers} says:");
        var text = string.Join("\n\n", ["Water board approves pipe renewal", .. Story, "16 Comments",
            .. headers.Zip(replies).SelectMany(p => new[] { p.First, p.Second, "Reply" })]);

        var result = CleanText(text);

        Assert.All(Story, p => Assert.Contains(p, result.Text, StringComparison.Ordinal));
        Assert.Equal(!dropped, result.Text.Contains(replies[0], StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_changes_in_text_when_too_little_would_stay()
    {
        var result = CleanText(Text(1));

        Assert.All(Comments, c => Assert.Contains(c, result.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Kathy Owen says:", true)]
    [InlineData("Reader on September 12, 2018 at 4:47 pm said:", true)]
    [InlineData("Ammon · March 11, 2017 at 8:41 PM", true)]
    [InlineData("Martina schrieb:", true)]
    [InlineData("12/03/2024 19:30", true)]
    [InlineData("March 11, 2017", false)]
    [InlineData("At 8:41 the train left.", false)]
    [InlineData("The minister says the plan, announced in 2019 at 9:00, will go ahead as the council agreed in a long and stormy session last night.", false)]
    public void A_comment_header_names_a_time_and_a_date_or_says_something(string line, bool expected) =>
        Assert.Equal(expected, CommentLines.IsHeader(line));

    [Theory]
    [InlineData("109 Comments", true)]
    [InlineData("10 comments:", true)]
    [InlineData("2 thoughts on \u201cWater board approves pipe renewal\u201d", true)]
    [InlineData("Leave a Reply", true)]
    [InlineData("Reply", false)]
    [InlineData("Comments", false)]
    [InlineData("109 Comments | Jill Winger | Last Updated: March 11, 2019", false)]
    public void A_blog_thread_heading_is_one_forums_do_not_print(string line, bool expected) =>
        Assert.Equal(expected, CommentLines.IsBlogThreadHeading(line));

    [Theory]
    [InlineData("1 year ago", true)]
    [InlineData("about 3 hours ago", true)]
    [InlineData("8d", true)]
    [InlineData("vor 2 Tagen", true)]
    [InlineData("il y a 3 jours", true)]
    [InlineData("hace 2 días", true)]
    [InlineData("3 giorni fa", true)]
    [InlineData("3日前", true)]
    [InlineData("2 дня назад", true)]
    [InlineData("Years ago, the town had no mains water at all.", false)]
    [InlineData("8 days of rain", false)]
    [InlineData("2024", false)]
    public void A_time_counted_back_is_a_whole_short_line(string line, bool expected) =>
        Assert.Equal(expected, CommentLines.IsRelativeTime(line));

    [Theory]
    [InlineData("15 Replies to \u201cOpen-sourcing the CAD files\u201d", true)]
    [InlineData("2 thoughts on \u201cWater board approves pipe renewal\u201d", true)]
    [InlineData("Comments", true)]
    [InlineData("Leave a Reply", true)]
    [InlineData("Reply", true)]
    [InlineData("Antworten", true)]
    [InlineData("Kommentare (3)", true)]
    [InlineData("Reply to this story's author, the council said, by Friday.", false)]
    [InlineData("Makali wrote:", false)]
    [InlineData("Related stories", false)]
    public void A_thread_line_is_one_only_threads_carry(string line, bool expected) =>
        Assert.Equal(expected, CommentLines.IsMarker(line));

    [Theory]
    [InlineData("comment even thread even depth comment body", true)]
    [InlineData("comments area site main", true)]
    [InlineData("div comment", true)]
    [InlineData("disqus thread", true)]
    [InlineData("commentlist", true)]
    [InlineData("entry content post type post status publish comments open", false)]
    [InlineData("comments count link", false)]
    [InlineData("related posts", false)]
    [InlineData("", false)]
    public void Names_a_thread_only_where_the_naming_says_thread(string tokens, bool expected) =>
        Assert.Equal(expected, CommentThread.NamesThread(tokens));

    [Fact]
    public void Only_the_nearest_names_count()
    {
        var far = string.Join(' ', Enumerable.Repeat("wrapper", 12)) + " comment";
        Assert.False(CommentThread.NamesThread(far));
        Assert.True(CommentThread.NamesThread(string.Join(' ', Enumerable.Repeat("wrapper", 11)) + " comment"));
    }
}
