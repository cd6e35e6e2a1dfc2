using Boilerplate.Core.Repair;

namespace Boilerplate.Core.Segmentation;

/// <summary>One block of a page (the API calls it a paragraph): the unit the model scores and the article assembler keeps or drops.</summary>
/// <param name="Text">The block's text, whitespace collapsed (line breaks kept for <see cref="BlockKind.Code"/>).</param>
/// <param name="Kind">Structural kind.</param>
public sealed record Block(string Text, BlockKind Kind)
{
    /// <summary>Heading level 1-6 for headings; nesting depth (1 = top) for list items; else 0.</summary>
    public int Level { get; init; }

    /// <summary>For list items: whether the list is ordered.</summary>
    public bool Ordered { get; init; }

    /// <summary>For table rows: the cell texts.</summary>
    public IReadOnlyList<string>? Cells { get; init; }

    /// <summary>For table rows: whether the row holds header cells.</summary>
    public bool HeaderRow { get; init; }

    /// <summary>For code blocks: the language named by the markup (class="language-x"), if any.</summary>
    public string? CodeLanguage { get; init; }

    /// <summary>
    /// Links, emphasis, inline code and images over <see cref="Text"/>, in opening order (outer before inner); null
    /// when there are none or the page came as text. Rendering reads them; the model never does.
    /// </summary>
    public IReadOnlyList<InlineSpan>? Inlines { get; init; }

    /// <summary>For table rows: each cell's inline spans over its text in <see cref="Cells"/> (null entries for plain cells); null when no cell has any.</summary>
    public IReadOnlyList<IReadOnlyList<InlineSpan>?>? CellInlines { get; init; }

    /// <summary>DOM facts; null when the page came as text or paragraphs.</summary>
    public BlockDom? Dom { get; init; }

    /// <summary>The damaged spans repaired in <see cref="Text"/> (see <see cref="PageRepairer"/>); empty when none.</summary>
    public IReadOnlyList<TextRepair> Repairs { get; init; } = [];
}
