using System.Text.Json;
using System.Text.Json.Serialization;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Evaluate;

/// <summary>A peer that could not run, and why (shown instead of its rows).</summary>
/// <param name="Name">The peer.</param>
/// <param name="Reason">What is missing and how to get it.</param>
internal sealed record SkippedPeer(string Name, string Reason);

/// <summary>How one model labels the held-out hand-labelled paragraphs (body / navigation / legal).</summary>
/// <param name="System">Which model: <see cref="SystemNames.Ours"/> or <see cref="SystemNames.Current"/> without the mode.</param>
/// <param name="Report">Per-label scores, macro-F1 and confusion matrix.</param>
internal sealed record LabelResult(string System, ClassificationReport Report);

/// <summary>Everything one evaluation found: printed as the table and written as JSON for pipelines.</summary>
/// <param name="Dataset">The dataset folder evaluated.</param>
/// <param name="Split">The split evaluated.</param>
/// <param name="ModelVersion">Version of the evaluated model.</param>
/// <param name="AgainstVersion">Version of the serving model it was compared with, if any.</param>
/// <param name="Results">One row per corpus and system.</param>
/// <param name="SkippedPeers">Peers that could not run.</param>
/// <param name="Labels">Label quality on the hand-labelled paragraphs, one entry per model.</param>
/// <param name="Gate">The promotion gate's verdict, when <c>--against</c> was given.</param>
internal sealed record EvaluationSummary(
    string Dataset,
    EvaluationSplit Split,
    string ModelVersion,
    string? AgainstVersion,
    IReadOnlyList<SystemResult> Results,
    IReadOnlyList<SkippedPeer> SkippedPeers,
    IReadOnlyList<LabelResult> Labels,
    GateVerdict? Gate)
{
    /// <summary>The hand-labelled paragraphs placed inside held-out pages, one entry per form.</summary>
    public IReadOnlyList<InPageResult> InPage { get; init; } = [];

    /// <summary>The same, alone and in pages, over only the lines no seed sample nearly repeats; null without in-page figures.</summary>
    public UnseenLines? Unseen { get; init; }

    /// <summary>How every JSON file the CLI writes is shaped (web names, indented, enums as camel-case strings).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes the summary as JSON to <paramref name="path"/>.</summary>
    public async Task WriteJsonAsync(string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The hand-labelled lines that no seed sample nearly repeats (<c>NearCopies</c>), scored alone and in pages.</summary>
/// <param name="Count">Lines kept.</param>
/// <param name="Total">Lines in the hand-labelled set.</param>
/// <param name="Alone">Each line labelled on its own.</param>
/// <param name="InPage">Each line placed inside held-out pages, one entry per form.</param>
internal sealed record UnseenLines(int Count, int Total, ClassificationReport Alone, IReadOnlyList<InPageResult> InPage);
