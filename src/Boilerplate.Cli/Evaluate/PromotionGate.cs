using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Evaluate;

/// <summary>One corpus and mode of the gate: the candidate's F1 against the serving model's.</summary>
/// <param name="Corpus">The corpus.</param>
/// <param name="Mode">"html" or "text".</param>
/// <param name="CandidateF1">F1 of the model up for promotion.</param>
/// <param name="CurrentF1">F1 of the serving model on the same pages.</param>
/// <param name="WithinTolerance">Whether the candidate lost no more F1 than the tolerance.</param>
internal sealed record GateCheck(string Corpus, string Mode, double CandidateF1, double CurrentF1, bool WithinTolerance)
{
    /// <summary>Candidate minus current.</summary>
    public double Delta => CandidateF1 - CurrentF1;

    /// <summary>What the candidate changes page by page; null for the label checks, which have no pages.</summary>
    public PageChanges? Pages { get; init; }

    /// <summary>Whether the candidate lost no more F1 than the tolerance, and no more pages whole than allowed.</summary>
    public bool Passed => WithinTolerance && (Pages?.WithinAllowance ?? true);
}

/// <summary>
/// The pages a candidate changes against the serving model: those it loses whole (the current model scored them at
/// least <see cref="ArticleMetrics.CatastrophicF1"/>, the candidate under it), those it rescues, and how many moved by
/// more than <see cref="Moved"/> either way. A mean can hold while pages break; these say which.
/// </summary>
/// <param name="NewlyLost">Pages the candidate loses that the current model did not, in page order.</param>
/// <param name="Rescued">Pages the current model loses and the candidate does not, in page order.</param>
/// <param name="Up">Pages the candidate scores more than <see cref="Moved"/> higher.</param>
/// <param name="Down">Pages the candidate scores more than <see cref="Moved"/> lower.</param>
/// <param name="Compared">Pages both models scored.</param>
/// <param name="Allowed">Net pages lost that the gate's share of the compared pages allows, whole pages only.</param>
internal sealed record PageChanges(IReadOnlyList<PageChange> NewlyLost, IReadOnlyList<PageChange> Rescued, int Up, int Down, int Compared, int Allowed)
{
    /// <summary>A page's shingle F1 change counted as a move.</summary>
    public const double Moved = 0.05;

    /// <summary>Pages lost less pages rescued: what the gate holds to <see cref="Allowed"/>.</summary>
    public int NetLost => NewlyLost.Count - Rescued.Count;

    /// <summary>Whether the net pages lost stay within <see cref="Allowed"/>.</summary>
    public bool WithinAllowance => NetLost <= Allowed;

    /// <summary>
    /// Compares the two models' per-page scores, pages matched by id; <paramref name="share"/> of the compared pages
    /// (<see cref="GateVerdict.LostTolerance"/>) may be lost net.
    /// </summary>
    public static PageChanges Of(IReadOnlyList<PageScore> candidate, IReadOnlyList<PageScore> current, double share)
    {
        var before = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var page in current)
        {
            before[page.Id] = page.F1;
        }

        List<PageChange> lost = [];
        List<PageChange> rescued = [];
        var (up, down, compared) = (0, 0, 0);
        foreach (var page in candidate)
        {
            if (!before.TryGetValue(page.Id, out var was))
            {
                continue;
            }

            compared++;
            var (wasLost, isLost) = (was < ArticleMetrics.CatastrophicF1, page.F1 < ArticleMetrics.CatastrophicF1);
            if (wasLost != isLost)
            {
                (isLost ? lost : rescued).Add(new PageChange(page.Id, was, page.F1));
            }

            up += page.F1 - was > Moved ? 1 : 0;
            down += was - page.F1 > Moved ? 1 : 0;
        }

        return new PageChanges(lost, rescued, up, down, compared, (int)Math.Floor((share * compared) + 1e-9));
    }
}

/// <summary>One page's shingle F1 under the current model and under the candidate.</summary>
/// <param name="Id">The page id.</param>
/// <param name="CurrentF1">Under the serving model.</param>
/// <param name="CandidateF1">Under the candidate.</param>
internal sealed record PageChange(string Id, double CurrentF1, double CandidateF1);

