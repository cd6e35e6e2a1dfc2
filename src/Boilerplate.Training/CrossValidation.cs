using System.Text.Json;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training;

/// <summary>One corpus and mode of a cross-validation: every train page scored by the fold model that never saw it.</summary>
/// <param name="Corpus">Corpus name.</param>
/// <param name="Mode">HTML or plain text.</param>
/// <param name="Score">The pooled score of all folds' held-out pages (word F1 and lost pages included).</param>
public sealed record CrossValidatedCorpus(string Corpus, EvaluationMode Mode, ArticleScore Score)
{
    /// <summary>The same pooled score per page type, for a corpus whose truth names each page's type (wcxb-dev); empty otherwise.</summary>
    public IReadOnlyDictionary<string, ArticleScore> ByPageType { get; init; } = new Dictionary<string, ArticleScore>();

    /// <summary>Every held-out page with its comparison, so two runs can be compared page by page.</summary>
    public IReadOnlyList<CrossValidatedPage> Pages { get; init; } = [];
}

/// <summary>One held-out page as the fold model that never saw it cleaned it.</summary>
/// <param name="Id">The page's id in its corpus.</param>
/// <param name="Comparison">Its output against its truth.</param>
public sealed record CrossValidatedPage(string Id, PageComparison Comparison);

/// <summary>
/// One held-out page as its fold model cleaned it, block by block, with its truth: a line of
/// <c>train cross-validate --from DIR --blocks FILE</c>, so a cleaning rule can be tried on pages no model saw
/// without a build.
/// </summary>
/// <param name="Corpus">Corpus name.</param>
/// <param name="Id">The page's id in its corpus.</param>
/// <param name="Mode">The mode's report name (html, text).</param>
/// <param name="Fold">The fold (from 1) whose model never saw the page.</param>
/// <param name="PageType">The page's type as its truth gives it, if it does.</param>
/// <param name="PredictedPageType">The page type the model told (empty when it could not).</param>
/// <param name="F1">The page's shingle F1.</param>
/// <param name="Truth">The page's article body.</param>
/// <param name="Labels">The model's labels, in the order of each block's scores.</param>
/// <param name="Blocks">Every block in page order; empty where the page was refused.</param>
public sealed record HeldOutPageBlocks(
    string Corpus, string Id, string Mode, int Fold, string? PageType, string PredictedPageType, double F1, string Truth,
    IReadOnlyList<string> Labels, IReadOnlyList<HeldOutBlock> Blocks);

/// <summary>One block of a <see cref="HeldOutPageBlocks"/>.</summary>
/// <param name="Text">Its text.</param>
/// <param name="Kind">Its block kind (Paragraph, Heading, ListItem...).</param>
/// <param name="Label">The likeliest label.</param>
/// <param name="Scores">Each label's probability, in the page's label order.</param>
/// <param name="Kept">Whether the cleaning kept it.</param>
/// <param name="Reason">Why it was dropped (empty when kept).</param>
public sealed record HeldOutBlock(string Text, string Kind, string Label, IReadOnlyList<float> Scores, bool Kept, string Reason);

/// <summary>What a cross-validation measured.</summary>
/// <param name="Folds">Number of folds.</param>
/// <param name="Results">One entry per corpus and mode.</param>
/// <param name="HandLabelledMacroF1">Mean over the fold models of the hand-labelled set's macro-F1.</param>
public sealed record CrossValidationReport(int Folds, IReadOnlyList<CrossValidatedCorpus> Results, double HandLabelledMacroF1);

/// <summary>
/// k-fold cross-validation by page over the corpora's train split: each fold's corpus pages are held out, a model is
/// fitted on the rest and on every sample, and scored on the held-out pages, so each train page is scored once by a
/// model that never saw it. That is four times the pages of the dev split, which is never read here: feature and
/// trainer choices made on these figures leave dev an untouched check (on readability-pages' 28 dev pages one page
/// moves F1 by ~0.03).
/// </summary>
public static class CrossValidation
{
    /// <summary>The file that lists, in a folder of kept fold models, which pages each fold held out.</summary>
    public const string FoldsFile = "folds.json";

