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

    /// <summary>Start and length of each token of <paramref name="text"/>, in order.</summary>
    public static IEnumerable<(int Start, int Length)> Ranges(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsWordChar(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }

        if (start >= 0)
        {
            yield return (start, text.Length - start);
        }
    }
}
