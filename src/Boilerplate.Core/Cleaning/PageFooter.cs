using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// The footer of a text page: the page's last copyright line ("© 2025 Example Ltd", "Copyright 2024 …", "All rights
/// reserved"; <see cref="LegalLexicon.IsCopyrightLine"/>), dropped and under another dropped block, marks where the
/// site's footer begins, and the kept blocks under it (a list of areas served, a sitemap, a teaser grid) go as outside
/// the article. Text has no markup to say where the footer sits; HTML pages are left to the container rule. Bounded:
/// the line counts only with <see cref="MinKeptAbove"/> kept characters above it, and only when what it would drop
/// holds fewer characters than the kept text above it, so a rights line inside the article (a quoted excerpt's)
/// takes at most its lesser part with it.
/// </summary>
internal static class PageFooter
{
    /// <summary>Kept characters above the copyright line for it to count as the footer's.</summary>
    public const int MinKeptAbove = 500;

    /// <summary>Drops the kept blocks of a text page below its footer's copyright line.</summary>
    public static void Apply(SegmentedPage page, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        if (page.Format == InputFormat.Html)
        {
            return;
        }

        // The last copyright line is the footer's: a menu copied into the header may carry the same line far above.
        var blocks = page.Blocks;
        var keptBelow = 0;
        for (var i = blocks.Count - 1; i > 0; i--)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (kept[i])
            {
                keptBelow += blocks[i].Text.Length;
            }
            else if (!kept[i - 1] && LegalLexicon.IsCopyrightLine(blocks[i].Text))
            {
                DropBelow(page, i, keptBelow, kept, reasons, cancellationToken);
                return;
            }
        }
    }

    private static void DropBelow(SegmentedPage page, int line, int keptBelow, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        var blocks = page.Blocks;
        var keptAbove = 0;
        for (var i = 0; i < line; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (kept[i])
            {
                keptAbove += blocks[i].Text.Length;
            }
        }

        if (keptBelow == 0 || keptAbove < MinKeptAbove || keptBelow >= keptAbove)
        {
            return;
        }

        for (var i = line + 1; i < blocks.Count; i++)
        {
            if (kept[i])
            {
                kept[i] = false;
                reasons[i] = ArticleAssembler.OutsideArticle;
            }
        }
    }
}
