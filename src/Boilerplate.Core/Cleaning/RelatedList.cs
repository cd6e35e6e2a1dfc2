using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// In plain text, a line that only titles a list of other stories ("Related articles", "Lesen Sie auch", "関連記事";
/// <see cref="NavigationLexicon.ListHeadings"/>) and the short lines under it (headlines, each under
/// <see cref="MaxItemChars"/>, up to the first paragraph) go as outside the article, on pages read as an article. In
/// HTML the container rule sees such a list beside the story; text has only its order, and there the headlines under
/// the heading read as prose one by one. Other page types keep theirs: on a listing page the list may be the content.
/// </summary>
internal static class RelatedList
{
    /// <summary>A line this long or longer is a paragraph: where the list ends.</summary>
    public const int MaxItemChars = 150;

    public static void Apply(SegmentedPage page, PageScores scores, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        if (page.Format == InputFormat.Html || !scores.ReadsAsArticle())
        {
            return;
        }

        var blocks = page.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (!NavigationLexicon.IsListHeading(blocks[i].Text))
            {
                continue;
            }

            for (var item = i; item < blocks.Count && (item == i || blocks[item].Text.Length < MaxItemChars); item++)
            {
                if (kept[item])
                {
                    kept[item] = false;
                    reasons[item] = ArticleAssembler.OutsideArticle;
                }
            }
        }
    }
}
