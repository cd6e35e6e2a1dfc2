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

    /// <summary>Every block scored as likely body, so only the rule decides; the page type is as given.</summary>
    private static CleanResult Clean(string html, string pageType, float forum)
    {
        var page = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, null, CancellationToken.None);
        var others = (1f - forum) / 2;
        var scores = new PageScores(Labels, [.. page.Blocks.SelectMany(_ => new[] { 0.9f, 0.05f, 0.05f })])
        {
            PageType = pageType,
            PageTypes = PageTypes,
            PageTypeProbabilities = [others, forum, others],
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
