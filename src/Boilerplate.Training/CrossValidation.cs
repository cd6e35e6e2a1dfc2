using Boilerplate.Core.Features;
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
}

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
    /// <summary>Runs a <paramref name="folds"/>-fold cross-validation of <paramref name="options"/> on <paramref name="data"/>.</summary>
    /// <exception cref="InvalidOperationException">The data has no corpora to hold pages out of.</exception>
    public static CrossValidationReport Run(TrainingData data, TrainingOptions options, int folds, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
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

        // A fold hash of its own: the training's inner folds hash the same keys, and must not line up with these.
        int FoldOf(string key) => (int)(FeatureHasher.Namespace("cross-validation/" + key) % (uint)folds);
        var pooled = corpora.SelectMany(c => EvaluationModes.Standard.Select(mode => (Corpus: c, Mode: mode, Pages: new List<(PageComparison Comparison, string? Type)>()))).ToList();
        var handLabelled = 0.0;
        using var evaluator = new ModelEvaluator();
        for (var fold = 0; fold < folds; fold++)
        {
            progress?.Report(new TrainingProgress($"cross-validation fold {fold + 1} of {folds}", fold, folds));
            var heldOut = corpora.ToDictionary(c => c, c => c.Train.Where(p => FoldOf(p.Key) == fold).ToList());
            var heldOutKeys = heldOut.Values.SelectMany(held => held.Select(p => p.Key)).ToHashSet(StringComparer.Ordinal);
            using var model = trainer.Fit(pages.Where(p => !heldOutKeys.Contains(p.Key)).ToList(), data.Describe(), progress, cancellationToken);
            foreach (var (corpus, mode, comparisons) in pooled)
            {
                var held = heldOut[corpus];
                comparisons.AddRange(evaluator.ComparePages(model, held, mode, cancellationToken).Select((comparison, i) => (comparison, held[i].PageType)));
            }

            handLabelled += HandLabelledSet.Evaluate(model, null, cancellationToken).MacroF1 / folds;
        }

        progress?.Report(new TrainingProgress($"cross-validation fold {folds} of {folds}", folds, folds));
        var results = pooled.Select(p => new CrossValidatedCorpus(p.Corpus.Name, p.Mode, ArticleMetrics.Aggregate(p.Pages.Select(x => x.Comparison)))
        {
            ByPageType = p.Pages.Where(x => x.Type is not null).GroupBy(x => x.Type!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => ArticleMetrics.Aggregate(g.Select(x => x.Comparison)), StringComparer.Ordinal),
        }).ToList();
        return new CrossValidationReport(folds, results, handLabelled);
    }
}
