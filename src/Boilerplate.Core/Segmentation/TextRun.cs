using System.Text;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Accumulates the text of one block as it is walked: collapses whitespace (or keeps it, for code), counts the
/// characters that sit inside links, and stops growing at a cap so a monster text node costs bounded memory.
/// </summary>
internal sealed class TextRun
{
    /// <summary>Inline spans one block may record; a hostile block of 100,000 links keeps its text and the first of them.</summary>
    public const int MaxSpans = 2048;

    private readonly StringBuilder _text = new();
    private readonly List<InlineSpan> _spans = [];
    private readonly int _maxChars;
    private bool _pendingSpace;

    public TextRun(int maxChars)
    {
        _maxChars = maxChars;
    }

    /// <summary>Empties the run for the next block; a run that starts inside a link counts that link.</summary>
    public void Reset(bool inLink)
    {
        _text.Clear();
        _spans.Clear();
        Generation++;
        _pendingSpace = false;
        VisibleChars = 0;
        LinkChars = 0;
        LinkCount = inLink ? 1 : 0;
    }

    /// <summary>Bumped by every <see cref="Reset"/>: a span opened before it belongs to an earlier block and is not closed here.</summary>
    public int Generation { get; private set; }

    /// <summary>Non-whitespace characters appended.</summary>
    public int VisibleChars { get; private set; }

    /// <summary>Non-whitespace characters appended from inside links.</summary>
    public int LinkChars { get; private set; }

    /// <summary>Links opened in this run (a run that starts inside a link counts that link).</summary>
    public int LinkCount { get; set; }

    /// <summary>Whether anything but whitespace was appended.</summary>
    public bool HasText => VisibleChars > 0;

    /// <summary>Appends text, collapsing whitespace runs into one space.</summary>
    public void Append(ReadOnlySpan<char> text, bool inLink)
    {
        var i = 0;
        while (i < text.Length && _text.Length < _maxChars)
        {
            var spaceStart = i;
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }

            _pendingSpace |= i > spaceStart;
            var wordStart = i;
            while (i < text.Length && !IsSpace(text[i]))
            {
                i++;
            }

            if (i == wordStart)
            {
                continue;
            }

            if (_pendingSpace && _text.Length > 0)
            {
                _text.Append(' ');
            }

            _pendingSpace = false;
            var word = text[wordStart..i];
            var room = _maxChars - _text.Length;
            if (word.Length > room)
            {
                // Never leave half a surrogate pair at the cut.
                word = word[..(room > 0 && char.IsHighSurrogate(word[room - 1]) ? room - 1 : room)];
            }

            _text.Append(word);
            VisibleChars += word.Length;
            if (inLink)
            {
                LinkChars += word.Length;
            }
        }
    }

    /// <summary>Appends text as is, except that line endings become '\n' (code blocks).</summary>
    public void AppendPreserved(ReadOnlySpan<char> text, bool inLink)
    {
        foreach (var c in text)
        {
            if (_text.Length >= _maxChars)
            {
                return;
            }

            if (c is '\r' or '\0')
            {
                continue;
            }

            _text.Append(c);
            if (!char.IsWhiteSpace(c))
            {
                VisibleChars++;
                if (inLink)
                {
                    LinkChars++;
                }
            }
        }
    }

    /// <summary>Separates what follows from what came before (an element boundary or &lt;br&gt;).</summary>
    public void Separate(bool preserveLines)
    {
        if (preserveLines)
        {
            if (_text.Length < _maxChars)
            {
                _text.Append('\n');
            }
        }
        else
        {
            _pendingSpace = true;
        }
    }

    /// <summary>The text so far, trimmed (blank leading/trailing lines removed for code).</summary>
    public string Build(bool preserveLines)
    {
        if (!preserveLines)
        {
            return _text.ToString();
        }

        var text = _text.ToString().TrimEnd();
        var firstContent = 0;
        for (var i = 0; i < text.Length && char.IsWhiteSpace(text[i]); i++)
        {
            if (text[i] == '\n')
            {
                firstContent = i + 1;
            }
        }

        return text[firstContent..];
    }

    /// <summary>
    /// Opens a span where the next word will start (after the pending space); returns its index for
    /// <see cref="CloseSpan"/>, or -1 once <see cref="MaxSpans"/> are recorded.
    /// </summary>
    public int OpenSpan(InlineKind kind, ReadOnlyMemory<char> target)
    {
        if (_spans.Count >= MaxSpans)
        {
            return -1;
        }

        var start = _text.Length + (_pendingSpace && _text.Length > 0 ? 1 : 0);
        _spans.Add(new InlineSpan(kind, start, -1, target));
        return _spans.Count - 1;
    }

    /// <summary>Closes span <paramref name="index"/> at the text's end, unless the run was reset since it opened.</summary>
    public void CloseSpan(int generation, int index)
    {
        if (generation == Generation && index >= 0 && index < _spans.Count && _spans[index].End < 0)
        {
            if (index == _spans.Count - 1 && _spans[index].Start >= _text.Length)
            {
                // An empty element (an icon's <i></i>, markup soup) leaves nothing to render: its place goes back to the cap.
                _spans.RemoveAt(index);
                return;
            }

            _spans[index] = _spans[index] with { End = _text.Length };
        }
    }

    /// <summary>Records an image at the current end of the text.</summary>
    public void AddImage(ReadOnlyMemory<char> source, ReadOnlyMemory<char> alt)
    {
        if (_spans.Count < MaxSpans)
        {
            _spans.Add(new InlineSpan(InlineKind.Image, _text.Length, _text.Length, source, alt));
        }
    }

    /// <summary>Moves the images recorded so far to <paramref name="into"/> as figures, up to <paramref name="max"/> there.</summary>
    public void MoveImagesTo(List<InlineSpan> into, int max)
    {
        foreach (var span in _spans)
        {
            if (span.Kind == InlineKind.Image && into.Count < max)
            {
                into.Add(span with { Kind = InlineKind.Figure, Start = 0, End = 0 });
            }
        }
    }

    /// <summary>
    /// The spans over a text of <paramref name="length"/> characters (as <see cref="Build"/> returned it), after
    /// <paramref name="figures"/>: open spans end at the text's end, spans cut away by the length cap or holding
    /// no text are dropped. Null when there are none, so a block of plain text costs nothing.
    /// </summary>
    public InlineSpan[]? BuildSpans(int length, List<InlineSpan>? figures)
    {
        var count = figures?.Count ?? 0;
        foreach (var span in _spans)
        {
            count += Keeps(span, length) ? 1 : 0;
        }

        if (count == 0)
        {
            return null;
        }

        var spans = new InlineSpan[count];
        var next = 0;
        if (figures is not null)
        {
            foreach (var figure in figures)
            {
                spans[next++] = figure;
            }
        }

        foreach (var span in _spans)
        {
            if (Keeps(span, length))
            {
                spans[next++] = span with { Start = Math.Min(span.Start, length), End = span.End < 0 ? length : Math.Min(span.End, length) };
            }
        }

        return spans;
    }

    private static bool Keeps(InlineSpan span, int length) => span.Kind == InlineKind.Image
        ? span.Start <= length
        : span.Start < Math.Min(length, span.End < 0 ? length : span.End);

    /// <summary>Share of the visible characters that sit inside links.</summary>
    public float LinkTextShare => VisibleChars == 0 ? 0f : (float)LinkChars / VisibleChars;

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\0';
}