/// <summary>The gate's verdict over every corpus and mode.</summary>
/// <param name="Tolerance">The F1 loss allowed.</param>
/// <param name="Checks">One check per corpus and mode.</param>
/// <param name="LostTolerance">
/// The share of a corpus's pages a candidate may lose whole, beyond those it rescues, in any corpus and mode.
/// </param>
internal sealed record GateVerdict(double Tolerance, IReadOnlyList<GateCheck> Checks, double LostTolerance = PromotionGate.DefaultLostTolerance)
{
    /// <summary>Whether the candidate may replace the serving model.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}

/// <summary>
/// Decides whether a new model may replace the serving one: it must not lose more than a tolerance of F1 on any
/// corpus in any mode, measured on the same pages in the same run, nor lose more pages whole there than it rescues
/// beyond a share of the corpus's pages (1% by default: a retrain that differs only in its seed loses a page or two of
/// 309 against the one before), nor lose more than the tolerance of macro-F1 on the hand-labelled paragraphs,
/// alone and placed inside pages, when the candidate tells the current model's labels (the same, or with labels added on
/// top, whose paragraphs taken from a current label count against it). The labels are part of what a caller gets; the article's text alone does
/// not show them, since the article assembler's container rule can rescue a page from a model whose labels are poor.
/// </summary>
internal static class PromotionGate
{
    /// <summary>The share of a corpus's pages a candidate may lose whole beyond those it rescues, unless told otherwise.</summary>
    public const double DefaultLostTolerance = 0.01;

    /// <summary>The corpus name of the hand-labelled check.</summary>
    public const string HandLabelled = "hand-labelled paragraphs";

    /// <summary>The mode name of the hand-labelled check.</summary>
    public const string LabelsMode = "labels";

    /// <summary>The corpus name of the in-page checks (one per form).</summary>
    public const string InPage = "hand-labelled paragraphs in pages";

    // Scores of the same model on the same pages are bit-identical; this only absorbs summation-order noise.
    private const double Epsilon = 1e-9;

    /// <summary>Whether <paramref name="lostTolerance"/> is a share of pages the gate can judge with: 0 to 1.</summary>
    public static bool IsShare(double lostTolerance) => lostTolerance is >= 0 and <= 1;

    /// <summary>
    /// Judges the candidate (<see cref="SystemNames.Ours"/>) against the current model (<see cref="SystemNames.Current"/>),
    /// and their hand-labelled <paramref name="labels"/> reports when given; <paramref name="lostTolerance"/> is the share
    /// of a corpus's pages the candidate may lose whole beyond those it rescues, in one corpus and mode.
    /// </summary>
    public static GateVerdict Judge(
        IReadOnlyList<SystemResult> results,
        IReadOnlyList<EvaluationMode> modes,
        double tolerance,
        (ClassificationReport Candidate, ClassificationReport Current)? labels = null,
        IReadOnlyList<(string Form, ClassificationReport Candidate, ClassificationReport Current)>? inPage = null,
        double lostTolerance = DefaultLostTolerance)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (!IsShare(lostTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(lostTolerance), lostTolerance, "A share of pages, from 0 to 1.");
        }

        var checks = new List<GateCheck>();
        foreach (var corpus in results.Select(r => r.Corpus).Distinct(StringComparer.Ordinal))
        {
            foreach (var mode in modes)
            {
                var candidate = Find(results, corpus, SystemNames.Ours(mode));
                var current = Find(results, corpus, SystemNames.Current(mode));
                checks.Add(Check(corpus, SystemNames.ModeName(mode), candidate.Score.F1, current.Score.F1, tolerance)
                    with { Pages = PageChanges.Of(candidate.Pages, current.Pages, lostTolerance) });
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

        return new GateVerdict(tolerance, checks, lostTolerance);
    }

    private static GateCheck Check(string corpus, string mode, double candidate, double current, double tolerance) =>
        new(corpus, mode, candidate, current, candidate >= current - tolerance - Epsilon);

    private static SystemResult Find(IReadOnlyList<SystemResult> results, string corpus, string system) =>
        results.FirstOrDefault(r => r.Corpus == corpus && r.System == system)
        ?? throw new InvalidOperationException($"No result for {system} on {corpus}; the gate needs both models evaluated.");
}
