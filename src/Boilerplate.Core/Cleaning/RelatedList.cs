using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// A line that only titles a list of other stories ("Related articles", "Lesen Sie auch", "関連記事";
/// <see cref="NavigationLexicon.ListHeadings"/>) and the short lines under it (headlines, each under
/// <see cref="MaxItemChars"/>, up to the first paragraph) go as outside the article, on pages read as an article: the
/// headlines read as prose one by one, and in text the article run takes them in. In HTML the heading must not be a
/// link itself (a menu's "Related" entry heads no list). Bounded as the comment-thread rule is: unless a story stays
/// outside the sections dropped, all of them together (<see cref="CommentThread.MinOutside"/>), the heading did not
/// head a list beside it (a menu entry above an article of short lines) and its section stays. Other page types keep
/// theirs: on a listing page the list may be the content.
/// </summary>
internal static class RelatedList
{
    /// <summary>A line this long or longer is a paragraph: where the list ends.</summary>
    public const int MaxItemChars = 150;

    public static void Apply(SegmentedPage page, PageScores scores, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        if (!scores.ReadsAsArticle())
        {
            return;
        }

        var blocks = page.Blocks;
        var keptChars = ArticleAssembler.KeptChars(blocks, kept, cancellationToken);
        var remaining = keptChars;
        var drop = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (!NavigationLexicon.IsListHeading(blocks[i].Text) || blocks[i].Dom is { LinkTextShare: >= ArticleContainer.LinkBlockShare })
            {
                continue;
            }

            // The section's kept lines are decided on the kept blocks as the rules before left them.
            drop.Clear();
            var sectionChars = 0f;
            var end = i;
            for (; end < blocks.Count && (end == i || blocks[end].Text.Length < MaxItemChars); end++)
            {
                if (kept[end])
                {
                    drop.Add(end);
                    sectionChars += blocks[end].Text.Length;
                }
            }

            // What stays counts every section dropped before this one, so several lists cannot take the story between them.
            if (remaining - sectionChars >= CommentThread.MinOutside(keptChars))
            {
                remaining -= sectionChars;
                foreach (var item in drop)
                {
                    kept[item] = false;
                    reasons[item] = ArticleAssembler.OutsideArticle;
                }
            }

            i = end - 1;
        }
    }
}
