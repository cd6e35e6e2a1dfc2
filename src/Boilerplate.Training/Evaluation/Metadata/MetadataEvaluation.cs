using System.Globalization;
using System.Text;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Core.Metadata;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training.Metadata;

namespace Boilerplate.Training.Evaluation.Metadata;

/// <summary>
/// Measures metadata on a WCXB-style corpus: title, author and date against the truth line, and the language the
/// detector tells from the kept text against the language the markup declares; then the detector on the
/// hand-labelled paragraphs, each left out of the profiles it is told with.
/// </summary>
public sealed class MetadataEvaluation
{
    /// <summary>Pages with at least this many words of truth text form the "200+ words" rows.</summary>
    public const int LongPageWords = 200;

    private readonly Dictionary<(string Split, bool Long), Tally> _tallies = [];

    /// <summary>Runs over every page of <paramref name="corpusFolder"/>; failures (one line a miss) go to <paramref name="failures"/> when given.</summary>
    public static MetadataEvaluation Run(string corpusFolder, IBlockClassifier classifier, TextWriter? failures, CancellationToken cancellationToken)
    {
        var evaluation = new MetadataEvaluation();
        using var pipeline = new CleaningPipeline(SegmentationLimits.Default);
        var detector = LanguageDetector.Default;
        foreach (var page in LabelledDataset.Load(corpusFolder).Pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CleanResult result;
            try
            {
                result = pipeline.Clean(new PageInput.Html(page.ReadHtml()) { Url = page.Url }, classifier, CleanOptions.Default, cancellationToken);
            }
            catch (PageRejectedException)
            {
                result = new CleanResult(string.Empty, string.Empty, string.Empty, [], [], classifier.Version);
            }

            var metadata = result.Metadata;
            var declared = metadata.LanguageDetected ? string.Empty : LanguageTag.Primary(metadata.Language);
            var detected = detector.Detect(result.Text);
            var outcome = new PageOutcome(
                MetadataScoring.TitleMatches(page.Title, result.Title),
                MetadataScoring.TitleMatches(page.Title, metadata.Headline),
                page.Author is { } author ? MetadataScoring.AuthorMatches(author, metadata.Authors) : null,
                page.PublishDate is { } date ? MetadataScoring.DateMatches(date, metadata.PublishedTime) : null,
                page.PublishDate is { } either ? MetadataScoring.DateMatches(either, metadata.PublishedTime) || MetadataScoring.DateMatches(either, metadata.ModifiedTime) : null,
                declared.Length > 0 ? declared == detected : null,
                page.Author is null && metadata.Authors.Count > 0,
                page.PublishDate is null && metadata.PublishedTime is not null);
            var isLong = MetadataScoring.WordCount(page.ArticleBody) >= LongPageWords;
            foreach (var split in (string[])["all", page.IsDev ? "dev" : "train"])
            {
                evaluation.Add(split, isLong: false, outcome);
                if (isLong)
                {
                    evaluation.Add(split, isLong: true, outcome);
                }
            }

            if (failures is not null)
            {
                WriteFailures(failures, page, result, outcome, declared, detected);
            }
        }

        return evaluation;
    }

