using Boilerplate.Core.Features;

namespace Boilerplate.Training.Evaluation;

/// <summary>
/// Extraction quality as the datasets' README prescribes: lower-cased <c>\w+</c> tokens, 4-token shingles, per-page
/// multiset TP/FP/FN, each page's three counts normalised to sum 1, precision and recall averaged over pages, F1 of
/// the two means. Plus the stricter snippet check: a <c>with</c> snippet missing from the output is a miss, a
/// <c>without</c> snippet present in it is a false positive (whole tokens in order; a snippet cut at WCXB's length
/// may end mid-word). And WCXB's word measure: the same tokens as bags of words,
/// precision, recall and F1 per page, each averaged over pages.
/// </summary>
public static class ArticleMetrics
{
    /// <summary>Tokens per shingle.</summary>
    public const int ShingleSize = 4;

    /// <summary>A page whose shingle F1 is below this is lost: the reader gets the wrong text or none.</summary>
    public const double CatastrophicF1 = 0.5;

    /// <summary>
    /// Length from which a snippet may end mid-word: WCXB cuts its snippets at 80 characters ("may not have even bot"),
    /// so the last token of one that long matches the start of a word.
    /// </summary>
    public const int CutSnippetChars = 75;

    /// <summary>Compares one page's extracted text with its truth.</summary>
    /// <param name="truth">The article body a person wrote out.</param>
    /// <param name="predicted">The extractor's output.</param>
    /// <param name="with">Snippets that must be in the output.</param>
    /// <param name="without">Snippets that must not be in the output.</param>
    public static PageComparison Compare(string truth, string predicted, IReadOnlyList<string>? with = null, IReadOnlyList<string>? without = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        var predictedTokens = WordTokenizer.Tokenize(predicted);
        var truthTokens = WordTokenizer.Tokenize(truth);
        var (wordTp, wordFp, wordFn) = Overlap(Bag(truthTokens), Bag(predictedTokens));
        var truthShingles = Bag(Shingles(truthTokens));
        var predictedShingles = Bag(Shingles(predictedTokens));

        var (tp, fp, fn) = Overlap(truthShingles, predictedShingles);

        // Padding with spaces makes containment respect token boundaries ("cat" is not found in "concatenate").
        var haystack = " " + string.Join(' ', predictedTokens) + " ";
        var withFound = with?.Count(s => ContainsTokens(haystack, s)) ?? 0;
        var withoutPresent = without?.Count(s => ContainsTokens(haystack, s)) ?? 0;
        return new PageComparison(tp, fp, fn, with?.Count ?? 0, withFound, without?.Count ?? 0, withoutPresent)
        {
            Words = new OverlapCounts(wordTp, wordFp, wordFn),
        };
    }

    /// <summary>Whether the tokens of <paramref name="snippet"/> occur, in order and adjacent, among those of <paramref name="text"/>.</summary>
    public static bool ContainsSnippet(string text, string snippet)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(snippet);
        return ContainsTokens(" " + string.Join(' ', WordTokenizer.Tokenize(text)) + " ", snippet);
    }

    /// <summary>Averages page comparisons into corpus figures.</summary>
    public static ArticleScore Aggregate(IEnumerable<PageComparison> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        int count = 0, withTotal = 0, withFound = 0, withoutTotal = 0, withoutPresent = 0, catastrophic = 0;
        double precisionSum = 0, recallSum = 0, wordPrecisionSum = 0, wordRecallSum = 0, wordF1Sum = 0;
        foreach (var page in pages)
        {
            count++;
            precisionSum += page.Precision;
            recallSum += page.Recall;
            wordPrecisionSum += page.Words.Precision;
            wordRecallSum += page.Words.Recall;
            wordF1Sum += page.Words.F1;
            catastrophic += page.IsCatastrophic ? 1 : 0;
            withTotal += page.WithTotal;
            withFound += page.WithFound;
            withoutTotal += page.WithoutTotal;
            withoutPresent += page.WithoutPresent;
        }

        var precision = count == 0 ? 0 : precisionSum / count;
        var recall = count == 0 ? 0 : recallSum / count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ArticleScore(count, precision, recall, f1, new SnippetScore(withTotal, withFound, withoutTotal, withoutPresent))
        {
            Words = count == 0 ? new WordScore(0, 0, 0) : new WordScore(wordPrecisionSum / count, wordRecallSum / count, wordF1Sum / count),
            Catastrophic = catastrophic,
        };
    }

    /// <summary>
    /// The 4-token shingles of <paramref name="tokens"/>, joined by spaces. Texts shorter than a shingle yield one
    /// shorter shingle, so a two-word answer is not empty.
    /// </summary>
    public static IEnumerable<string> Shingles(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var last = Math.Max(1, tokens.Count - ShingleSize + 1);
        for (var i = 0; i < last && i < tokens.Count; i++)
        {
            var length = Math.Min(ShingleSize, tokens.Count - i);
            yield return length == 1 ? tokens[i] : string.Join(' ', Enumerable.Range(i, length).Select(j => tokens[j]));
        }
    }

    private static (long TruePositives, long FalsePositives, long FalseNegatives) Overlap(Dictionary<string, int> truth, Dictionary<string, int> predicted)
    {
        long tp = 0, fp = 0, fn = 0;
        foreach (var (key, count) in predicted)
        {
            var inTruth = truth.GetValueOrDefault(key);
            tp += Math.Min(count, inTruth);
            fp += Math.Max(0, count - inTruth);
        }

        foreach (var (key, count) in truth)
        {
            fn += Math.Max(0, count - predicted.GetValueOrDefault(key));
        }

        return (tp, fp, fn);
    }

    /// <summary>Each item with how often it occurs: the multiset the overlap counts compare.</summary>
    private static Dictionary<string, int> Bag(IEnumerable<string> items)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            bag[item] = bag.GetValueOrDefault(item) + 1;
        }

        return bag;
    }

    private static bool ContainsTokens(string paddedHaystack, string snippet)
    {
        var tokens = WordTokenizer.Tokenize(snippet);
        var end = snippet.Trim().Length >= CutSnippetChars ? string.Empty : " ";
        return tokens.Count > 0 && paddedHaystack.Contains(" " + string.Join(' ', tokens) + end, StringComparison.Ordinal);
    }
}

