using Boilerplate.Core.Metadata;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training.Metadata;

/// <summary>
/// The text the language profiles are built from: the hand-labelled paragraphs (a dozen languages), and the truth
/// text of corpus pages whose markup declares their language, train split only so dev pages stay unseen.
/// </summary>
public static class LanguageTrainingText
{
    /// <summary>Most characters of corpus text taken per language, so English does not take minutes to count.</summary>
    public const int MaxCharsPerLanguage = 400_000;

    /// <summary>Corpus text by declared language (primary subtag), train split only.</summary>
    public static List<(string Language, string Text)> FromCorpora(string datasetsDirectory, IEnumerable<string> corpora, CancellationToken cancellationToken)
    {
        var segmenter = new HtmlSegmenter(SegmentationLimits.Default);
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = new List<(string, string)>();
        foreach (var corpus in corpora)
        {
            var folder = Path.Combine(datasetsDirectory, corpus);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var page in LabelledDataset.Load(folder).Train)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var language = DeclaredLanguage(segmenter, page, cancellationToken);
                if (language.Length == 0 || taken.GetValueOrDefault(language) >= MaxCharsPerLanguage)
                {
                    continue;
                }

                taken[language] = taken.GetValueOrDefault(language) + page.ArticleBody.Length;
                texts.Add((language, page.ArticleBody));
            }
        }

        return texts;
    }

    /// <summary>The hand-labelled paragraphs with their languages.</summary>
    public static List<(string Language, string Text)> HandLabelled() =>
        HandLabelledSet.Load().Select(sample => (sample.Language, sample.Text)).ToList();

    /// <summary>The primary language subtag the page's markup declares, or empty.</summary>
    public static string DeclaredLanguage(HtmlSegmenter segmenter, LabelledPage page, CancellationToken cancellationToken)
    {
        try
        {
            return LanguageTag.Primary(segmenter.Segment(page.ReadHtml(), page.Url, cancellationToken).Markup.Language);
        }
        catch (Core.Errors.PageRejectedException)
        {
            return string.Empty;
        }
    }

    /// <summary>Profiles of <paramref name="texts"/>, only those the detector scores (Latin and Cyrillic).</summary>
    public static Dictionary<string, NGramProfile> Profiles(IEnumerable<(string Language, string Text)> texts) =>
        LanguageProfileBuilder.Build(texts).Where(pair => pair.Value.IsScored).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