    /// <summary>
    /// The detector on each hand-labelled paragraph, with profiles built from the corpus text and every other
    /// paragraph: (language, correct, total, too short to tell) rows.
    /// </summary>
    public static List<(string Language, int Correct, int Total, int Undecided)> LeaveOneOut(
        IReadOnlyList<(string Language, string Text)> corpus, IReadOnlyList<(string Language, string Text)> hand, CancellationToken cancellationToken)
    {
        var corpusProfiles = LanguageProfileBuilder.Build(corpus);
        var rows = new Dictionary<string, (int Correct, int Total, int Undecided)>(StringComparer.Ordinal);
        for (var i = 0; i < hand.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var others = LanguageProfileBuilder.Build(hand.Where((_, j) => j != i));
            var profiles = new Dictionary<string, NGramProfile>(StringComparer.Ordinal);
            foreach (var language in corpusProfiles.Keys.Union(others.Keys))
            {
                var profile = corpusProfiles.TryGetValue(language, out var c) && others.TryGetValue(language, out var o) ? LanguageProfileBuilder.Merge(c, o)
                    : corpusProfiles.GetValueOrDefault(language) ?? others[language];
                if (profile.IsScored)
                {
                    profiles[language] = profile;
                }
            }

            var detected = new LanguageDetector(profiles).Detect(hand[i].Text);
            var row = rows.GetValueOrDefault(hand[i].Language);
            rows[hand[i].Language] = (row.Correct + (detected == hand[i].Language ? 1 : 0), row.Total + 1, row.Undecided + (detected.Length == 0 ? 1 : 0));
        }

        return rows.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, pair.Value.Correct, pair.Value.Total, pair.Value.Undecided)).ToList();
    }

    /// <summary>The counts of one split ("all", "train" or "dev"), all its pages or those of 200+ words.</summary>
    public MetadataCounts Counts(string split, bool longPagesOnly = false)
    {
        var tally = _tallies[(split, longPagesOnly)];
        return new MetadataCounts(
            tally.Pages,
            tally.Headline.Correct,
            (tally.Author.Correct, tally.Author.Total),
            (tally.Date.Correct, tally.Date.Total),
            (tally.Language.Correct, tally.Language.Total),
            tally.SpuriousAuthor);
    }

    /// <summary>The figures as a Markdown table: one row per split and page scope.</summary>
    public string ToMarkdown()
    {
        var builder = new StringBuilder();
        builder.AppendLine("| split | pages | title (response) | title (metadata) | author | date (published) | date (published or modified) | language (detected vs declared) | author where none | date where none |");
        builder.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var split in (string[])["all", "train", "dev"])
        {
            foreach (var isLong in (bool[])[false, true])
            {
                if (_tallies.TryGetValue((split, isLong), out var tally))
                {
                    builder.AppendLine(CultureInfo.InvariantCulture, $"| {split}{(isLong ? $", {LongPageWords}+ words" : string.Empty)} | {tally.Pages} | {tally.Title} | {tally.Headline} | {tally.Author} | {tally.Date} | {tally.EitherDate} | {tally.Language} | {tally.SpuriousAuthor}/{tally.Pages - tally.Author.Total} | {tally.SpuriousDate}/{tally.Pages - tally.Date.Total} |");
                }
            }
        }

        return builder.ToString();
    }

    private void Add(string split, bool isLong, PageOutcome outcome)
    {
        var tally = _tallies.TryGetValue((split, isLong), out var existing) ? existing : _tallies[(split, isLong)] = new Tally();
        tally.Pages++;
        tally.Title.Add(outcome.Title);
        tally.Headline.Add(outcome.Headline);
        tally.EitherDate.Add(outcome.EitherDate);
        tally.Author.Add(outcome.Author);
        tally.Date.Add(outcome.Date);
        tally.Language.Add(outcome.Language);
        tally.SpuriousAuthor += outcome.SpuriousAuthor ? 1 : 0;
        tally.SpuriousDate += outcome.SpuriousDate ? 1 : 0;
    }

    private static void WriteFailures(TextWriter failures, LabelledPage page, CleanResult result, PageOutcome outcome, string declared, string detected)
    {
        if (!outcome.Headline)
        {
            failures.WriteLine($"{page.Id}\ttitle\t{page.Title}\t{result.Metadata.Headline}");
        }

        if (outcome.Author == false)
        {
            failures.WriteLine($"{page.Id}\tauthor\t{page.Author}\t{string.Join(" | ", result.Metadata.Authors)}");
        }

        if (outcome.Date == false)
        {
            failures.WriteLine($"{page.Id}\tdate\t{page.PublishDate}\t{result.Metadata.PublishedTime?.ToString("o", CultureInfo.InvariantCulture)} / {result.Metadata.ModifiedTime?.ToString("o", CultureInfo.InvariantCulture)}");
        }

        if (outcome.Language == false)
        {
            failures.WriteLine($"{page.Id}\tlanguage\t{declared}\t{detected}");
        }
    }

    /// <summary>Correct answers of one split: headlines of all pages; authors, dates and languages of the pages whose truth has one.</summary>
    public sealed record MetadataCounts(int Pages, int Headlines, (int Correct, int Total) Authors, (int Correct, int Total) Dates, (int Correct, int Total) Languages, int AuthorsWhereNone);

    private sealed record PageOutcome(bool Title, bool Headline, bool? Author, bool? Date, bool? EitherDate, bool? Language, bool SpuriousAuthor, bool SpuriousDate);

    private sealed class Tally
    {
        public int Pages { get; set; }

        public Ratio Title { get; } = new();

        public Ratio Headline { get; } = new();

        public Ratio EitherDate { get; } = new();

        public Ratio Author { get; } = new();

        public Ratio Date { get; } = new();

        public Ratio Language { get; } = new();

        public int SpuriousAuthor { get; set; }

        public int SpuriousDate { get; set; }
    }

    private sealed class Ratio
    {
        public int Correct { get; private set; }

        public int Total { get; private set; }

        public void Add(bool? outcome)
        {
            if (outcome is { } correct)
            {
                Total++;
                Correct += correct ? 1 : 0;
            }
        }

        public override string ToString() =>
            Total == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{(double)Correct / Total:0.000} ({Correct}/{Total})");
    }
}
