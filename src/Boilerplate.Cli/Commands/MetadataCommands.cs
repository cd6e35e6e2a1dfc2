using System.CommandLine;
using System.Globalization;
using Boilerplate.Core.Metadata;
using Boilerplate.Core.Model;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation.Metadata;
using Boilerplate.Training.Metadata;

namespace Boilerplate.Cli.Commands;

/// <summary>
/// <c>boilerplate evaluate-metadata</c> (metadata accuracy on a corpus) and <c>boilerplate language-profiles</c>
/// (rebuilds the language detector's embedded profiles).
/// </summary>
internal static class MetadataCommands
{
    /// <summary>Character n-grams kept per language in the embedded profiles.</summary>
    public const int KeptNGrams = 1_500;

    /// <summary>Corpora whose train split feeds the language profiles.</summary>
    public static readonly string[] ProfileCorpora = ["wcxb-dev", "readability-pages"];

    internal static Command Evaluate()
    {
        var datasets = new Option<string?>("--datasets") { Description = "Datasets folder (default: BOILERPLATE_DATASETS, else ../shared/datasets)." };
        var corpus = new Option<string>("--corpus") { Description = "Corpus folder name with author and publish_date in its truth lines.", DefaultValueFactory = _ => "wcxb-dev" };
        var failures = new Option<string?>("--failures") { Description = "Write every miss (page id, field, truth, ours) to this TSV file." };
        var command = new Command("evaluate-metadata", "Measure title, author, date and language accuracy on a labelled corpus.") { datasets, corpus, failures };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = LabelledDataset.ResolveDatasetsDirectory(parse.GetValue(datasets));
            using var model = BoilerplateModel.LoadDefault();
            await using var failureWriter = parse.GetValue(failures) is { } path ? new StreamWriter(path) : null;
            var evaluation = MetadataEvaluation.Run(Path.Combine(root, parse.GetValue(corpus)!), model, failureWriter, cancellationToken);
            await Console.Out.WriteLineAsync(evaluation.ToMarkdown());

            var rows = MetadataEvaluation.LeaveOneOut(
                LanguageTrainingText.FromCorpora(root, ProfileCorpora, cancellationToken), LanguageTrainingText.HandLabelled(), cancellationToken);
            await Console.Out.WriteLineAsync("| hand-labelled paragraphs, left out of the profiles | " + string.Join(" | ", rows.Select(row => row.Language)) + " | all |");
            await Console.Out.WriteLineAsync("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", rows.Count + 1)));
            var correct = rows.Sum(row => row.Correct);
            var total = rows.Sum(row => row.Total);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| detected correctly | {string.Join(" | ", rows.Select(row => $"{row.Correct}/{row.Total}"))} | {(double)correct / total:0.000} ({correct}/{total}) |"));
            var undecided = rows.Sum(row => row.Undecided);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| of them under {LanguageDetector.MinLetters} letters (no language) | {string.Join(" | ", rows.Select(row => row.Undecided))} | {undecided} |"));
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| correct where a language was told | {string.Join(" | ", rows.Select(row => $"{row.Correct}/{row.Total - row.Undecided}"))} | {(double)correct / (total - undecided):0.000} ({correct}/{total - undecided}) |"));
            return 0;
        });
        return command;
    }

    internal static Command Profiles()
    {
        var datasets = new Option<string?>("--datasets") { Description = "Datasets folder (default: BOILERPLATE_DATASETS, else ../shared/datasets)." };
        var output = new Option<string>("--out") { Description = "Where to write the profiles.", DefaultValueFactory = _ => "src/Boilerplate.Core/Metadata/language-profiles.tsv" };
        var command = new Command("language-profiles", "Rebuild the language detector's trigram profiles from the corpora's train split and the hand-labelled paragraphs.") { datasets, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = LabelledDataset.ResolveDatasetsDirectory(parse.GetValue(datasets));
            var texts = LanguageTrainingText.FromCorpora(root, ProfileCorpora, cancellationToken);
            texts.AddRange(LanguageTrainingText.HandLabelled());
            var profiles = LanguageTrainingText.Profiles(texts);
            await using var writer = new StreamWriter(parse.GetValue(output)!) { NewLine = "\n" };
            await writer.WriteLineAsync($"# Character n-gram (1-3 letters) profiles of the language detector: {KeptNGrams} n-grams a language. Rebuild: boilerplate language-profiles");
            LanguageProfileBuilder.Write(writer, profiles, KeptNGrams);
            foreach (var (language, profile) in profiles.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{language}: {profile.Total} n-grams, {profile.Counts.Count} distinct"));
            }

            return 0;
        });
        return command;
    }
}
