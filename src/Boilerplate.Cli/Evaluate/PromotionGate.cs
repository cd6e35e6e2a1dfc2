using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Evaluate;

/// <summary>One corpus and mode of the gate: the candidate's F1 against the serving model's.</summary>
/// <param name="Corpus">The corpus.</param>
/// <param name="Mode">"html" or "text".</param>
/// <param name="CandidateF1">F1 of the model up for promotion.</param>
/// <param name="CurrentF1">F1 of the serving model on the same pages.</param>
/// <param name="Passed">Whether the candidate lost no more than the tolerance.</param>
internal sealed record GateCheck(string Corpus, string Mode, double CandidateF1, double CurrentF1, bool Passed)
{
    /// <summary>Candidate minus current.</summary>
    public double Delta => CandidateF1 - CurrentF1;
}

/// <summary>The gate's verdict over every corpus and mode.</summary>
/// <param name="Tolerance">The F1 loss allowed.</param>
/// <param name="Checks">One check per corpus and mode.</param>
internal sealed record GateVerdict(double Tolerance, IReadOnlyList<GateCheck> Checks)
{
    /// <summary>Whether the candidate may replace the serving model.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}

/// <summary>
/// Decides whether a new model may replace the serving one: it must not lose more than a tolerance of F1 on any
/// corpus in any mode, measured on the same pages in the same run, nor of macro-F1 on the hand-labelled paragraphs,
/// alone and placed inside pages, when the candidate tells the current model's labels (the same, or with labels added on
/// top, whose paragraphs taken from a current label count against it). The labels are part of what a caller gets; the article's text alone does
/// not show them, since the article assembler's container rule can rescue a page from a model whose labels are poor.
/// </summary>
internal static class PromotionGate
{
    /// <summary>The corpus name of the hand-labelled check.</summary>
    public const string HandLabelled = "hand-labelled paragraphs";

    /// <summary>The mode name of the hand-labelled check.</summary>
    public const string LabelsMode = "labels";

    /// <summary>The corpus name of the in-page checks (one per form).</summary>
    public const string InPage = "hand-labelled paragraphs in pages";

    // Scores of the same model on the same pages are bit-identical; this only absorbs summation-order noise.
    private const double Epsilon = 1e-9;

    /// <summary>
    /// Judges the candidate (<see cref="SystemNames.Ours"/>) against the current model (<see cref="SystemNames.Current"/>),
    /// and their hand-labelled <paramref name="labels"/> reports when given.
    /// </summary>
    public static GateVerdict Judge(
        IReadOnlyList<SystemResult> results,
        IReadOnlyList<EvaluationMode> modes,
        double tolerance,
        (ClassificationReport Candidate, ClassificationReport Current)? labels = null,
        IReadOnlyList<(string Form, ClassificationReport Candidate, ClassificationReport Current)>? inPage = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var checks = new List<GateCheck>();
        foreach (var corpus in results.Select(r => r.Corpus).Distinct(StringComparer.Ordinal))
        {
            foreach (var mode in modes)
            {
                var candidate = Find(results, corpus, SystemNames.Ours(mode));
                var current = Find(results, corpus, SystemNames.Current(mode));
                checks.Add(Check(corpus, SystemNames.ModeName(mode), candidate.Score.F1, current.Score.F1, tolerance));
            }
        }

        if (labels is var (candidateLabels, currentLabels))
        {
            checks.Add(Check(HandLabelled, LabelsMode, candidateLabels.MacroF1, currentLabels.MacroF1, tolerance));
        }

        foreach (var (form, candidate, current) in inPage ?? [])
        {
            checks.Add(Check(InPage, form, candidate.MacroF1, current.MacroF1, tolerance));
        }

        return new GateVerdict(tolerance, checks);
    }

    private static GateCheck Check(string corpus, string mode, double candidate, double current, double tolerance) =>
        new(corpus, mode, candidate, current, candidate >= current - tolerance - Epsilon);

    private static SystemResult Find(IReadOnlyList<SystemResult> results, string corpus, string system) =>
        results.FirstOrDefault(r => r.Corpus == corpus && r.System == system)
        ?? throw new InvalidOperationException($"No result for {system} on {corpus}; the gate needs both models evaluated.");
}