/// <summary>One page's shingle and snippet counts.</summary>
/// <param name="TruePositives">Shingles in both texts (multiset minimum).</param>
/// <param name="FalsePositives">Predicted shingles beyond those in the truth.</param>
/// <param name="FalseNegatives">Truth shingles missing from the prediction.</param>
/// <param name="WithTotal">Number of must-keep snippets.</param>
/// <param name="WithFound">Must-keep snippets found in the output.</param>
/// <param name="WithoutTotal">Number of must-drop snippets.</param>
/// <param name="WithoutPresent">Must-drop snippets left in the output.</param>
public sealed record PageComparison(
    long TruePositives,
    long FalsePositives,
    long FalseNegatives,
    int WithTotal,
    int WithFound,
    int WithoutTotal,
    int WithoutPresent)
{
    /// <summary>
    /// Precision of the page. Normalising the three counts to sum 1 leaves the ratio unchanged, so it is computed on
    /// the raw counts.
    /// </summary>
    public double Precision => Shingles.Precision;

    /// <summary>Recall of the page.</summary>
    public double Recall => Shingles.Recall;

    /// <summary>F1 of this page alone.</summary>
    public double F1 => Shingles.F1;

    /// <summary>The same page as bags of words (WCXB's measure).</summary>
    public OverlapCounts Words { get; init; } = new(0, 0, 0);

    private OverlapCounts Shingles => new(TruePositives, FalsePositives, FalseNegatives);

    /// <summary>Whether the page is lost: shingle F1 below <see cref="ArticleMetrics.CatastrophicF1"/>.</summary>
    public bool IsCatastrophic => F1 < ArticleMetrics.CatastrophicF1;
}

/// <summary>One page's multiset overlap with its truth, of shingles or of words.</summary>
/// <param name="TruePositives">Items in both texts.</param>
/// <param name="FalsePositives">Predicted items beyond those in the truth.</param>
/// <param name="FalseNegatives">Truth items missing from the prediction.</param>
public sealed record OverlapCounts(long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>Precision; an empty prediction scores 1 only against an empty truth, so returning nothing is never rewarded.</summary>
    public double Precision => TruePositives + FalsePositives == 0
        ? (FalseNegatives == 0 ? 1 : 0)
        : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Recall; an empty truth is fully recalled.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>F1 of the two.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Corpus-level extraction figures.</summary>
/// <param name="Pages">Pages scored.</param>
/// <param name="Precision">Mean of the pages' precision.</param>
/// <param name="Recall">Mean of the pages' recall.</param>
/// <param name="F1">F1 of the two means.</param>
/// <param name="Snippets">The with/without snippet check.</param>
public sealed record ArticleScore(int Pages, double Precision, double Recall, double F1, SnippetScore Snippets)
{
    /// <summary>WCXB's word measure: per-page word precision, recall and F1, each averaged over pages.</summary>
    public WordScore Words { get; init; } = new(0, 0, 0);

    /// <summary>Pages lost: shingle F1 below <see cref="ArticleMetrics.CatastrophicF1"/>.</summary>
    public int Catastrophic { get; init; }
}

/// <summary>Word-bag figures averaged over pages (WCXB's measure).</summary>
/// <param name="Precision">Mean of the pages' word precision.</param>
/// <param name="Recall">Mean of the pages' word recall.</param>
/// <param name="F1">Mean of the pages' word F1.</param>
public sealed record WordScore(double Precision, double Recall, double F1);

/// <summary>The with/without snippet check summed over pages.</summary>
/// <param name="WithTotal">Must-keep snippets.</param>
/// <param name="WithFound">Must-keep snippets found.</param>
/// <param name="WithoutTotal">Must-drop snippets.</param>
/// <param name="WithoutPresent">Must-drop snippets left in.</param>
public sealed record SnippetScore(int WithTotal, int WithFound, int WithoutTotal, int WithoutPresent)
{
    /// <summary>Share of must-keep snippets kept (1 when there are none).</summary>
    public double WithRecall => WithTotal == 0 ? 1 : (double)WithFound / WithTotal;

    /// <summary>Share of must-drop snippets dropped (1 when there are none).</summary>
    public double WithoutRejection => WithoutTotal == 0 ? 1 : 1 - ((double)WithoutPresent / WithoutTotal);
}
