using Boilerplate.Core.Errors;
using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training;

/// <summary>
/// Turns labelled pages and user samples into <see cref="TrainingPage"/>s: each page in its HTML view and in its
/// plain-text view (<see cref="PlainTextView"/>), blocks labelled by <see cref="BlockLabeler"/>, plus a few of its
/// paragraphs on their own, as callers send isolated paragraphs too.
/// </summary>
public sealed class TrainingPageBuilder
{
    /// <summary>Boilerplate blocks kept on each side of the article in the article-only training pages.</summary>
    private const int FramingBlocks = 3;

    /// <summary>Most words of a framing block that is not legal: longer non-body blocks are prose, not chrome.</summary>
    private const int FramingWords = 12;

    /// <summary>Most of a framing block's shingles that may occur in the article body.</summary>
    private const double FramingOverlap = 0.2;

    /// <summary>The article-lead training pages keep the first one to this many paragraphs (by a hash of the page key).</summary>
    private const int LeadParagraphs = 2;

    /// <summary>Words a first sentence needs to be learnt as a lead of its own.</summary>
    private const int MinimumSentenceWords = 4;

    /// <summary>Salt of the hash that chooses a lead's length, apart from the isolated paragraphs' choice.</summary>
    private const int LeadSalt = -1;

    /// <summary>One paragraph in this many of a page's text view (and every legal one) is also learnt on its own.</summary>
    private const int IsolatedEvery = 16;

    private readonly HtmlSegmenter _html;
    private readonly TextSegmenter _text;
    private readonly double _minimumAgreement;
    private readonly double _madeUpWordsShare;

    /// <summary>
    /// Creates a builder that segments within <paramref name="limits"/>, skips pages whose labels reproduce their
    /// article body with an F1 below <paramref name="minimumAgreement"/>, and also gives the share
    /// <paramref name="madeUpWordsShare"/> of corpus pages in made-up words (<see cref="MadeUpWords"/>).
    /// </summary>
    public TrainingPageBuilder(SegmentationLimits? limits = null, double minimumAgreement = 0, double madeUpWordsShare = 0)
    {
        _minimumAgreement = minimumAgreement;
        _madeUpWordsShare = madeUpWordsShare;
        var bounded = limits ?? SegmentationLimits.Default;
        _html = new HtmlSegmenter(bounded);
        // Training reads its plain-text views line by line, as the default model learnt them; joining the lines that
        // carry on a sentence and splitting overlong ones is a serving step (docs/experiments.md, "Lines that carry on a sentence").
        _text = new TextSegmenter(bounded, repairLineBreaks: false);
    }

    /// <summary>The training pages of a corpus page; none when the page cannot be segmented.</summary>
    public IReadOnlyList<TrainingPage> FromCorpusPage(LabelledPage page, float weight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return FromHtml(page.Key, page.ReadHtml(), page.ArticleBody, page.Url, weight, cancellationToken, page.PageType, MadeUpWords.IsChosen(page.Key, _madeUpWordsShare));
    }

    /// <summary>The training pages of a page-level sample.</summary>
    public IReadOnlyList<TrainingPage> FromPageSample(TrainingSample.Page sample, float weight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var pages = FromHtml(sample.Source, sample.Html, sample.ArticleBody, null, weight, cancellationToken);
        if (sample.Blocks.Count == 0)
        {
            return pages;
        }

        // Blocks the sample names keep their own label over the one derived from the article body.
        return pages.Select(p => p with
        {
            Labels = p.Labels.Select((label, i) => sample.LabelOf(p.Page.Blocks[i].Text) ?? label).ToList(),
        }).ToList();
    }

