namespace Boilerplate.Core.Repair;

/// <summary>One repaired span of a paragraph.</summary>
/// <param name="Offset">Where <paramref name="Replacement"/> starts in the repaired text, in UTF-16 code units.</param>
/// <param name="Original">The damaged text as it came in (e.g. <c>"__"</c> or <c>"Ã³"</c>).</param>
/// <param name="Replacement">What it was repaired to (e.g. <c>"ó"</c>).</param>
public sealed record TextRepair(int Offset, string Original, string Replacement);

/// <summary>A text after repair, with what changed.</summary>
/// <param name="Text">The repaired text (the input itself when nothing changed).</param>
/// <param name="Repairs">The repaired spans in text order; empty when nothing changed.</param>
public sealed record RepairedText(string Text, IReadOnlyList<TextRepair> Repairs)
{
    /// <summary>Wraps an unchanged text.</summary>
    public static RepairedText Unchanged(string text) => new(text, []);
}
