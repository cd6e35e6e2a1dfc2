using System.CommandLine;
using System.Globalization;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Repair;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation.Repair;
using Boilerplate.Training.Repair;
using Spectre.Console;

namespace Boilerplate.Cli.Commands;

/// <summary>
/// <c>boilerplate build-repair-model</c> rebuilds the embedded character model from the train split's truth texts;
/// <c>boilerplate evaluate-repair</c> damages truth texts, repairs them and counts words restored and wrongly
/// changed. Figures: docs/repair.md.
/// </summary>
internal static class RepairCommands
{
    /// <summary>Where the embedded model lives, relative to the repository root.</summary>
    public const string DefaultModelPath = "src/Boilerplate.Core/Repair/character-model.tsv.gz";

    /// <summary>Where the embedded word lexicon lives, relative to the repository root.</summary>
    public const string DefaultLexiconPath = "src/Boilerplate.Core/Repair/word-lexicon.tsv.gz";

    internal static Command CreateBuild()
    {
        var dataset = new Option<string?>("--dataset", "--datasets") { Description = "Datasets root (default: BOILERPLATE_DATASETS, else ../shared/datasets)." };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => DefaultModelPath };
        var lexiconOutput = new Option<string>("--lexicon-out") { Description = "Where to write the word lexicon.", DefaultValueFactory = _ => DefaultLexiconPath };
        var dictionaries = new Option<string[]>("--dictionaries")
        {
            Description = "Hunspell .dic files, or folders of them, whose stems join the word lexicon (the embedded one: docs/repair.md).",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("build-repair-model", "Build the character model and word lexicon that fill placeholder damage, from the train split of wcxb-dev and readability-pages.")
        {
            dataset, output, lexiconOutput, dictionaries,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var corpora = LoadCorpora(parse.GetValue(dataset));
            // The truth texts and every block of the pages themselves: four times the text, and the menus and
            // footers of pages in other languages are where most accented words are.
            using var pipeline = new CleaningPipeline(SegmentationLimits.Default);
            var train = corpora.SelectMany(corpus => corpus.Train).ToList();
            var paragraphs = train.SelectMany(page => RepairEvaluation.Paragraphs(page.ArticleBody))
                .Concat(train.SelectMany(page => PageBlocks(pipeline, page, cancellationToken))).ToList();
            var model = CharacterModelBuilder.Build(paragraphs, cancellationToken);
            var path = parse.GetValue(output)!;
            using (var file = File.Create(path))
            {
                CharacterModelBuilder.Save(model, file);
            }

            var dictionaryFiles = (parse.GetValue(dictionaries) ?? [])
                .SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.dic").Order(StringComparer.Ordinal).ToArray() : [p]).ToList();
            var lexicon = WordLexiconBuilder.Build(paragraphs, dictionaryFiles.SelectMany(DictionaryStems), model, cancellationToken);
            var lexiconPath = parse.GetValue(lexiconOutput)!;
            using (var file = File.Create(lexiconPath))
            {
                WordLexiconBuilder.Save(lexicon, file);
            }

            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{lexicon.Count:N0} word shapes from the same text and {dictionaryFiles.Count} dictionaries -> {lexiconPath} ({new FileInfo(lexiconPath).Length:N0} bytes)"));

            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{model.Contexts:N0} contexts from the train split of {string.Join(", ", corpora.Select(c => c.Name))} -> {path} ({new FileInfo(path).Length:N0} bytes)"));
            return Task.FromResult(0);
        });
        return command;
    }

    internal static Command CreateEvaluate()
    {
        var dataset = new Option<string?>("--dataset", "--datasets") { Description = "Datasets root (default: BOILERPLATE_DATASETS, else ../shared/datasets)." };
        var misses = new Option<string?>("--misses") { Description = "Write every word not restored or wrongly changed to this file (truth, damaged, repaired; tab-separated)." };
        var pages = new Option<bool>("--pages") { Description = "Also segment every page of every corpus and count what the repair changes on the pages as fetched." };
        var mode = new Option<RepairMode>("--repair-text") { Description = "Repair mode to measure: auto or on.", DefaultValueFactory = _ => RepairMode.Auto };
        var command = new Command("evaluate-repair", "Damage truth texts (placeholders, mojibake), repair them, and count words restored and words wrongly changed.")
        {
            dataset, mode, misses, pages,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var root = parse.GetValue(dataset);
            if (!AnsiConsole.Profile.Out.IsTerminal)
            {
                // Spectre assumes 80 columns when output is not a terminal; the table is meant for logs and docs too.
                AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
            }

            var repairMode = parse.GetValue(mode);
            var missed = parse.GetValue(misses) is { } missesPath ? new List<WordMiss>() : null;
            var table = new Table().AddColumns("corpus", "pages", "damage", "damaged words", "restored", "undamaged words", "wrongly changed", "pages changed");
            var damagedCorpora = LoadCorpora(root);
            foreach (var damage in new[] { Damage.Placeholder, Damage.Mojibake })
            {
                var total = RepairScore.Empty;
                foreach (var corpus in damagedCorpora)
                {
                    var score = Measure(corpus.Dev, damage, repairMode, missed, cancellationToken);
                    total = total.Add(score);
                    AddRow(table, $"{corpus.Name} (dev)", damage, score);
                }

                AddRow(table, "all (dev)", damage, total);
            }

            // Undamaged text: every page of the default corpora, train and dev.
            var everyCorpus = LoadCorpora(root);
            var clean = RepairScore.Empty;
            foreach (var corpus in everyCorpus)
            {
                var score = Measure(corpus.Pages, Damage.None, repairMode, missed, cancellationToken);
                clean = clean.Add(score);
                AddRow(table, $"{corpus.Name} (all)", Damage.None, score);
            }

            AddRow(table, "all (all)", Damage.None, clean);
            AnsiConsole.Write(table);
            if (parse.GetValue(pages))
            {
                MeasurePages(everyCorpus, repairMode, cancellationToken);
            }

            if (missed is not null)
            {
                File.WriteAllLines(parse.GetValue(misses)!, missed.Select(miss => $"{miss.Truth}\t{miss.Damaged}\t{miss.Repaired}"));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Placeholder marks in <paramref name="text"/>: the underscores, question marks and replacement characters scrapers leave.</summary>
    private static int Marks(string text) => text.Count(c => c is '_' or '?' or '\uFFFD');

    /// <summary>The stems of a Hunspell dictionary: each line's word before its affix flags, the count line skipped.</summary>
    private static IEnumerable<string> DictionaryStems(string path) =>
        File.ReadLines(path, System.Text.Encoding.UTF8).Skip(1)
            .Select(line => line.Split('/', 2)[0].Split('\t', 2)[0].Trim())
            .Where(word => word.Length > 0);

    private static IEnumerable<string> PageBlocks(CleaningPipeline pipeline, LabelledPage page, CancellationToken cancellationToken)
    {
        try
        {
            return pipeline.Segment(new PageInput.Html(page.ReadHtml()), cancellationToken).Blocks.Select(block => block.Text).ToList();
        }
        catch (PageRejectedException)
        {
            return [];
        }
    }

    /// <summary>The pages as fetched, segmented as the pipeline does: which ones the repair changes, and how.</summary>
    private static void MeasurePages(IReadOnlyList<LabelledDataset> corpora, RepairMode mode, CancellationToken cancellationToken)
    {
        using var pipeline = new CleaningPipeline(SegmentationLimits.Default);
        int pages = 0, changedPages = 0, repairs = 0, placeholders = 0;
        foreach (var page in corpora.SelectMany(corpus => corpus.Pages))
        {
            SegmentedPage segmented;
            try
            {
                segmented = pipeline.Segment(new PageInput.Html(page.ReadHtml()), cancellationToken);
            }
            catch (PageRejectedException)
            {
                continue;
            }

            pages++;
            var repaired = PageRepairer.Repair(segmented, mode, TextRepairer.Default, cancellationToken);
            var spans = repaired.Blocks.SelectMany(block => block.Repairs).ToList();
            if (spans.Count > 0)
            {
                changedPages++;
                repairs += spans.Count;
                // A placeholder repair rewrites a mark; a lost no-break space ("?Â" -> "?") keeps the one before it.
                placeholders += spans.Count(r => Marks(r.Original) > Marks(r.Replacement));
                var examples = string.Join(", ", spans.Take(3).Select(r => $"'{r.Original}' -> '{r.Replacement}'"));
                Console.WriteLine($"{page.Key}: {spans.Count} repairs, e.g. {examples}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pages as fetched: {pages:N0} segmented, {changedPages:N0} changed, {repairs:N0} repairs ({placeholders:N0} of placeholders)"));
    }

    private static RepairScore Measure(IEnumerable<LabelledPage> pages, Damage damage, RepairMode mode, ICollection<WordMiss>? misses, CancellationToken cancellationToken)
    {
        var total = RepairScore.Empty;
        foreach (var page in pages)
        {
            var score = RepairEvaluation.Score(RepairEvaluation.Paragraphs(page.ArticleBody), damage, mode, TextRepairer.Default, cancellationToken, misses);
            if (damage == Damage.None && score.PagesChanged > 0)
            {
                Console.Error.WriteLine($"changed undamaged page {page.Key}: {score.WronglyChangedWords} words");
            }

            total = total.Add(score);
        }

        return total;
    }

    private static void AddRow(Table table, string corpus, Damage damage, RepairScore score) => table.AddRow(
        corpus,
        score.Pages.ToString("N0", CultureInfo.InvariantCulture),
        damage.ToString().ToLowerInvariant(),
        score.DamagedWords.ToString("N0", CultureInfo.InvariantCulture),
        damage == Damage.None ? "-" : string.Create(CultureInfo.InvariantCulture, $"{score.RestoredWords:N0} ({score.Restored:P1})"),
        score.UndamagedWords.ToString("N0", CultureInfo.InvariantCulture),
        score.WronglyChangedWords.ToString("N0", CultureInfo.InvariantCulture),
        score.PagesChanged.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>The default corpora under the datasets folder; no other corpus there is read (older releases may sit beside them).</summary>
    private static List<LabelledDataset> LoadCorpora(string? root)
    {
        var directory = LabelledDataset.ResolveDatasetsDirectory(root);
        return LabelledDataset.DefaultCorpora.Select(name => Path.Combine(directory, name)).Where(Directory.Exists).Select(LabelledDataset.Load).ToList();
    }
}