    /// <summary>
    /// The training pages of paragraph samples: the paragraphs of each named page in position order as one page,
    /// every paragraph without a page on its own. A paragraph with HTML contributes the blocks of its markup.
    /// </summary>
    public IReadOnlyList<TrainingPage> FromParagraphSamples(IEnumerable<TrainingSample.Paragraph> samples, float weight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var pages = new List<TrainingPage>();
        foreach (var group in samples.GroupBy(KeyOf, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ordered = group.OrderBy(s => s.Position ?? int.MaxValue).ToList();
            var blocks = new List<Block>();
            var labels = new List<string>();
            var withMarkup = ordered.Any(s => s.Html is not null);
            foreach (var sample in ordered)
            {
                var sampleBlocks = sample.Html is not null && withMarkup
                    ? _html.Segment(sample.Html, null, cancellationToken).Blocks
                    : _text.FromParagraphs([sample.Text], null).Blocks;
                blocks.AddRange(sampleBlocks);
                labels.AddRange(Enumerable.Repeat(sample.Label, sampleBlocks.Count));
            }

            if (blocks.Count > 0)
            {
                var format = withMarkup ? InputFormat.Html : InputFormat.Text;
                pages.Add(new TrainingPage(group.Key, new SegmentedPage(string.Empty, blocks, format), labels, weight, DerivedLabels: false));
            }
        }

        return pages;
    }

    /// <summary>The key of the training page a paragraph sample is learnt in: its page's id, else its own source.</summary>
    internal static string KeyOf(TrainingSample.Paragraph sample) => sample.PageId ?? "\0" + sample.Source;

    /// <summary>
    /// The page's own article, paragraph by paragraph (exactly body), framed by the boilerplate that stood around the
    /// article on the page (exactly not body), as plain text and as the simplest HTML (one p per paragraph). Real pages
    /// rarely look like this, but callers often send exactly this: an extracted article with a "Read more" link and a
    /// cookie notice left at its end. Here the labels need no alignment, and a last long paragraph next to such
    /// leftovers is still body while a bare "Read more" paragraph without a link is still navigation.
    /// </summary>
    private IEnumerable<TrainingPage> ArticlePages(string key, BlockLabeler labeler, string articleBody, SegmentedPage textView, string[] textLabels, string? url, float weight, CancellationToken cancellationToken)
    {
        var paragraphs = articleBody.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 0 && !p.Contains('\n', StringComparison.Ordinal))
            .ToList();
        var firstBody = Array.IndexOf(textLabels, Labels.Body);
        var lastBody = Array.LastIndexOf(textLabels, Labels.Body);
        if (paragraphs.Count == 0 || firstBody < 0)
        {
            yield break;
        }

        // Framing must be plainly not article: a block the labeler missed but whose words are the article's would
        // teach that the article's own first or last paragraph is boilerplate.
        // It must also be the chrome a scraper leaves behind (a link line, a button, a legal notice), not prose such as
        // an author's bio that only the truth's annotator left out: beside the article's last paragraph such prose
        // teaches that a paragraph ending an article is boilerplate.
        bool IsFraming(int i) =>
            textLabels[i] != Labels.Body
            && (textLabels[i] == Labels.Legal || WordTokenizer.Count(textView.Blocks[i].Text) <= FramingWords)
            && labeler.Overlap(textView.Blocks[i].Text) < FramingOverlap;
        var items = new List<(string Text, string Label)>();
        for (var i = Math.Max(0, firstBody - FramingBlocks); i < firstBody; i++)
        {
            if (IsFraming(i))
            {
                items.Add((textView.Blocks[i].Text, textLabels[i]));
            }
        }

        items.AddRange(paragraphs.Select(p => (p, Labels.Body)));
        for (var i = lastBody + 1; i < Math.Min(textView.Blocks.Count, lastBody + 1 + FramingBlocks); i++)
        {
            if (IsFraming(i))
            {
                items.Add((textView.Blocks[i].Text, textLabels[i]));
            }
        }

        // Not rebalanced: these pages are mostly body by construction, and counting them into the label balance would
        // weigh every other page's body down and tip a page's borderline last paragraphs into navigation.
        foreach (var built in Framed(items, url, weight, key, cancellationToken))
        {
            yield return built;
        }

        // Scrapers also send just an article's lead: one or two paragraphs with the same chrome around them. Without
        // such pages a page of one short paragraph and a "Read more" reads as all chrome.
        var body = items.FindIndex(item => item.Label == Labels.Body);
        var lead = 1 + (int)(FeatureHasher.Add(FeatureHasher.Namespace(key), LeadSalt) % LeadParagraphs);
        if (paragraphs.Count > lead)
        {
            var leadItems = items.Take(body + lead).Concat(items.Skip(body + paragraphs.Count)).ToList();
            foreach (var built in Framed(leadItems, url, weight, key, cancellationToken))
            {
                yield return built;
            }
        }

        // The shortest lead of all: the article's first sentence alone, as a teaser or a one-line news brief comes.
        if (FirstSentence(paragraphs[0]) is { } sentence)
        {
            var sentenceItems = items.Take(body).Append((sentence, Labels.Body)).Concat(items.Skip(body + paragraphs.Count)).ToList();
            foreach (var built in Framed(sentenceItems, url, weight, key, cancellationToken))
            {
                yield return built;
            }
        }
    }

