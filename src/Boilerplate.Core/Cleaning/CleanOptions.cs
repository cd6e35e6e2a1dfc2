using Boilerplate.Core.Model;
using Boilerplate.Core.Repair;

namespace Boilerplate.Core.Cleaning;

/// <summary>How to decide what to keep.</summary>
public sealed record CleanOptions
{
    /// <summary>The defaults: keep "body" when it is the most probable label.</summary>
    public static CleanOptions Default { get; } = new();

    /// <summary>-1 (precision) .. +1 (recall); shifts the keep decision. Ignored when <see cref="Threshold"/> is set.</summary>
    public float Bias { get; init; }

    /// <summary>When set (0..1]: keep when the summed probability of kept labels reaches it.</summary>
    public float? Threshold { get; init; }

    /// <summary>Labels whose blocks are kept.</summary>
    public IReadOnlyList<string> KeepLabels { get; init; } = [Labels.Body];

    /// <summary>Render Markdown as well as text.</summary>
    public bool IncludeMarkdown { get; init; }

    /// <summary>Render the kept article as clean, safe HTML (<see cref="HtmlRenderer"/>) as well as text.</summary>
    public bool IncludeHtml { get; init; }

    /// <summary>Keep near-duplicates of earlier blocks instead of dropping them.</summary>
    public bool KeepDuplicates { get; init; }

    /// <summary>Whether to repair damaged text (mojibake, placeholder bytes) before scoring; AUTO only touches a damaged page.</summary>
    public RepairMode RepairText { get; init; } = RepairMode.Auto;
}
