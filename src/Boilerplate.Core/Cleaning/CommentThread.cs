using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Readers' comments under an article are not the article. Blocks whose nearest containers are named as a comment
/// thread (<c>comment-list</c>, <c>comments-area</c>, <c>disqus_thread</c>, a WordPress <c>li.comment</c>) are dropped
/// on a page read as an article, unless the thread's posts are shaped like the text kept outside them: a forum that
/// names its replies "comment" wraps them as it wraps the opening post, while a blog's comments sit in markup of their
/// own (<see cref="ShapedAlike"/>); a forum probability of <see cref="MaxForumProbability"/> or more also leaves the
/// replies alone, save in text under a blog's own thread heading. A forum's replies and a product's reviews are those
/// pages' content. Bounded like the container rule: unless at least <see cref="MinRemaining"/> characters and
/// <see cref="MinRemainingShare"/> of the kept text (or
/// <see cref="EnoughRemaining"/> characters) stay, the naming is not a thread's (or the thread is the page), and
/// nothing changes. Plain text has no markup, so there the thread is found by its lines (<see cref="CommentLines"/>;
/// <see cref="ApplyToText"/>).
/// </summary>
internal static class CommentThread
{
    /// <summary>Kept characters outside the thread the rule needs to act.</summary>
    public const float MinRemaining = 400f;

    /// <summary>Share of the kept text outside the thread the rule needs to act.</summary>
    public const float MinRemainingShare = 0.2f;

    /// <summary>
    /// Kept characters outside the thread that are enough whatever the share: a story of several paragraphs is the
    /// page's, however many readers answered it (a recipe under a hundred comments).
    /// </summary>
    public const float EnoughRemaining = 1500f;

    /// <summary>Tokens read from the block's own and nearest containers' names, nearest first.</summary>
    private const int NearestTokens = 12;

    /// <summary>Forum probability from which replies are taken for the page's content, whatever their markup.</summary>
    public const float MaxForumProbability = 0.5f;

    /// <summary>Share of the naming tokens the thread and the text outside it must share to be shaped alike.</summary>
    private const double AlikeShare = 0.5;

    /// <summary>Tokens that name a comment thread on their own.</summary>
    private static readonly HashSet<string> ThreadNames = new(StringComparer.Ordinal)
    {
        "comment", "commentlist", "disqus", "commentbody", "comentarios", "commentaires", "kommentare",
    };

    /// <summary>Tokens that name a comment thread after "comments" ("comments-area", "comments-list").</summary>
    private static readonly HashSet<string> ThreadParts = new(StringComparer.Ordinal)
    {
        "area", "list", "section", "wrapper", "wrap", "container", "thread",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ThreadNameLookup = ThreadNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ThreadPartLookup = ThreadParts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Distinct comment headers the text rule needs from the thread's first one on.</summary>
    private const int MinTextHeaders = 2;

    /// <summary>
    /// Distinct headers the text rule needs when less kept text than <see cref="MinOutside"/> stands before the
    /// thread: a short story under a long thread (ten craft projects and forty readers' thanks).
    /// </summary>
    private const int ShortStoryHeaders = 3;

    /// <summary>
    /// Blocks before a text thread's first header where its marker may stand ("15 Replies to …"; "36 Comments" above
    /// a thread's sort and view links).
    /// </summary>
    private const int MarkerBefore = 6;

    /// <summary>Blocks from a text thread's first header where its marker may stand ("Reply" under the first comment).</summary>
    private const int MarkerAfter = 6;

    public static void Apply(SegmentedPage page, PageScores scores, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        var readsAsArticle = scores.ReadsAsArticle() && scores.PageTypeProbability(PageTypeNames.Forum) < MaxForumProbability;
        if (page.Format == InputFormat.Html)
        {
            if (readsAsArticle)
            {
                ApplyToMarkup(page, kept, reasons, cancellationToken);
            }
        }
        else if (scores.ReadsAsOneOf(PageTypeNames.Article, PageTypeNames.Forum))
        {
            // In text a long thread pulls the page-type model towards forum; a blog's own thread heading still names it.
            ApplyToText(page, kept, reasons, blogHeadingNeeded: !readsAsArticle, cancellationToken);
        }
    }

    private static void ApplyToMarkup(SegmentedPage page, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        var blocks = page.Blocks;
        var drop = new List<int>();
        var keptChars = 0f;
        var droppedChars = 0f;
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (!kept[i])
            {
                continue;
            }

            keptChars += blocks[i].Text.Length;
            if (blocks[i].Dom is { } dom && NamesThread(dom.AttributeTokens))
            {
                drop.Add(i);
                droppedChars += blocks[i].Text.Length;
            }
        }

        if (drop.Count == 0 || keptChars - droppedChars < MinOutside(keptChars) || ShapedAlike(blocks, kept, drop))
        {
            return;
        }

        foreach (var i in drop)
        {
            kept[i] = false;
            reasons[i] = ArticleAssembler.Comment;
        }
    }