    /// <summary>The first sentence of a paragraph of several, when it has a few words; else null.</summary>
    private static string? FirstSentence(string paragraph)
    {
        for (var i = 0; i < paragraph.Length - 1; i++)
        {
            var end = paragraph[i] is '。' or '！' or '？' || (paragraph[i] is '.' or '!' or '?' && paragraph[i + 1] == ' ');
            if (end)
            {
                var sentence = paragraph[..(i + 1)].Trim();
                return WordTokenizer.Count(sentence) >= MinimumSentenceWords ? sentence : null;
            }
        }

        return null;
    }

    /// <summary>The items as one text page and as the simplest HTML page (one p per item), when both segment one to one.</summary>
    private IEnumerable<TrainingPage> Framed(List<(string Text, string Label)> items, string? url, float weight, string key, CancellationToken cancellationToken)
    {
        var texts = items.ConvertAll(item => item.Text);
        var labels = items.ConvertAll(item => item.Label);
        var asText = _text.FromParagraphs(texts, url);
        if (asText.Blocks.Count == items.Count)
        {
            yield return new TrainingPage(key, asText, labels, weight, DerivedLabels: false);
        }

        var html = new System.Text.StringBuilder("<html><body>");
        foreach (var text in texts)
        {
            html.Append("<p>").Append(System.Net.WebUtility.HtmlEncode(text)).Append("</p>");
        }

        var asHtml = _html.Segment(html.Append("</body></html>").ToString(), url, cancellationToken);
        if (asHtml.Blocks.Count == items.Count)
        {
            yield return new TrainingPage(key, asHtml, labels, weight, DerivedLabels: false);
        }
    }

    private List<TrainingPage> FromHtml(
        string key, string html, string articleBody, string? url, float weight, CancellationToken cancellationToken, string? pageType = null, bool madeUpWords = false)
    {
        var labeler = new BlockLabeler(articleBody);
        var pages = new List<TrainingPage>();
        try
        {
            var htmlView = _html.Segment(html, url, cancellationToken);
            var htmlLabels = labeler.Label(htmlView.Blocks);
            var labelledBody = string.Join("\n\n", htmlView.Blocks.Where((_, i) => htmlLabels[i] == Labels.Body).Select(b => b.Text));
            if (_minimumAgreement > 0 && ArticleMetrics.Compare(articleBody, labelledBody).F1 < _minimumAgreement)
            {
                return pages;
            }

            pages.Add(new TrainingPage(key, htmlView, htmlLabels, weight) { PageType = pageType, IsPageView = true });
            var textView = _text.Segment(PlainTextView.Render(html), url);
            var textLabels = labeler.Label(textView.Blocks);
            pages.Add(new TrainingPage(key, textView, textLabels, weight) { PageType = pageType, IsPageView = true });
            if (madeUpWords)
            {
                // Both whole-page views once more in a vocabulary of the page's own; a page sample is never rewritten,
                // as its named blocks are found by their words. The page-type model reads no words, so it learns from
                // the real views alone: a second copy would only weigh the chosen pages twice.
                var vocabulary = MadeUpWords.VocabularyOf(key);
                pages.Add(new TrainingPage(key, MadeUpWords.Rewrite(htmlView, htmlLabels, vocabulary), htmlLabels, weight) { IsPageView = true });
                pages.Add(new TrainingPage(key, MadeUpWords.Rewrite(textView, textLabels, vocabulary), textLabels, weight) { IsPageView = true });
            }

            pages.AddRange(ArticlePages(key, labeler, articleBody, textView, textLabels, url, weight, cancellationToken));
            for (var i = 0; i < textView.Blocks.Count; i++)
            {
                // Legal text is rare and callers often send it as a paragraph of its own (a cookie notice, a
                // disclaimer), so every legal paragraph is also learnt alone.
                if (textLabels[i] == Labels.Legal || FeatureHasher.Add(FeatureHasher.Namespace(key), i) % IsolatedEvery == 0)
                {
                    var alone = _text.FromParagraphs([textView.Blocks[i].Text], url);
                    pages.Add(new TrainingPage(key, alone, [textLabels[i]], weight));
                }
            }
        }
        catch (PageRejectedException)
        {
            // A page over the segmentation limits teaches nothing the service would ever score.
        }

        return pages;
    }
}
