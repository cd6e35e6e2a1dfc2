using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Makes the kept blocks of an HTML page agree with where the article sits, as Readability keeps one subtree: the
/// article's container is the deepest element holding more than <see cref="ContainerShare"/> of the kept prose (a
/// block's characters outside links), so a sidebar of one-word links, however long, never outweighs an article. A kept
/// block outside it goes only when it is near the decision line (keep probability under <see cref="KeepOutside"/>); a
/// dropped block inside it, between the first and the last kept block, comes back at <see cref="KeepInside"/>. The
/// rule is bounded: when what it would drop is more than <see cref="MaxDroppedShare"/> of the kept prose or text, the
/// container is the wrong one and nothing changes, so one wrong score cannot throw an article away (on a page that reads
/// as an article, links outside the container do not count towards the text share: they weigh nothing as prose). Text
/// input has no markup: <see cref="ArticleRun"/> does the same from the blocks' order.
/// </summary>
internal static class ArticleContainer
{
    /// <summary>Share of the kept characters the article's container holds.</summary>
    public const float ContainerShare = 0.75f;

    /// <summary>Keep probability a kept block outside the container needs to stay.</summary>
    public const float KeepOutside = 0.8f;

    /// <summary>Keep probability a dropped block inside the container needs to come back.</summary>
    public const float KeepInside = 0.3f;

    /// <summary>Most of the kept prose the rule may drop; past it the container is not the article's.</summary>
    public const float MaxDroppedShare = 0.25f;

    /// <summary>Article probability from which links outside the container do not count towards the bound.</summary>
    public const float ArticleLinksOutside = 0.5f;

    /// <summary>Share of a block's text in links from which it is a link (a headline, a menu entry) for the bound.</summary>
    public const float LinkBlockShare = 0.5f;

    /// <summary>Share of a block that a stock chrome phrase may cover for the block to come back by a fill.</summary>
    public const float MaxChromePhraseShare = 0.5f;

    /// <summary>
    /// Whether a dropped block may come back by a fill (here, <see cref="ProseHole"/> and <see cref="ArticleRun"/>):
    /// near enough to the decision line, and not a stock chrome phrase ("Share this:", "Advertisement", "Sign up for
    /// our newsletter") that the model half read as body because the article surrounds it.
    /// </summary>
    public static bool MayFill(Block block, float keptMass) =>
        keptMass >= KeepInside && NavigationLexicon.Share(block.Text) < MaxChromePhraseShare;

    /// <summary>
    /// Applies the container to <paramref name="kept"/> and <paramref name="reasons"/>; blocks come back only when
    /// <paramref name="fill"/> is set (a caller asking for precision gets no additions).
    /// </summary>
    public static void Apply(
        SegmentedPage page, PageScores scores, KeepRule rule, bool[] kept, string[] reasons, bool fill, CancellationToken cancellationToken)
    {
        var blocks = page.Blocks;
        var first = Array.IndexOf(kept, true);
        if (first < 0 || page.Format != InputFormat.Html)
        {
            return;
        }

        var chars = new float[blocks.Count];
        var weights = new float[blocks.Count];
        var keptProse = 0f;
        var keptChars = 0f;
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            keptChars += kept[i] ? blocks[i].Text.Length : 0;
            chars[i] = Prose(blocks[i]);
            weights[i] = kept[i] ? 1 : 0;
            keptProse += kept[i] ? chars[i] : 0;
        }

        if (keptProse <= 0 || ElementMass.Build(blocks, chars, weights, 1) is not { } mass || mass.Root(0, ContainerShare) is not (>= 0 and var root))
        {
            return;
        }

        // A list of headline links beside a story is the sidebar this rule exists to drop, and on a page that reads
        // as an article it is never the article: there its links do not count towards the bound. On listing,
        // collection and service pages lists of links are the content, so the bound counts them.
        var linksCount = scores.PageTypeProbability(PageTypeNames.Article) < ArticleLinksOutside;
        var last = Array.LastIndexOf(kept, true);
        var drop = new List<int>();
        var add = new List<int>();
        var droppedProse = 0f;
        var droppedChars = 0f;
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (blocks[i].Dom is not { Element: { } element } dom)
            {
                continue;
            }

            var isInside = mass.Contains(element, root);
            if (kept[i] && !isInside && rule.KeptMass(scores.For(i)) < KeepOutside)
            {
                drop.Add(i);
                droppedProse += chars[i];
                droppedChars += linksCount || dom.LinkTextShare < LinkBlockShare ? blocks[i].Text.Length : 0;
            }
            else if (fill && !kept[i] && isInside && i > first && i < last && MayFill(blocks[i], rule.KeptMass(scores.For(i))))
            {
                add.Add(i);
            }
        }

        if (droppedProse > MaxDroppedShare * keptProse || droppedChars > MaxDroppedShare * keptChars)
        {
            return;
        }

        foreach (var i in drop)
        {
            kept[i] = false;
            reasons[i] = ArticleAssembler.OutsideArticle;
        }

        foreach (var i in add)
        {
            kept[i] = true;
            reasons[i] = string.Empty;
        }
    }

    /// <summary>A block's characters outside links: what it weighs towards the article's container.</summary>
    private static float Prose(Block block) =>
        block.Text.Length * (1f - Math.Clamp(block.Dom?.LinkTextShare ?? 0f, 0f, 1f));
}
