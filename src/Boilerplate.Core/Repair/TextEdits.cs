using System.Text;

namespace Boilerplate.Core.Repair;

/// <summary>
/// A text edited in passes, remembering which span of the original each character came from, so that a span fixed
/// twice (double mojibake, then a placeholder next to it) is still reported once against the text that came in.
/// </summary>
internal sealed class TextEdits
{
    private readonly string _original;
    private string _current;

    // For each char of _current: the original span [start, end) it derives from, and whether it was rewritten.
    private int[] _starts;
    private int[] _ends;
    private bool[] _changed;

    public TextEdits(string original)
    {
        _original = original;
        _current = original;
        _starts = new int[original.Length];
        _ends = new int[original.Length];
        _changed = new bool[original.Length];
        for (var i = 0; i < original.Length; i++)
        {
            _starts[i] = i;
            _ends[i] = i + 1;
        }
    }

    public string Current => _current;

    public bool HasChanges { get; private set; }

    /// <summary>Applies non-overlapping edits (start and length in <see cref="Current"/>, ascending) as one pass.</summary>
    public void Apply(IReadOnlyList<(int Start, int Length, string Replacement)> edits)
    {
        if (edits.Count == 0)
        {
            return;
        }

        var text = new StringBuilder(_current.Length);
        var starts = new List<int>(_current.Length);
        var ends = new List<int>(_current.Length);
        var changed = new List<bool>(_current.Length);
        var at = 0;
        foreach (var (start, length, replacement) in edits)
        {
            for (; at < start; at++)
            {
                text.Append(_current[at]);
                starts.Add(_starts[at]);
                ends.Add(_ends[at]);
                changed.Add(_changed[at]);
            }

            var spanStart = _starts[start];
            var spanEnd = _ends[start + length - 1];
            foreach (var c in replacement)
            {
                text.Append(c);
                starts.Add(spanStart);
                ends.Add(spanEnd);
                changed.Add(true);
            }

            at = start + length;
        }

        for (; at < _current.Length; at++)
        {
            text.Append(_current[at]);
            starts.Add(_starts[at]);
            ends.Add(_ends[at]);
            changed.Add(_changed[at]);
        }

        _current = text.ToString();
        _starts = [.. starts];
        _ends = [.. ends];
        _changed = [.. changed];
        HasChanges = true;
    }

    /// <summary>The repaired text and one repair per original span that was rewritten.</summary>
    public RepairedText Result()
    {
        if (!HasChanges)
        {
            return RepairedText.Unchanged(_original);
        }

        var repairs = new List<TextRepair>();
        var i = 0;
        while (i < _current.Length)
        {
            if (!_changed[i])
            {
                i++;
                continue;
            }

            // Chars rewritten from overlapping original spans belong to one repair.
            var first = i;
            var spanStart = _starts[i];
            var spanEnd = _ends[i];
            i++;
            while (i < _current.Length && _changed[i] && _starts[i] < spanEnd)
            {
                spanEnd = Math.Max(spanEnd, _ends[i]);
                i++;
            }

            var original = _original[spanStart..spanEnd];
            var replacement = _current[first..i];
            if (!string.Equals(original, replacement, StringComparison.Ordinal))
            {
                repairs.Add(new TextRepair(first, original, replacement));
            }
        }

        return new RepairedText(_current, repairs);
    }
}
