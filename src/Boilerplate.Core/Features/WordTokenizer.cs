using System.Globalization;

namespace Boilerplate.Core.Features;

/// <summary>
/// Splits text into lower-cased <c>\w+</c> tokens (letters, combining marks, decimal digits, connector punctuation),
/// the tokenisation the datasets' scoring prescribes. Features, labels and metrics all use this one definition so
/// that what the model learns, how blocks are labelled and how output is scored agree on what a word is.
/// </summary>
public static class WordTokenizer
{
    /// <summary>Whether <paramref name="c"/> is a word character in the sense of the regular expression <c>\w</c>.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
            // Surrogate halves: characters outside the BMP (rare CJK, historic scripts) count as letters.
            UnicodeCategory.Surrogate => true,
            _ => false,
        };
    }

    /// <summary>The lower-cased tokens of <paramref name="text"/> in order.</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (var range in Ranges(text))
        {
            tokens.Add(text.AsSpan(range.Start, range.Length).ToString().ToLowerInvariant());
        }

        return tokens;
    }

    /// <summary>Number of tokens in <paramref name="text"/>, without allocating them.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var word = IsWordChar(c);
            if (word && !inWord)
            {
                count++;
            }

            inWord = word;
        }

        return count;
    }

    /// <summary>Start and length of each token of <paramref name="text"/>, in order, enumerated without allocating.</summary>
    public static WordRanges Ranges(ReadOnlySpan<char> text) => new(text);

    /// <summary>The tokens of a text as start and length, for <c>foreach</c>: its own enumerator.</summary>
    public ref struct WordRanges
    {
        private readonly ReadOnlySpan<char> _text;
        private int _next;

        /// <summary>Enumerates the tokens of <paramref name="text"/>.</summary>
        public WordRanges(ReadOnlySpan<char> text)
        {
            _text = text;
            _next = 0;
            Current = default;
        }

        /// <summary>The token the last <see cref="MoveNext"/> found.</summary>
        public (int Start, int Length) Current { get; private set; }

        /// <summary>This enumeration, so that <c>foreach</c> can walk it.</summary>
        public readonly WordRanges GetEnumerator() => this;

        /// <summary>Finds the next token; false after the last.</summary>
        public bool MoveNext()
        {
            var i = _next;
            while (i < _text.Length && !IsWordChar(_text[i]))
            {
                i++;
            }

            var start = i;
            while (i < _text.Length && IsWordChar(_text[i]))
            {
                i++;
            }

            _next = i;
            Current = (start, i - start);
            return i > start;
        }
    }
}
