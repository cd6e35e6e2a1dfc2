using System.Net;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Training.Evaluation;

/// <summary>Where a hand-labelled paragraph is placed inside a host page.</summary>
public enum InPagePlacement
{
    /// <summary>At the top of the body, in the site header.</summary>
    Header,

    /// <summary>Inside the article, between its first and second paragraphs (body samples only).</summary>
    InArticle,

    /// <summary>At the end of the article, inside its element (an article's own footer).</summary>
    ArticleEnd,

    /// <summary>Just after the article, beside it (a sidebar).</summary>
    Aside,

    /// <summary>At the bottom of the body, in the site footer.</summary>
    Footer,
}

/// <summary>How the placed paragraph is wrapped and handed over.</summary>
public enum InPageForm
{
    /// <summary>HTML whose wrapper names its role (class="site-footer", &lt;aside&gt;...).</summary>
    HtmlTelling,

    /// <summary>HTML whose wrapper is a div with a meaningless class.</summary>
    HtmlNeutral,

    /// <summary>The page's plain-text view with the paragraph as a line of its own.</summary>
    Text,
}

/// <summary>A page to place paragraphs into: its HTML and the article body a person wrote out for it.</summary>
/// <param name="Html">The page.</param>
/// <param name="ArticleBody">Its article body, paragraphs separated by blank lines.</param>
/// <param name="Id">Its page id in its corpus, to name it in a list of misses.</param>
public sealed record InPageHost(string Html, string ArticleBody, string Id = "");

/// <summary>One placed paragraph labelled otherwise than its truth.</summary>
/// <param name="Host">The host page's id.</param>
/// <param name="Placement">Where in the host it stood.</param>
/// <param name="Truth">Its hand-given label.</param>
/// <param name="Predicted">The label it got, or "(merged)" when it did not come out as a block of its own.</param>
/// <param name="Text">The paragraph.</param>
public sealed record InPageMiss(string Host, InPagePlacement Placement, string Truth, string Predicted, string Text);

/// <summary>One form's three-way figures.</summary>
/// <param name="Form">How the paragraphs were placed.</param>
/// <param name="Report">Per-label precision, recall, F1, macro-F1 and confusion over every placement.</param>
public sealed record InPageResult(InPageForm Form, ClassificationReport Report)
{
    /// <summary>The placements labelled otherwise than their truth, in the order they were scored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<InPageMiss> Misses { get; init; } = [];
}

/// <summary>
/// The hand-labelled paragraphs (<see cref="HandLabelledSet"/>) scored inside real pages rather than alone, as the
/// service meets them: navigation and legal lines in a page's header, right after its article's last paragraph (in an
/// article footer, or an aside), and in its footer; body paragraphs inside the article, after its first paragraph. Each placement is one page scored by the whole model, and the label is the placed block's
/// most probable one. Hosts rotate over the given pages, so every sample meets several layouts. A page is a host when
/// the opening words of its article's first and last paragraphs are found in its markup.
/// </summary>
public static class InPageSet
{
    /// <summary>
    /// Most hosts taken from each corpus by <see cref="HostsFrom"/>: every held-out article page of the shipped corpora
    /// (with eight, two hosts decided the figure, and the layouts that fail were not among them).
    /// </summary>
    public const int HostsPerCorpus = 256;

    /// <summary>Words of the article's last paragraph looked for in the markup.</summary>
    private const int AnchorWords = 6;

    /// <summary>Characters looked for instead where a paragraph is written without spaces (Chinese, Japanese).</summary>
    private const int AnchorChars = 16;

