using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Training;

/// <summary>
/// Places isolated paragraph samples inside the corpus pages' views, as well as learning them alone. Learnt only alone,
/// a sample teaches the text stage its words but never the context stage: that stage learns from the corpora, where a
/// notice in a footer is legal only when the lexicon that derives the labels names it, so it learnt to overrule the
/// words of any other notice beside navigation. Placed, a navigation or legal sample sits beside one of the page's own
/// chrome blocks or right after its article, in that block's markup; a body sample sits after one of the article's
/// paragraphs. A sample is placed only into pages of its own cross-validation fold, so the first stage's out-of-fold
/// scores of a placed block come from a model that never saw the sample.
/// </summary>
internal static class SamplePlacement
{
    /// <summary>Samples placed into each view of a corpus page.</summary>
    private const int PerView = 1;

    /// <summary>Salt of the hashes that choose positions, apart from other choices made by hash.</summary>
    private const int Salt = -7;

    /// <summary>
    /// The pages with samples placed: each whole view of a corpus page (HTML and text) of a fold receives <see cref="PerView"/>
    /// of that fold's isolated samples (no page of their own, no markup) in turn; a sample's fold is that of the page it
    /// is learnt alone in (<see cref="TrainingPageBuilder.KeyOf"/>). Other pages, and folds without samples, stay as they are.
    /// </summary>
    public static IReadOnlyList<TrainingPage> Place(
        IReadOnlyList<TrainingPage> pages,
        IEnumerable<TrainingSample.Paragraph> samples,
        Func<string, int> foldOf)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(foldOf);
        var byFold = samples
            .Where(s => s.PageId is null && s.Html is null && !string.IsNullOrWhiteSpace(s.Text))
            .Select(s => (Sample: s, Key: TrainingPageBuilder.KeyOf(s)))
            .GroupBy(s => foldOf(s.Key))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => FeatureHasher.Namespace(s.Key)).Select(s => s.Sample).ToList());
        var next = new Dictionary<int, int>();
        var text = new TextSegmenter();
        var result = new List<TrainingPage>(pages.Count);
        foreach (var page in pages)
        {
            var fold = foldOf(page.Key);
            if (!page.IsPageView || page.Page.Blocks.Count == 0 || !byFold.TryGetValue(fold, out var pool))
            {
                result.Add(page);
                continue;
            }

            var placed = page;
            for (var n = 0; n < PerView; n++)
            {
                var turn = next.GetValueOrDefault(fold);
                next[fold] = turn + 1;
                placed = Into(placed, pool[turn % pool.Count], text);
            }

            result.Add(placed);
        }

        return result;
    }

    /// <summary>The page with <paramref name="sample"/> inserted as a block of its own, labelled with the sample's label.</summary>
    private static TrainingPage Into(TrainingPage page, TrainingSample.Paragraph sample, TextSegmenter text)
    {
        var blocks = page.Page.Blocks;
        var labels = page.Labels;
        // The block count tells a page's HTML and text views apart, so each view draws its own position.
        var hash = FeatureHasher.Add(FeatureHasher.Add(FeatureHasher.Namespace(page.Key), sample.Text), Salt + labels.Count);
        var body = Enumerable.Range(0, labels.Count).Where(i => labels[i] == Labels.Body).ToList();
        var chrome = Enumerable.Range(0, labels.Count).Where(i => labels[i] != Labels.Body).ToList();
        int neighbour;
        int at;
        if (sample.Label == Labels.Body)
        {
            if (body.Count == 0)
            {
                return page;
            }

            neighbour = body[(int)(hash % (uint)body.Count)];
            at = neighbour + 1;
        }
        else if (body.Count > 0 && (chrome.Count == 0 || hash % 2 == 0))
        {
            // Right after the article, in its last paragraph's markup: where an article's own footer puts notices.
            neighbour = body[^1];
            at = neighbour + 1;
        }
        else if (chrome.Count > 0)
        {
            neighbour = chrome[(int)(hash / 2 % (uint)chrome.Count)];
            at = neighbour + (int)(hash / 2 / (uint)chrome.Count % 2);
        }
        else
        {
            return page;
        }

        var made = text.FromParagraphs([sample.Text], page.Page.Url).Blocks;
        if (made.Count != 1)
        {
            return page;
        }

        var block = made[0];
        if (blocks[neighbour].Dom is { } dom)
        {
            // A paragraph of its own in the neighbour's element: the same container, ancestors and class tokens.
            block = block with { Dom = dom with { Tag = "p", LinkTextShare = 0, LinkCount = 0 } };
        }

        var newBlocks = blocks.ToList();
        newBlocks.Insert(at, block);
        var newLabels = labels.ToList();
        newLabels.Insert(at, sample.Label);
        return page with { Page = page.Page with { Blocks = newBlocks }, Labels = newLabels };
    }
}
