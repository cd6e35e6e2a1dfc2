using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training;

/// <summary>
/// Derives a training label for every block of a page from the page's article body. A block is "body" when most of
/// its 4-token shingles occur in the body (long blocks), or when its tokens occur contiguously in the body and it
/// sits inside the stretch of the page that the long body blocks span (short blocks: headings, list items; a long
/// run of Chinese or Japanese, one token however long, marks that stretch like a long block). Every other block is
/// "legal" when the <see cref="LegalLexicon"/> or its markup says so, else "navigation".
/// </summary>
public sealed class BlockLabeler
{
    /// <summary>Blocks with at least this many tokens are judged by shingle coverage.</summary>
    private const int LongBlockTokens = 7;

    /// <summary>Share of a long block's shingles that must occur in the body.</summary>
    private const double CoverageThreshold = 0.5;

    /// <summary>How many blocks before the first long body block a short match may be (titles, standfirsts).</summary>
    private const int LeadSlack = 3;

    private readonly HashSet<string> _bodyShingles;
    private readonly string _paddedBody;

    /// <summary>Prepares labelling against <paramref name="articleBody"/>.</summary>
    public BlockLabeler(string articleBody)
    {
        ArgumentNullException.ThrowIfNull(articleBody);
        var tokens = WordTokenizer.Tokenize(articleBody);
        _bodyShingles = new HashSet<string>(ArticleMetrics.Shingles(tokens), StringComparer.Ordinal);
        _paddedBody = " " + string.Join(' ', tokens) + " ";
    }

    /// <summary>Labels each block of <paramref name="blocks"/>.</summary>
    public string[] Label(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var isBody = new bool[blocks.Count];
        var shortMatch = new bool[blocks.Count];
        int first = -1, last = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            var tokens = WordTokenizer.Tokenize(blocks[i].Text);
            if (tokens.Count >= LongBlockTokens)
            {
                var shingles = ArticleMetrics.Shingles(tokens).ToList();
                var covered = shingles.Count(_bodyShingles.Contains);
                isBody[i] = covered >= CoverageThreshold * shingles.Count;
            }
            else if (tokens.Count > 0)
            {
                shortMatch[i] = _paddedBody.Contains(" " + string.Join(' ', tokens) + " ", StringComparison.Ordinal);

                // A run of Chinese or Japanese is one token however long. Weighed at half a word a character, a long
                // match is as unlikely to be chance as a long block, so it marks the article's stretch too: a photo
                // blog's captions are all short blocks.
                isBody[i] = shortMatch[i] && tokens.Count + (DenseCharacters(tokens) / 2) >= LongBlockTokens;
            }

            if (isBody[i])
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        // A short text ("Share", "Contact", "Introduction") matches somewhere in most bodies by chance; only trust the
        // match inside the article's own stretch of the page. A page whose body has no long block trusts all matches.
        var from = first < 0 ? 0 : Math.Max(0, first - LeadSlack);
        var to = first < 0 ? blocks.Count - 1 : last + 1;
        var labels = new string[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            labels[i] = isBody[i] || (shortMatch[i] && i >= from && i <= to) ? Labels.Body : BoilerplateLabel(blocks[i]);
        }

        return labels;
    }

    /// <summary>
    /// How much of <paramref name="text"/> the article body contains: the share of its shingles found in the body,
    /// or for a text too short to shingle 1 when its tokens occur contiguously in the body, else 0.
    /// </summary>
    public double Overlap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = WordTokenizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            return 0;
        }

        if (tokens.Count < LongBlockTokens)
        {
            return _paddedBody.Contains(" " + string.Join(' ', tokens) + " ", StringComparison.Ordinal) ? 1 : 0;
        }

        var shingles = ArticleMetrics.Shingles(tokens).ToList();
        return (double)shingles.Count(_bodyShingles.Contains) / shingles.Count;
    }

    private static int DenseCharacters(List<string> tokens)
    {
        var count = 0;
        foreach (var token in tokens)
        {
            foreach (var c in token)
            {
                count += BlockStatistics.IsDenseScript(c) ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>Most words of a notice told by one phrase alone: longer prose that mentions cookies is an article about them.</summary>
    private const int NoticeWords = 80;

    /// <summary>Legal phrases that make a block legal wherever it stands: one may be a link to a policy, two are a notice.</summary>
    private const int NoticePhrases = 2;

    /// <summary>Most words of a line that one legal phrase makes legal: so short a line is mostly that phrase ("Privacy policy").</summary>
    private const int LegalLineWords = 8;

    /// <summary>Fewest words for legal markup alone to make a block legal: a shorter one is that markup's button or heading.</summary>
    private const int MarkedLegalWords = 4;

    /// <summary>Link-text share under which a block reads as prose rather than as a list of links.</summary>
    private const float ProseLinkShare = 0.5f;

    /// <summary>Legal or navigation for a block known not to be body.</summary>
    public static string BoilerplateLabel(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var phrases = LegalLexicon.CountPhrases(block.Text);
        var markedLegal = LegalLexicon.HasLegalAttribute(block.Dom?.AttributeTokens);
        var words = WordTokenizer.Count(block.Text);

        // A link list that mentions one legal page among many others is still navigation; a short line that is
        // mostly a legal phrase, a block with several, one inside legal markup, or prose that only a notice would
        // write (a cookie banner, a copyright line, however long) is legal.
        var prose = block.Dom is null || block.Dom.LinkTextShare < ProseLinkShare;
        var legal = phrases >= NoticePhrases
            || (phrases == 1 && (words <= LegalLineWords || markedLegal || (prose && words <= NoticeWords && LegalLexicon.HasNoticeMark(block.Text))))
            || (markedLegal && words >= MarkedLegalWords && block.Dom?.LinkTextShare < ProseLinkShare);
        return legal ? Labels.Legal : Labels.Navigation;
    }
}