    /// <summary>
    /// The hosts the evaluation uses: of each corpus, the first <see cref="HostsPerCorpus"/> held-out article pages
    /// (pages of an untyped corpus count as articles) where the article's first and last paragraphs are found.
    /// </summary>
    public static IReadOnlyList<InPageHost> HostsFrom(IEnumerable<LabelledDataset> corpora)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        return corpora.SelectMany(c => c.Dev.Where(p => p.PageType is null or "article")
            .Select(p => new InPageHost(p.ReadHtml(), p.ArticleBody, p.Id))
            .Where(h => EndOf(h, FirstParagraph(h.ArticleBody)) >= 0 && ArticleEndOf(h) >= 0)
            .Take(HostsPerCorpus)).ToList();
    }

    /// <summary>Scores every sample at every placement of every form.</summary>
    public static IReadOnlyList<InPageResult> Evaluate(
        IBlockClassifier classifier,
        IReadOnlyList<InPageHost> hostPages,
        IReadOnlyList<HandLabelledSample>? samples,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(hostPages);
        var hosts = hostPages.Select(h => (Host: h, Start: EndOf(h, FirstParagraph(h.ArticleBody)), End: ArticleEndOf(h)))
            .Where(h => h.Start >= 0 && h.End >= 0).ToList();
        if (hosts.Count == 0)
        {
            throw new ArgumentException("No host page shows where its article ends.", nameof(hostPages));
        }

        var html = new HtmlSegmenter(SegmentationLimits.Default with { MaxNodes = int.MaxValue });
        var text = new TextSegmenter();
        var pairs = Enum.GetValues<InPageForm>().ToDictionary(f => f, _ => new List<(string, string)>());
        var misses = Enum.GetValues<InPageForm>().ToDictionary(f => f, _ => new List<InPageMiss>());
        var all = samples ?? HandLabelledSet.Load();
        for (var s = 0; s < all.Count; s++)
        {
            var sample = all[s];
            foreach (var placement in PlacementsOf(sample.Label))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (host, start, end) = hosts[(s + (int)placement) % hosts.Count];
                var anchor = placement == InPagePlacement.InArticle ? start : end;
                foreach (var form in new[] { InPageForm.HtmlTelling, InPageForm.HtmlNeutral })
                {
                    var page = html.Segment(Place(host.Html, anchor, sample.Text, placement, form == InPageForm.HtmlTelling), null, cancellationToken);
                    Add(form, LabelOf(classifier, page, sample.Text, cancellationToken));
                }

                var lines = PlainTextView.Render(host.Html).Split('\n').ToList();
                var near = placement == InPagePlacement.InArticle ? FirstParagraph(host.ArticleBody) : LastParagraph(host.ArticleBody);
                lines.Insert(TextLine(lines, near, placement), sample.Text);
                var textPage = text.Segment(string.Join('\n', lines), null);
                Add(InPageForm.Text, LabelOf(classifier, textPage, sample.Text, cancellationToken));

                void Add(InPageForm form, string predicted)
                {
                    pairs[form].Add((sample.Label, predicted));
                    if (predicted != sample.Label)
                    {
                        misses[form].Add(new InPageMiss(host.Id, placement, sample.Label, predicted, sample.Text));
                    }
                }
            }
        }

        return pairs.Select(p => new InPageResult(p.Key, new ClassificationReport(p.Value)) { Misses = misses[p.Key] }).ToList();
    }

    /// <summary>
    /// Where the article's last paragraph ends in the markup: the end of the first closing tag of a paragraph-like
    /// element after its opening words; -1 when they are not found as written (entities, markup inside them).
    /// </summary>
    public static int ArticleEndOf(InPageHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return EndOf(host, LastParagraph(host.ArticleBody));
    }

    private static int EndOf(InPageHost host, string paragraph)
    {
        var opening = Opening(paragraph);
        if (opening.Length == 0 || BodyClose(host.Html) < 0)
        {
            return -1;
        }

        var at = TextOccurrence(host.Html, opening);
        if (at < 0)
        {
            return -1;
        }

        var end = -1;
        foreach (var close in (string[])["</p>", "</div>", "</li>", "</blockquote>"])
        {
            var found = host.Html.IndexOf(close, at, StringComparison.OrdinalIgnoreCase);
            if (found >= 0 && (end < 0 || found + close.Length < end))
            {
                end = found + close.Length;
            }
        }

        return end;
    }

    /// <summary>
    /// The first place the words stand as an element's text in the page's body: after <c>&lt;body</c>, right after a
    /// tag, outside scripts. Earlier copies in JSON-LD or a meta description are not where the article is.
    /// </summary>
    private static int TextOccurrence(string html, string words)
    {
        var body = BodyOpen(html);
        for (var at = body < 0 ? -1 : html.IndexOf(words, body, StringComparison.Ordinal); at >= 0; at = html.IndexOf(words, at + 1, StringComparison.Ordinal))
        {
            var before = html.AsSpan(0, at).TrimEnd();
            var inScript = html.LastIndexOf("<script", at, StringComparison.OrdinalIgnoreCase) > html.LastIndexOf("</script>", at, StringComparison.OrdinalIgnoreCase);
            if (before.Length > 0 && before[^1] == '>' && !inScript)
            {
                return at;
            }
        }

        return -1;
    }

    private static string FirstParagraph(string articleBody) => LongParagraphs(articleBody).FirstOrDefault() ?? string.Empty;

    private static string LastParagraph(string articleBody) => LongParagraphs(articleBody).LastOrDefault() ?? string.Empty;

    /// <summary>The article's paragraphs with an <see cref="Opening"/>: enough to find in the markup.</summary>
    private static IEnumerable<string> LongParagraphs(string articleBody) =>
        articleBody.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => Opening(p).Length > 0);

    /// <summary>
    /// What is looked for to find a paragraph: its first <see cref="AnchorWords"/> words, or, in a paragraph written
    /// without spaces, its first <see cref="AnchorChars"/> characters when no space falls among them; empty when it
    /// has neither. Few paragraphs of a Chinese article have six spaces, and one that has (around Latin names) is seldom
    /// its last.
    /// </summary>
    private static string Opening(string paragraph)
    {
        var words = paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= AnchorWords)
        {
            return string.Join(' ', words.Take(AnchorWords));
        }

        return words.Length > 0 && words[0].Length >= AnchorChars ? words[0][..AnchorChars] : string.Empty;
    }

    private static IEnumerable<InPagePlacement> PlacementsOf(string label) =>
        label == Labels.Body ? [InPagePlacement.InArticle] : Enum.GetValues<InPagePlacement>().Where(p => p != InPagePlacement.InArticle);

    internal static string Place(string host, int anchor, string paragraph, InPagePlacement placement, bool telling)
    {
        var p = "<p>" + WebUtility.HtmlEncode(paragraph) + "</p>";
        var (open, close) = (placement, telling) switch
        {
            (InPagePlacement.Header, true) => ("<header class=\"site-header\">", "</header>"),
            (InPagePlacement.InArticle, true) => (string.Empty, string.Empty),
            (InPagePlacement.ArticleEnd, true) => ("<div class=\"entry-footer\">", "</div>"),
            (InPagePlacement.Aside, true) => ("<aside class=\"related widget\">", "</aside>"),
            (InPagePlacement.Footer, true) => ("<footer class=\"site-footer\">", "</footer>"),
            (InPagePlacement.InArticle, false) => (string.Empty, string.Empty),
            _ => ($"<div class=\"x{(int)placement}\">", "</div>"),
        };
        var fragment = open + p + close;
        return placement switch
        {
            InPagePlacement.Header => InsertAfterBodyOpen(host, fragment),
            InPagePlacement.InArticle or InPagePlacement.ArticleEnd or InPagePlacement.Aside => host.Insert(anchor, fragment),
            _ => host.Insert(BodyClose(host), fragment),
        };
    }

    private static string InsertAfterBodyOpen(string host, string fragment)
    {
        var body = BodyOpen(host);
        var end = body < 0 ? -1 : host.IndexOf('>', body);
        return end < 0 ? fragment + host : host.Insert(end + 1, fragment);
    }

    /// <summary>
    /// The page's <c>&lt;body</c> tag outside comments: pages written for old Internet Explorer open a second body in
    /// a conditional comment (<c>&lt;!--[if IE 9]&gt;&lt;body class="ie9"&gt;&lt;![endif]--&gt;</c>), where a
    /// paragraph would be no part of the page.
    /// </summary>
    private static int BodyOpen(string html) => OutsideComments(html, "<body", last: false);

    /// <summary>The page's last <c>&lt;/body&gt;</c> outside comments, for the same reason; -1 when it has none.</summary>
    private static int BodyClose(string html) => OutsideComments(html, "</body>", last: true);

    /// <summary>The first (or last) place <paramref name="tag"/> stands outside a comment; -1 when none does.</summary>
    private static int OutsideComments(string html, string tag, bool last)
    {
        var at = last ? html.LastIndexOf(tag, StringComparison.OrdinalIgnoreCase) : html.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            if (html.LastIndexOf("<!--", at, StringComparison.Ordinal) <= html.LastIndexOf("-->", at, StringComparison.Ordinal))
            {
                return at;
            }

            at = last
                ? (at == 0 ? -1 : html.LastIndexOf(tag, at - 1, StringComparison.OrdinalIgnoreCase))
                : html.IndexOf(tag, at + 1, StringComparison.OrdinalIgnoreCase);
        }

        return -1;
    }

    /// <summary>Text placements: the first line, after the line holding the article's last paragraph (else the longest line), and the last line.</summary>
    private static int TextLine(List<string> lines, string lastParagraph, InPagePlacement placement)
    {
        if (placement == InPagePlacement.Header)
        {
            return 0;
        }

        if (placement == InPagePlacement.Footer)
        {
            return lines.Count;
        }

        var opening = Opening(lastParagraph);
        var at = lines.FindIndex(l => l.Contains(opening, StringComparison.Ordinal));
        return (at >= 0 ? at : lines.IndexOf(lines.MaxBy(l => l.Length) ?? string.Empty)) + 1;
    }

    private static string LabelOf(IBlockClassifier classifier, SegmentedPage page, string paragraph, CancellationToken cancellationToken)
    {
        var wanted = string.Join(' ', paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var index = -1;
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            if (string.Equals(page.Blocks[i].Text, wanted, StringComparison.Ordinal))
            {
                index = i;
            }
        }

        if (index < 0)
        {
            // The paragraph merged with a neighbour or was dropped by segmentation: the reader would not see it as
            // a block of its own, which counts as a miss.
            return "(merged)";
        }

        var scores = classifier.Score(page, cancellationToken);
        return classifier.Labels[scores.ArgMax(index)];
    }
}
