using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// The text counterpart of <see cref="ArticleContainer"/>: text has no markup to say where the article sits, but its
/// order does. The article's run is the stretch of blocks whose characters weigh most towards body (each block weighs
/// its characters times how far its keep probability lies above <see cref="RunCentre"/>, the stretch of greatest sum).
/// A kept block outside it goes only when it is short (under <see cref="MaxShortChars"/>: teasers, link lines, "Read
/// more") and near the decision line (keep probability under <see cref="ArticleContainer.KeepOutside"/>); a long
/// paragraph outside the run (a post, a comment) keeps its own decision. A dropped block inside the run, between the
/// first and the last kept block, comes back at <see cref="ArticleContainer.KeepInside"/>, as inside the container (a
/// list item or subheading the model half read as a menu line). Bounded like the container: when the run holds less
/// than <see cref="MinRunShare"/> of the kept text, or the blocks to drop hold more than
/// <see cref="ArticleContainer.MaxDroppedShare"/>, the run is not clearly the article's and nothing changes.
/// </summary>
internal static class ArticleRun
{
    /// <summary>Keep probability above which a block adds to the run, below which it takes from it.</summary>
    public const float RunCentre = 0.5f;

    /// <summary>Blocks this long or longer outside the run keep their own decision.</summary>
    public const int MaxShortChars = 200;

    /// <summary>Share of the kept characters the run must hold for the rule to act.</summary>
    public const float MinRunShare = 0.6f;

    /// <summary>
    /// Applies the run to the kept blocks of a text page (HTML pages are left to the container); blocks come back only
    /// when <paramref name="fill"/> is set (a caller asking for precision gets no additions).
    /// </summary>
    public static void Apply(
        SegmentedPage page, PageScores scores, KeepRule rule, bool[] kept, string[] reasons, bool fill, CancellationToken cancellationToken)
    {
        var blocks = page.Blocks;
        var first = Array.IndexOf(kept, true);
        if (page.Format == InputFormat.Html || first < 0)
        {
            return;
        }

        var (start, end) = Run(blocks, scores, rule, cancellationToken);
        if (start < 0)
        {
            return;
        }

        var keptChars = 0f;
        var runChars = 0f;
        var droppedChars = 0f;
        var drop = new List<int>();
        var add = new List<int>();
        var last = Array.LastIndexOf(kept, true);
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (!kept[i])
            {
                if (fill && i > Math.Max(start, first) && i < Math.Min(end, last) && ArticleContainer.MayFill(blocks[i], rule.KeptMass(scores.For(i))))
                {
                    add.Add(i);
                }

                continue;
            }

            var length = blocks[i].Text.Length;
            keptChars += length;
            if (i >= start && i <= end)
            {
                runChars += length;
            }
            else if (length < MaxShortChars && rule.KeptMass(scores.For(i)) < ArticleContainer.KeepOutside)
            {
                drop.Add(i);
                droppedChars += length;
            }
        }

        if (runChars < MinRunShare * keptChars || droppedChars > ArticleContainer.MaxDroppedShare * keptChars)
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

    /// <summary>First and last block of the stretch of greatest weight (Kadane's maximum subarray); (-1, -1) when no block leans to body.</summary>
    private static (int Start, int End) Run(IReadOnlyList<Block> blocks, PageScores scores, KeepRule rule, CancellationToken cancellationToken)
    {
        double best = 0, sum = 0;
        int bestStart = -1, bestEnd = -1, start = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (sum <= 0)
            {
                sum = 0;
                start = i;
            }

            sum += (rule.KeptMass(scores.For(i)) - RunCentre) * blocks[i].Text.Length;
            if (sum > best)
            {
                best = sum;
                bestStart = start;
                bestEnd = i;
            }
        }

        return (bestStart, bestEnd);
    }
}