    private static readonly JsonSerializerOptions BlocksJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Runs a <paramref name="folds"/>-fold cross-validation of <paramref name="options"/> on <paramref name="data"/>;
    /// with <paramref name="keepModels"/>, each fold model is saved there (<c>fold-1.zip</c>…) with the pages it held
    /// out (<see cref="FoldsFile"/>), so a change to cleaning can be scored on the same held-out pages by
    /// <see cref="Rescore"/> in seconds, without fitting again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The data has no corpora to hold pages out of.</exception>
    public static CrossValidationReport Run(
        TrainingData data, TrainingOptions options, int folds, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken, string? keepModels = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (data.Corpora.Count == 0)
        {
            throw new InvalidOperationException("Cross-validation holds out corpus pages; train with the default corpora (--base default).");
        }

        var trainer = new ModelTrainer(options with { EvaluateDev = false });
        var corpora = trainer.Limit(data.Corpora).ToList();
        var pages = trainer.Prepare(data, progress, cancellationToken);
        if (keepModels is not null)
        {
            Directory.CreateDirectory(keepModels);
        }

        var heldOut = Enumerable.Range(0, folds)
            .Select(fold => corpora.ToDictionary(c => c.Name, c => (IReadOnlyList<LabelledPage>)c.Train.Where(p => FoldOf(p, folds) == fold).ToList(), StringComparer.Ordinal))
            .ToList();
        var report = Pool(corpora.Select(c => c.Name).ToList(), heldOut, fold =>
        {
            progress?.Report(new TrainingProgress($"cross-validation fold {fold + 1} of {folds}", fold, folds));
            var heldOutKeys = heldOut[fold].Values.SelectMany(held => held.Select(p => p.Key)).ToHashSet(StringComparer.Ordinal);
            var model = trainer.Fit(pages.Where(p => !heldOutKeys.Contains(p.Key)).ToList(), data.Describe(), progress, cancellationToken);
            if (keepModels is not null)
            {
                model.Save(Path.Combine(keepModels, ModelFile(fold)));
            }

            return model;
        }, cancellationToken);
        progress?.Report(new TrainingProgress($"cross-validation fold {folds} of {folds}", folds, folds));
        if (keepModels is not null)
        {
            var manifest = new FoldsManifest(folds, corpora.ToDictionary(
                c => c.Name, c => heldOut.Select(fold => fold[c.Name].Select(p => p.Id).ToList()).ToList(), StringComparer.Ordinal));
            File.WriteAllText(Path.Combine(keepModels, FoldsFile), JsonSerializer.Serialize(manifest));
        }

        return report;
    }

    /// <summary>
    /// The fold that holds <paramref name="page"/> out: one per site (<see cref="LabelledPage.FoldGroup"/>), since a page
    /// whose site-mates were trained on measures the site's template rather than an unseen page. The hash is one of
    /// its own: the training's inner folds hash page keys, and must not line up with these.
    /// </summary>
    internal static int FoldOf(LabelledPage page, int folds) =>
        (int)(FeatureHasher.Namespace("cross-validation/" + page.FoldGroup) % (uint)folds);

    /// <summary>
    /// Scores the fold models kept in <paramref name="folder"/> (by <see cref="Run"/>) on the pages each held out, with
    /// this build's segmentation and cleaning: what a cleaning change does to pages no model saw, without refitting.
    /// A change to features or training needs a new cross-validation; the models refuse another feature schema.
    /// </summary>
    /// <exception cref="InvalidDataException">The folder holds no kept folds, or names a corpus or page not given.</exception>
    /// <param name="folder">Where <see cref="Run"/> kept the fold models.</param>
    /// <param name="corpora">The corpora the folds were cut from.</param>
    /// <param name="cancellationToken">Stops the scoring.</param>
    /// <param name="blocks">When given, receives every held-out page's blocks as JSON lines (<see cref="HeldOutPageBlocks"/>).</param>
    public static CrossValidationReport Rescore(string folder, IReadOnlyList<LabelledDataset> corpora, CancellationToken cancellationToken, TextWriter? blocks = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(corpora);
        var path = Path.Combine(folder, FoldsFile);
        var manifest = File.Exists(path)
            ? JsonSerializer.Deserialize<FoldsManifest>(File.ReadAllText(path)) ?? throw new InvalidDataException($"'{path}' is empty.")
            : throw new InvalidDataException($"No {FoldsFile} in '{folder}': keep the fold models with `train cross-validate --keep-models {folder}` first.");
        if (manifest.Folds < 2 || manifest.HeldOut is null || manifest.HeldOut.Values.Any(folds => folds is null || folds.Count != manifest.Folds))
        {
            throw new InvalidDataException($"'{path}' does not list the pages of {manifest.Folds} folds for every corpus: keep the folds again.");
        }

        var byName = corpora.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var pagesById = manifest.HeldOut.Keys.ToDictionary(
            name => name,
            name => (byName.TryGetValue(name, out var corpus) ? corpus : throw new InvalidDataException(
                $"The kept folds hold out pages of '{name}', which is not among the corpora given ({string.Join(", ", byName.Keys)}).")).Pages.ToDictionary(p => p.Id, StringComparer.Ordinal),
            StringComparer.Ordinal);
        var heldOut = Enumerable.Range(0, manifest.Folds).Select(fold => manifest.HeldOut.ToDictionary(
            entry => entry.Key,
            entry => (IReadOnlyList<LabelledPage>)entry.Value[fold].Select(id => pagesById[entry.Key].TryGetValue(id, out var page) ? page : throw new InvalidDataException(
                $"Page '{id}' of the kept folds is not in '{entry.Key}'.")).ToList(),
            StringComparer.Ordinal)).ToList();
        return Pool(manifest.HeldOut.Keys.ToList(), heldOut, fold => BoilerplateModel.Load(Path.Combine(folder, ModelFile(fold))), cancellationToken, blocks);
    }