    /// <summary>
    /// The thread in plain text: from the first comment header that follows at least <see cref="MinRemaining"/> kept
    /// characters, every kept block goes, when at least <see cref="MinTextHeaders"/> different headers follow and a
    /// line only threads carry stands near the first. A header before that point means the page's posts all carry one
    /// (a forum read as an article, a stream of dated stories) and nothing changes; so does a header repeated word for
    /// word (a dateline of the same embedded story), which counts once. A header that is only a time counted back
    /// ("1 year ago") is told apart by the reader's name on the line above it. Less kept text before the thread than
    /// the markup rule needs outside its thread (<see cref="MinOutside"/>) is a short story under a long thread only
    /// when <see cref="ShortStoryHeaders"/> different headers follow. The page-type guard of <see cref="Apply"/> is what
    /// keeps tables of dates and times out: on pages of other types the headers' pattern meets them. On text that may be
    /// a forum (<paramref name="blogHeadingNeeded"/>), only a blog's own thread heading near the first header will do
    /// ("109 Comments", "2 thoughts on …", "Leave a Reply"): a forum prints "Reply" under its posts too, but not those.
    /// </summary>
    private static void ApplyToText(SegmentedPage page, bool[] kept, string[] reasons, bool blogHeadingNeeded, CancellationToken cancellationToken)
    {
        var blocks = page.Blocks;
        var keptChars = ArticleAssembler.KeptChars(blocks, kept, cancellationToken);
        var before = 0f;
        var start = -1;
        var headers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            var text = blocks[i].Text;
            var timeUnderName = i > 0 && CommentLines.IsTimeUnderName(blocks[i - 1].Text, text);
            if (timeUnderName || CommentLines.IsHeader(text))
            {
                if (start < 0 && before < MinRemaining)
                {
                    return;
                }

                // A header in two lines starts at the reader's name.
                start = start < 0 ? (timeUnderName ? i - 1 : i) : start;
                headers.Add(timeUnderName ? blocks[i - 1].Text + "\n" + text : text);
            }

            before += start < 0 && kept[i] ? text.Length : 0;
        }

        var headersNeeded = before >= MinOutside(keptChars) ? MinTextHeaders : ShortStoryHeaders;
        if (start < 0 || headers.Count < headersNeeded || !HasMarker(blocks, start, blogHeadingNeeded))
        {
            return;
        }

        for (var i = start; i < blocks.Count; i++)
        {
            if (kept[i])
            {
                kept[i] = false;
                reasons[i] = ArticleAssembler.Comment;
            }
        }
    }

    /// <summary>
    /// Kept characters that must stay outside what a rule for an article's own chrome (a thread, a list of other
    /// stories) drops: 400, and a fifth of the kept text or <see cref="EnoughRemaining"/>. Less, and the chrome is the
    /// page or the rule misread it.
    /// </summary>
    internal static float MinOutside(float keptChars) => Math.Max(MinRemaining, Math.Min(EnoughRemaining, MinRemainingShare * keptChars));

    private static bool HasMarker(IReadOnlyList<Block> blocks, int start, bool blogHeading)
    {
        for (var i = Math.Max(0, start - MarkerBefore); i < Math.Min(blocks.Count, start + MarkerAfter); i++)
        {
            if (blogHeading ? CommentLines.IsBlogThreadHeading(blocks[i].Text) : CommentLines.IsMarker(blocks[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the thread's blocks and the kept blocks outside it carry mostly the same naming tokens once the
    /// thread's own words and digits are set aside: the tokens on at least half of each side's characters, shared at
    /// least <see cref="AlikeShare"/> (Jaccard). "narrow l w pd pb12160" around an opening post and "narrow text l w pd
    /// pb12740 comment" around a reply are alike; "entry content post" and "comment body comment list" are not.
    /// </summary>
    private static bool ShapedAlike(IReadOnlyList<Block> blocks, bool[] kept, List<int> thread)
    {
        var inThread = new HashSet<int>(thread);
        var outside = MajorityTokens(Enumerable.Range(0, blocks.Count).Where(i => kept[i] && !inThread.Contains(i)).Select(i => blocks[i]));
        var inside = MajorityTokens(thread.Select(i => blocks[i]));
        if (outside.Count == 0 || inside.Count == 0)
        {
            return false;
        }

        var shared = outside.Count(inside.Contains);
        return shared >= AlikeShare * (outside.Count + inside.Count - shared);
    }

    /// <summary>The plain naming tokens (digits and thread words left out) found on at least half of the blocks' characters.</summary>
    private static HashSet<string> MajorityTokens(IEnumerable<Block> blocks)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var block in blocks)
        {
            total += block.Text.Length;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var token in (block.Dom?.AttributeTokens ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(NearestTokens))
            {
                var plain = new string([.. token.Where(char.IsLetter)]);
                if (plain.Length > 0 && !IsThreadWord(plain) && seen.Add(plain))
                {
                    weights[plain] = weights.GetValueOrDefault(plain) + block.Text.Length;
                }
            }
        }

        return [.. weights.Where(w => w.Value * 2 >= total).Select(w => w.Key)];
    }

    /// <summary>
    /// Words that set a thread's markup apart from its post's but say nothing of the site's own naming: the thread's
    /// names, the parts that follow "comments", and the generic wrappers of any post.
    /// </summary>
    private static bool IsThreadWord(string token) =>
        ThreadNames.Contains(token) || ThreadParts.Contains(token) || token is "comments" or "reply" or "replies" or "body" or "content";

    /// <summary>Whether the nearest naming tokens say "comment thread" (not "comments-open" on the post itself).</summary>
    internal static bool NamesThread(string tokens)
    {
        var previous = ReadOnlySpan<char>.Empty;
        var taken = 0;
        foreach (var range in tokens.AsSpan().Split(' '))
        {
            var token = tokens.AsSpan()[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (ThreadNameLookup.Contains(token) || (previous is "comments" && ThreadPartLookup.Contains(token)))
            {
                return true;
            }

            previous = token;
            if (++taken == NearestTokens)
            {
                break;
            }
        }

        return false;
    }
}
