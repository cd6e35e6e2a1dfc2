using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Readers' comments under an article are not the article. Blocks whose nearest containers are named as a comment
/// thread (<c>comment-list</c>, <c>comments-area</c>, <c>disqus_thread</c>, a WordPress <c>li.comment</c>) are dropped
/// on a page read as an article, and not when it may be a forum (forum probability <see cref="MaxForumProbability"/> or
/// more): a forum's replies and a product's reviews are those pages' content. Bounded like the container rule: unless at least
/// <see cref="MinRemaining"/> characters and <see cref="MinRemainingShare"/> of the kept text stay, the naming is not a
/// thread's (or the thread is the page), and nothing changes.
/// </summary>
internal static class CommentThread
{
    /// <summary>Kept characters outside the thread the rule needs to act.</summary>
    public const float MinRemaining = 400f;

    /// <summary>Share of the kept text outside the thread the rule needs to act.</summary>
    public const float MinRemainingShare = 0.2f;

    /// <summary>Tokens read from the block's own and nearest containers' names, nearest first.</summary>
    private const int NearestTokens = 12;

    /// <summary>Forum probability from which replies may be the page's content.</summary>
    public const float MaxForumProbability = 0.1f;

    public static void Apply(SegmentedPage page, PageScores scores, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        if (page.Format != InputFormat.Html || scores.PageType != PageTypeNames.Article || scores.PageTypeProbability(PageTypeNames.Forum) >= MaxForumProbability)
        {
            return;
        }

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

        if (drop.Count == 0 || keptChars - droppedChars < Math.Max(MinRemaining, MinRemainingShare * keptChars))
        {
            return;
        }

        foreach (var i in drop)
        {
            kept[i] = false;
            reasons[i] = ArticleAssembler.Comment;
        }
    }

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

            if (token is "comment" or "commentlist" or "disqus" or "commentbody" or "comentarios" or "commentaires" or "kommentare"
                || (previous is "comments" && token is "area" or "list" or "section" or "wrapper" or "wrap" or "container" or "thread"))
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
