using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Evaluate;

/// <summary>What <c>boilerplate evaluate</c> was asked to do, checked before any page is read.</summary>
/// <param name="Dataset">The datasets root (every corpus in it) or one corpus folder.</param>
/// <param name="Split">Which pages of each corpus.</param>
/// <param name="ModelPath">The model to evaluate; null for the default model.</param>
/// <param name="AgainstPath">The serving model to compare with; enables the promotion gate.</param>
/// <param name="Tolerance">How much F1 the new model may lose on any corpus and mode before the gate fails.</param>
/// <param name="Modes">Input forms our pipeline is evaluated in.</param>
/// <param name="Peers">Peer systems to compare with ("readability", "smartreader").</param>
/// <param name="MaxPages">At most this many pages of each corpus.</param>
/// <param name="JsonPath">Where to write the figures as JSON.</param>
/// <param name="Bias">The keep bias our pipeline cleans with (-1 precision .. +1 recall), as a caller would send it.</param>
/// <param name="InPageMissesPath">Where to write the in-page placements the evaluated model labels wrong, as TSV.</param>
/// <param name="ParagraphSetPath">Labelled paragraphs scored alone and inside pages instead of the built-in hand-labelled set.</param>
/// <param name="LostTolerance">The share of a corpus's pages the new model may lose whole beyond those it rescues, in any corpus and mode, before the gate fails.</param>
internal sealed record EvaluateSettings(
    string Dataset,
    EvaluationSplit Split,
    string? ModelPath,
    string? AgainstPath,
    double Tolerance,
    IReadOnlyList<EvaluationMode> Modes,
    IReadOnlyList<string> Peers,
    int? MaxPages,
    string? JsonPath,
    float Bias = 0f,
    string? InPageMissesPath = null,
    string? ParagraphSetPath = null,
    double LostTolerance = PromotionGate.DefaultLostTolerance)
{
    /// <summary>Peer name for Mozilla Readability run by node.</summary>
    public const string Readability = "readability";

    /// <summary>Peer name for SmartReader.</summary>
    public const string SmartReader = "smartreader";

    /// <summary>The peers <c>--peers</c> accepts.</summary>
    public static IReadOnlyList<string> KnownPeers { get; } = [Readability, SmartReader];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public EvaluateSettings Validate()
    {
        if (!Directory.Exists(Dataset))
        {
            throw new ArgumentException($"--dataset: folder '{Dataset}' not found.");
        }

        foreach (var (option, path) in new[] { ("--model", ModelPath), ("--against", AgainstPath) })
        {
            if (path is not null && !File.Exists(path))
            {
                throw new ArgumentException($"{option}: model file '{path}' not found.");
            }
        }

        if (ParagraphSetPath is not null && !File.Exists(ParagraphSetPath))
        {
            throw new ArgumentException($"--paragraph-set: file '{ParagraphSetPath}' not found.");
        }

        if (Tolerance is < 0 or > 1 || double.IsNaN(Tolerance))
        {
            throw new ArgumentException("--tolerance must be between 0 and 1 (an F1 difference).");
        }

        if (!PromotionGate.IsShare(LostTolerance))
        {
            throw new ArgumentException("--lost-tolerance must be between 0 and 1 (a share of a corpus's pages).");
        }

        if (!(Bias >= -1f && Bias <= 1f))
        {
            throw new ArgumentException("--bias must be between -1 (precision) and +1 (recall).");
        }

        if (Modes.Count == 0)
        {
            throw new ArgumentException("--mode must name html, text or both.");
        }

        if (Peers.FirstOrDefault(p => !KnownPeers.Contains(p)) is { } unknown)
        {
            throw new ArgumentException($"--peers: unknown peer '{unknown}'; known: {string.Join(", ", KnownPeers)}, or none.");
        }

        if (MaxPages is < 1)
        {
            throw new ArgumentException("--max-pages must be at least 1.");
        }

        return this;
    }
}
