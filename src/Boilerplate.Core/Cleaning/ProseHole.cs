using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// A dropped block of prose whose two neighbours are kept and share its container comes back when its keep probability
/// reaches <see cref="ArticleContainer.KeepInside"/>: the container rule's fill, for the pages where that rule stands
/// aside (what it would drop is past its bound) or the hole lies outside its container. Sentences of an article the
/// model half reads as a notice (Chinese prose scored legal at body 0.4) are what it brings back. It adds one block at
/// a time between kept blocks of one container, so it cannot carry a page anywhere the blocks around it are not
/// already.
/// </summary>
internal static class ProseHole
{
    /// <summary>Fewest characters of a block it brings back: a sentence, not a "Share" or "Advertisement" line.</summary>
    public const int MinChars = 40;

    /// <summary>Keeps the holes of <paramref name="kept"/> that qualify, clearing their <paramref name="reasons"/>.</summary>
    public static void Apply(SegmentedPage page, PageScores scores, KeepRule rule, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        var blocks = page.Blocks;
        if (page.Format != InputFormat.Html)
        {
            return;
        }

        // Decided on the kept blocks as they stand, then applied: a block brought back is nobody's neighbour here.
        var holes = new List<int>();
        for (var i = 1; i + 1 < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (!kept[i] && kept[i - 1] && kept[i + 1] && blocks[i].Text.Length >= MinChars
                && blocks[i].Dom is { } dom && blocks[i - 1].Dom?.ContainerId == dom.ContainerId && blocks[i + 1].Dom?.ContainerId == dom.ContainerId
                && ArticleContainer.MayFill(blocks[i], rule.KeptMass(scores.For(i))))
            {
                holes.Add(i);
            }
        }

        foreach (var i in holes)
        {
            kept[i] = true;
            reasons[i] = string.Empty;
        }
    }
}
