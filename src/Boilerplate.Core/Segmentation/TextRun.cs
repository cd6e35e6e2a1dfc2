using System.Text;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Accumulates the text of one block as it is walked: collapses whitespace (or keeps it, for code), counts the
/// characters that sit inside links, and stops growing at a cap so a monster text node costs bounded memory.
/// </summary>
internal sealed class TextRun
{
    private readonly StringBuilder _text = new();
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
        _pendingSpace = false;
        VisibleChars = 0;
        LinkChars = 0;
        LinkCount = inLink ? 1 : 0;
    }

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

    /// <summary>Share of the visible characters that sit inside links.</summary>
    public float LinkTextShare => VisibleChars == 0 ? 0f : (float)LinkChars / VisibleChars;

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\0';
}
