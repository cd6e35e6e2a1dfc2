namespace Boilerplate.Core.Repair;

/// <summary>What a page's repair will fix, decided once from the whole page.</summary>
/// <param name="Mojibake">Undo UTF-8 read as Windows-1252/Latin-1.</param>
/// <param name="Marks">The placeholder characters to fill (<c>_</c>, <c>?</c>, U+FFFD); empty for none.</param>
public sealed record RepairPlan(bool Mojibake, string Marks)
{
    /// <summary>
    /// Whether a lone <c>_</c> may be damage. A page damaged byte by byte has none (every non-ASCII character is at
    /// least two bytes), so there a lone one is Markdown's <c>_emphasis_</c> or an identifier, not a quote.
    /// </summary>
    public bool LoneUnderscores { get; init; } = true;

    /// <summary>Repairs nothing.</summary>
    public static RepairPlan None { get; } = new(false, string.Empty);

    /// <summary>Whether the plan repairs anything.</summary>
    public bool IsEmpty => !Mojibake && Marks.Length == 0;
}