    private static string ModelFile(int fold) => $"fold-{fold + 1}.zip";

    /// <summary>Scores each fold's model on its held-out pages and pools every corpus and mode over the folds.</summary>
    private static CrossValidationReport Pool(
        IReadOnlyList<string> corpora,
        IReadOnlyList<Dictionary<string, IReadOnlyList<LabelledPage>>> heldOut,
        Func<int, BoilerplateModel> modelOf,
        CancellationToken cancellationToken,
        TextWriter? blocks = null)
    {
        var pooled = corpora.SelectMany(c => EvaluationModes.Standard.Select(mode => (Corpus: c, Mode: mode, Pages: new List<(CrossValidatedPage Page, string? Type)>()))).ToList();
        var handLabelled = 0.0;
        using var evaluator = new ModelEvaluator();
        for (var fold = 0; fold < heldOut.Count; fold++)
        {
            using var model = modelOf(fold);
            foreach (var (corpus, mode, scored) in pooled)
            {
                var held = heldOut[fold][corpus];

                // The cleanings are kept only when their blocks are written: a fold's pages at once are large.
                var cleaned = blocks is null
                    ? evaluator.ComparePages(model, held, mode, cancellationToken).Select(comparison => (comparison, (CleanResult?)null)).ToList()
                    : evaluator.CleanPages(model, held, mode, cancellationToken);
                for (var i = 0; i < held.Count; i++)
                {
                    var (comparison, result) = cleaned[i];
                    scored.Add((new CrossValidatedPage(held[i].Id, comparison), held[i].PageType));
                    blocks?.WriteLine(JsonSerializer.Serialize(BlocksOf(corpus, mode, fold, held[i], comparison, result, model.Labels), BlocksJson));
                }
            }

            handLabelled += HandLabelledSet.Evaluate(model, null, cancellationToken).MacroF1 / heldOut.Count;
        }

        var results = pooled.Select(p => new CrossValidatedCorpus(p.Corpus, p.Mode, ArticleMetrics.Aggregate(p.Pages.Select(x => x.Page.Comparison)))
        {
            ByPageType = p.Pages.Where(x => x.Type is not null).GroupBy(x => x.Type!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ArticleMetrics.Aggregate(g.Select(x => x.Page.Comparison)), StringComparer.Ordinal),
            Pages = p.Pages.Select(x => x.Page).ToList(),
        }).ToList();
        return new CrossValidationReport(heldOut.Count, results, handLabelled);
    }

    private static HeldOutPageBlocks BlocksOf(
        string corpus, EvaluationMode mode, int fold, LabelledPage page, PageComparison comparison, CleanResult? result, IReadOnlyList<string> labels) =>
        new(
            corpus,
            page.Id,
            mode.Name(),
            fold + 1,
            page.PageType,
            result?.PageType ?? string.Empty,
            comparison.F1,
            page.ArticleBody,
            labels,
            result is null ? [] : result.Blocks.Select(b => new HeldOutBlock(b.Block.Text, b.Block.Kind.ToString(), b.Label, b.Scores, b.Kept, b.Reason)).ToList());

    /// <summary>What <see cref="FoldsFile"/> holds: the number of folds and, per corpus, the ids each fold held out.</summary>
    private sealed record FoldsManifest(int Folds, Dictionary<string, List<List<string>>> HeldOut);
}
