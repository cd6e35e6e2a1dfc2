using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// A page that keeps, after every rule, less than a short paragraph (<see cref="MinChars"/>) while blocks the model
/// read as chrome came near the decision line: a collection's item texts or a product's copy at body 0.3–0.5 beside a
/// kept line or two. As when nothing was kept at all, the blocks whose keep probability reaches
/// <see cref="ArticleAssembler.FallbackShare"/> of the highest among them come back, none under
/// <see cref="MinKeepMass"/>, and only when together they hold <see cref="MinChars"/> or more: a short page's "Read
/// More" and "Share" near the line are not an article. Only blocks the model dropped come back: a rule's decision
/// (outside the article, a comment) stands.
/// </summary>
internal static class ThinArticle
{
    /// <summary>Kept characters under which a page's article counts as thin.</summary>
    public const int MinChars = 200;

    /// <summary>Keep probability a block needs to come back however low the page's best lies.</summary>
    public const float MinKeepMass = 0.2f;

    /// <summary>Brings back the likeliest dropped blocks of a page whose kept text is thin.</summary>
    public static void Apply(SegmentedPage page, PageScores scores, KeepRule rule, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        var keptChars = ArticleAssembler.KeptChars(page.Blocks, kept, cancellationToken);
        if (keptChars == 0 || keptChars >= MinChars)
        {
            return;
        }

        var back = ArticleAssembler.LikeliestDropped(scores, rule, kept, reasons, MinKeepMass, cancellationToken);
        var backChars = 0;
        foreach (var i in back)
        {
            backChars += page.Blocks[i].Text.Length;
        }

        // A short page's own chrome ("Read More", "Share") near the line is not an article the model misread.
        if (backChars < MinChars)
        {
            return;
        }

        foreach (var i in back)
        {
            kept[i] = true;
            reasons[i] = string.Empty;
        }
    }
}
