using Boilerplate.Core.Errors;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Assembles the article from a scored page, the last stage of cleaning: applies the keep rule (see <see cref="CleanOptions"/> and the
/// remarks of <c>KeepRule</c>), under the bias rule makes an HTML page's kept blocks agree with the article's
/// container (<c>ArticleContainer</c>), drops near-duplicates of kept paragraphs, and renders the kept blocks as text
/// and, when asked, Markdown and HTML (both led by the title, see <see cref="ArticleTitle"/>).
/// </summary>
public static class ArticleAssembler
{
    /// <summary>Reason given for a block whose best label is a keep label but whose score missed the bar.</summary>
    public const string BelowThreshold = "below threshold";

    /// <summary>Reason given for a block dropped as a near-duplicate of another kept one.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Reason given for a block of an HTML page dropped because it lies outside the article's container.</summary>
    public const string OutsideArticle = "outside the article";

    /// <summary>Reason given for a block of a readers' comment thread under an article.</summary>
    public const string Comment = "comment";

    /// <summary>Reason given for a paragraph of a text page that is only a tag pointing at a URL (see <c>StrayMarkup</c>).</summary>
    public const string Markup = "markup";

    /// <summary>Share of the likeliest block's keep probability a block needs when nothing cleared the bar.</summary>
    public const float FallbackShare = 0.5f;

    /// <summary>Blocks handled between cancellation checks in each pass over a page.</summary>
    public const int CancellationCheckInterval = 256;

    /// <summary>Cleans <paramref name="page"/> using <paramref name="scores"/> (one row per block).</summary>
    /// <exception cref="PageRejectedException">The options do not fit the model (unknown label, value out of range).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static CleanResult Clean(SegmentedPage page, PageScores scores, CleanOptions options, string modelVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.BlockCount != page.Blocks.Count)
        {
            throw new ArgumentException(
                $"The classifier scored {scores.BlockCount} blocks but the page has {page.Blocks.Count}.", nameof(scores));
        }

        var rule = KeepRule.Create(options, scores.Labels);
        var count = page.Blocks.Count;
        var kept = new bool[count];
        var reasons = new string[count];
        for (var i = 0; i < count; i++)
        {
            ThrowIfCancelled(i, cancellationToken);
            var best = scores.ArgMax(i);
            kept[i] = rule.Keeps(scores.For(i));
            reasons[i] = kept[i] ? string.Empty : rule.IsKeepLabel(best) ? BelowThreshold : scores.Labels[best];
        }

        if (options.Threshold is null && options.Bias >= 0 && count > 0 && Array.IndexOf(kept, true) < 0)
        {
            KeepTheLikeliest(page, scores, rule, kept, reasons, cancellationToken);
        }

        if (options.Threshold is null)
        {
            ArticleContainer.Apply(page, scores, rule, kept, reasons, fill: options.Bias >= 0, cancellationToken);
            if (options.Bias >= 0)
            {
                ProseHole.Apply(page, scores, rule, kept, reasons, cancellationToken);
            }

            ArticleRun.Apply(page, scores, rule, kept, reasons, fill: options.Bias >= 0, cancellationToken);
            CommentThread.Apply(page, scores, kept, reasons, cancellationToken);
            RelatedList.Apply(page, scores, kept, reasons, cancellationToken);
            PageFooter.Apply(page, kept, reasons, cancellationToken);
            if (options.Bias >= 0)
            {
                ThinArticle.Apply(page, scores, rule, kept, reasons, cancellationToken);
            }
        }

        // Last among the keep decisions, so that no rule above brings such a paragraph back.
        StrayMarkup.Apply(page, kept, reasons, cancellationToken);

        if (!options.KeepDuplicates)
        {
            TableOfContents.Apply(page, kept, reasons, cancellationToken);

            // Dropped paragraphs take part too: one that repeats a kept paragraph (the seed's teaser) is dropped
            // because the output already says it, whatever its label, and "duplicate" is the reason that tells.
            var texts = new string[count];
            for (var i = 0; i < count; i++)
            {
                ThrowIfCancelled(i, cancellationToken);
                texts[i] = page.Blocks[i].Text;
            }

            int[]? runs = null;
            foreach (var index in DuplicateDetector.Find(texts, kept, (i, other) => SamePlace(page, kept, ref runs, i, other), cancellationToken))
            {
                kept[index] = false;
                reasons[index] = Duplicate;
            }
        }

        var paragraphs = new CleanedBlock[count];
        var keptBlocks = new List<Block>();
        for (var i = 0; i < count; i++)
        {
            ThrowIfCancelled(i, cancellationToken);
            var block = page.Blocks[i];
            paragraphs[i] = new CleanedBlock(block, scores.Labels[scores.ArgMax(i)], scores.For(i).ToArray(), kept[i], reasons[i]);
            if (kept[i])
            {
                keptBlocks.Add(block);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        // The article's own headline heads Markdown and HTML when the markup tells it: a head title carries the site's
        // name ("Story | Site") and, unlike the <h1> it words differently, is never the first kept block.
        var heading = page.Markup.Headline.Length > 0 ? page.Markup.Headline : page.Title;
        return new CleanResult(
            page.Title,
            string.Join("\n\n", keptBlocks.Select(b => b.Text)),
            options.IncludeMarkdown ? MarkdownRenderer.Render(keptBlocks, heading, page.BaseUri, cancellationToken) : string.Empty,
            paragraphs,
            scores.Labels,
            modelVersion)
        {
            PageType = scores.PageType,
            Html = options.IncludeHtml ? HtmlRenderer.Render(keptBlocks, heading, page.BaseUri, cancellationToken) : string.Empty,
        };
    }

    /// <summary>
    /// Whether a repeat sits where its original does, so that both are the page's own text rather than a teaser or a
    /// second copy of a section. In HTML the markup says so (<see cref="SameMarkup"/>). Text has no markup, so only a
    /// paragraph written several times in a row counts: both kept, and every paragraph from the original to the
    /// repeat the same text. A section copied whole (a carousel's slides twice) has other paragraphs in between.
    /// </summary>
    private static bool SamePlace(SegmentedPage page, bool[] kept, ref int[]? runs, int block, int original)
    {
        if (page.Format == InputFormat.Html)
        {
            return SameMarkup(page.Blocks[block].Dom, page.Blocks[original].Dom);
        }

        runs ??= CopyRuns(page.Blocks, kept);
        return runs[block] == runs[original];
    }

    /// <summary>
    /// Numbers the runs of kept paragraphs that each repeat the one before word for word; every other paragraph is a
    /// run of its own. Built once a page, when the first repeat is found, so a thousand copies cost one pass.
    /// </summary>
    private static int[] CopyRuns(IReadOnlyList<Block> blocks, bool[] kept)
    {
        var runs = new int[blocks.Count];
        var run = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!kept[i] || i == 0 || !kept[i - 1] || !string.Equals(blocks[i].Text, blocks[i - 1].Text, StringComparison.Ordinal))
            {
                run++;
            }

            runs[i] = run;
        }

        return runs;
    }

    /// <summary>
    /// Whether two blocks sit in the same place of the markup: same element and ancestor tags, and either the same
    /// class/id tokens or the same container (sibling paragraphs told apart only by their ids, id="first" and
    /// id="second", are still one body of text). Asked only of the few pairs that repeat each other, so nothing is
    /// built per block.
    /// </summary>
    private static bool SameMarkup(BlockDom? block, BlockDom? original) =>
        block is not null && original is not null
        && string.Equals(block.Tag, original.Tag, StringComparison.Ordinal)
        && string.Equals(block.AncestorTags, original.AncestorTags, StringComparison.Ordinal)
        && (block.ContainerId == original.ContainerId || string.Equals(block.AttributeTokens, original.AttributeTokens, StringComparison.Ordinal));

    /// <summary>
    /// A page where no block clears the bar still has a likeliest article: the blocks at least
    /// <see cref="FallbackShare"/> as likely to carry a keep label as the likeliest one are kept, so a scraper gets
    /// the page's most article-like text rather than nothing. When those blocks hold the line that says the page's
    /// title and a paragraph that ends like a sentence, the title line is left out: the result reports the title on its
    /// own, and a story of one paragraph under its headline is that paragraph (a page of short lines keeps its first).
    /// A caller who set a threshold or a precision bias (below 0) asked for a hard bar and gets no fallback.
    /// Measurements: docs/experiments.md.
    /// </summary>
    private static void KeepTheLikeliest(SegmentedPage page, PageScores scores, KeepRule rule, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        var chosen = new List<(int Block, bool IsTitle)>();
        var prose = false;
        foreach (var i in LikeliestDropped(scores, rule, kept, reasons, minKeepMass: 0f, cancellationToken))
        {
            var isTitle = ArticleTitle.Says(page.Blocks[i].Text, page.Title);
            chosen.Add((i, isTitle));
            prose |= !isTitle && TextSegmenter.EndsLikeSentence(page.Blocks[i].Text);
        }

        foreach (var (i, isTitle) in chosen)
        {
            if (!prose || !isTitle)
            {
                kept[i] = true;
                reasons[i] = string.Empty;
            }
        }
    }

    /// <summary>
    /// The fallback's choice: of the blocks the model itself dropped (a label's or the bar's reason, not a rule's), those
    /// at least <see cref="FallbackShare"/> as likely to carry a keep label as the likeliest of them, and at least
    /// <paramref name="minKeepMass"/>. On a page that kept nothing (<see cref="KeepTheLikeliest"/>) every block is such a
    /// block; on a thin one (<c>ThinArticle</c>) the rules' drops stand.
    /// </summary>
    internal static List<int> LikeliestDropped(
        PageScores scores, KeepRule rule, bool[] kept, string[] reasons, float minKeepMass, CancellationToken cancellationToken)
    {
        var mass = new float[kept.Length];
        var best = 0f;
        for (var i = 0; i < kept.Length; i++)
        {
            ThrowIfCancelled(i, cancellationToken);
            var modelDropped = !kept[i] && (reasons[i] == BelowThreshold || scores.Labels.Contains(reasons[i]));
            mass[i] = modelDropped ? rule.KeptMass(scores.For(i)) : -1f;
            best = Math.Max(best, mass[i]);
        }

        var bar = Math.Max(FallbackShare * best, minKeepMass);
        var chosen = new List<int>();
        for (var i = 0; i < kept.Length; i++)
        {
            if (mass[i] >= bar)
            {
                chosen.Add(i);
            }
        }

        return chosen;
    }

    /// <summary>Characters of the blocks <paramref name="kept"/> marks.</summary>
    internal static float KeptChars(IReadOnlyList<Block> blocks, bool[] kept, CancellationToken cancellationToken)
    {
        var chars = 0f;
        for (var i = 0; i < blocks.Count; i++)
        {
            ThrowIfCancelled(i, cancellationToken);
            chars += kept[i] ? blocks[i].Text.Length : 0;
        }

        return chars;
    }

    /// <summary>Checks <paramref name="cancellationToken"/> every <see cref="CancellationCheckInterval"/> blocks, not per block.</summary>
    internal static void ThrowIfCancelled(int block, CancellationToken cancellationToken)
    {
        if (block % CancellationCheckInterval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
