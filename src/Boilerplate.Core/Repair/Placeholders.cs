namespace Boilerplate.Core.Repair;

/// <summary>
/// Placeholder damage: each byte (or character) of a non-ASCII character replaced by <c>_</c>, <c>?</c> or U+FFFD
/// (<c>Mexico_s</c>, <c>Calder__n</c>, <c>WASHINGTON _ Stepping</c>). Finds the runs that may be damage and tells
/// them from legitimate underscores and question marks by where they stand.
/// </summary>
internal static class Placeholders
{
    /// <summary>The placeholder characters, in the order they are repaired.</summary>
    public static ReadOnlySpan<char> Marks => ['\uFFFD', '_', '?'];

    /// <summary>Longest run repaired: four 3-byte characters. Longer runs (rules, blanks) are left alone.</summary>
    public const int MaxRun = 12;

    /// <summary>Characters (or runs, when pairing quotes) looked at around a run: bounds the work per run.</summary>
    public const int MaxScan = 64;

    /// <summary>Where a run stands relative to the word around it.</summary>
    public enum Position
    {
        /// <summary>Letters or digits on both sides: <c>Mexico_s</c>, <c>Calder__n</c>.</summary>
        Inside,

        /// <summary>Opens a word: <c>_It</c>.</summary>
        Start,

        /// <summary>Closes a word or follows punctuation: <c>countries_ </c>, <c>,_ said</c>.</summary>
        End,

        /// <summary>Between spaces: <c> _ </c>.</summary>
        Alone,
    }

    /// <summary>A run of one placeholder character.</summary>
    /// <param name="Start">Index of its first character.</param>
    /// <param name="Length">Placeholders in it.</param>
    /// <param name="Where">Its position.</param>
    /// <param name="Repairable">Whether it may be damage: protected tokens and legitimate-looking uses are not.</param>
    /// <param name="Signal">Whether it is evidence that the page is damaged (a contraction, or a run inside a word of letters).</param>
    /// <param name="Identifier">Whether it looks like a legitimate underscore (<c>snake_case</c>, <c>__init__</c>, <c>_id</c>): evidence against.</param>
    /// <param name="Strong">Whether it is evidence no legitimate text gives: three marks inside a word of letters (<c>Meta___s</c>).</param>
    public readonly record struct Run(int Start, int Length, Position Where, bool Repairable, bool Signal, bool Identifier, bool Strong);

    /// <summary>The runs of <paramref name="mark"/> in <paramref name="text"/>.</summary>
    public static List<Run> Find(string text, char mark)
    {
        var runs = new List<Run>();
        var searchFrom = 0;
        while (searchFrom < text.Length)
        {
            var start = text.IndexOf(mark, searchFrom);
            if (start < 0)
            {
                break;
            }

            var end = start;
            while (end < text.Length && text[end] == mark)
            {
                end++;
            }

            runs.Add(Classify(text, start, end, mark));
            searchFrom = end;
        }

        return mark == '_' ? PairQuotes(text, runs) : runs;
    }

    /// <summary>The word a run stands in, marks included (<c>Calder__n</c>).</summary>
    public static string WordAt(string text, Run run, char mark) =>
        string.Concat(WordBefore(text, run.Start, mark), text.AsSpan(run.Start, run.Length), WordAfter(text, run.Start + run.Length, mark));

    private static Run Classify(string text, int start, int end, char mark)
    {
        var length = end - start;
        var before = start > 0 ? text[start - 1] : ' ';
        var after = end < text.Length ? text[end] : ' ';
        var where = (IsWord(before), IsWord(after)) switch
        {
            (true, true) => Position.Inside,
            (false, true) => Position.Start,
            _ when char.IsWhiteSpace(before) && char.IsWhiteSpace(after) => Position.Alone,
            _ => Position.End,
        };
        if (length > MaxRun || IsProtected(text, start, end, mark))
        {
            // URLs and addresses are neither evidence for nor against; a dunder name is one identifier.
            return new Run(start, length, where, false, false, mark == '_' && where == Position.Start && IsDunder(text, start, end), false);
        }

        var prefix = WordBefore(text, start, mark);
        var suffix = WordAfter(text, end, mark);
        var lettersOnly = IsLetters(prefix, mark) && IsLetters(suffix, mark);
        var contraction = length == 1 && where == Position.Inside && IsLetters(prefix, mark) && IsContraction(prefix, suffix);
        // Three marks against a word stand for one 3-byte character (’ “ ” —); two could be Markdown's __bold__, and
        // three alone a blank to fill in.
        var signal = where switch
        {
            Position.Inside => contraction || (length is >= 2 and <= 4 && lettersOnly),
            Position.Alone => length == 3 && BetweenWords(text, start, end),
            Position.Start => length == 3,
            _ => length == 3 && !char.IsWhiteSpace(before),
        };
        var strong = where == Position.Inside && length == 3 && lettersOnly;
        if (mark == '\uFFFD')
        {
            // Never text, but a page about Unicode may show one on its own ('�'): only one against a word is damage.
            var attached = char.IsLetterOrDigit(before) || char.IsLetterOrDigit(after);
            return new Run(start, length, where, attached, attached, false, attached);
        }

        if (mark == '?')
        {
            // A question mark ends sentences: only one between letters is damage.
            var inside = signal && where == Position.Inside;
            return new Run(start, length, where, inside, inside, false, false);
        }

        var repairable = where switch
        {
            Position.Inside => length > 1 || contraction,
            Position.Start => length > 1 || char.IsWhiteSpace(before) || start == 0 || before is '(' or '[' or '"' or '\'',
            Position.End => length > 1 || char.IsLetterOrDigit(before) || before is '.' or ',' or '!' or '?' or ';' or ':' or ')',
            _ => length <= 3,
        };
        var identifier = where == Position.Inside && length == 1 && !contraction;
        return new Run(start, length, where, repairable, signal, identifier, strong);
    }

    /// <summary>A single <c>_</c> opening a word is a quote only when one closes it later in the paragraph; else it is <c>_id</c>.</summary>
    private static List<Run> PairQuotes(string text, List<Run> runs)
    {
        for (var k = 0; k < runs.Count; k++)
        {
            var run = runs[k];
            if (run is not { Where: Position.Start, Length: 1, Repairable: true })
            {
                continue;
            }

            var closed = false;
            for (var m = k + 1; m < runs.Count && m - k <= MaxScan && !closed; m++)
            {
                closed = runs[m] is { Where: Position.End, Length: 1, Repairable: true, Start: > 0 } && !char.IsWhiteSpace(text[runs[m].Start - 1]);
            }

            if (!closed)
            {
                runs[k] = run with { Repairable = false, Identifier = true };
            }
        }

        return runs;
    }

    /// <summary>URLs, e-mail addresses, paths, code spans and dunder names keep their marks.</summary>
    private static bool IsProtected(string text, int start, int end, char mark)
    {
        var token = Token(text, start, end);
        return token.Contains("://", StringComparison.Ordinal) || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || token.IndexOfAny("/\\=<>{}[]#|~^*`@") >= 0 || (mark == '_' && IsDunder(text, start, end));
    }

    /// <summary><c>__init__</c>: exactly two marks on each side; <c>___word___</c> is a pair of 3-byte quotes.</summary>
    private static bool IsDunder(string text, int start, int end)
    {
        var trimmed = Token(text, start, end).TrimEnd(".,;:!?)\"'");
        return trimmed.Length > 4 && trimmed[2] != '_' && trimmed[^3] != '_'
            && trimmed.StartsWith("__", StringComparison.Ordinal) && trimmed.EndsWith("__", StringComparison.Ordinal);
    }

    /// <summary>The whitespace-delimited token around a run, at most <see cref="MaxScan"/> characters each way (a page of one huge token must stay linear).</summary>
    private static ReadOnlySpan<char> Token(string text, int start, int end)
    {
        var tokenStart = start;
        while (tokenStart > 0 && start - tokenStart < MaxScan && !char.IsWhiteSpace(text[tokenStart - 1]))
        {
            tokenStart--;
        }

        var tokenEnd = end;
        while (tokenEnd < text.Length && tokenEnd - end < MaxScan && !char.IsWhiteSpace(text[tokenEnd]))
        {
            tokenEnd++;
        }

        return text.AsSpan(tokenStart, tokenEnd - tokenStart);
    }

    /// <summary>A dash between words (<c>war ___ the</c>), not a blank to fill in at the end of a line or before punctuation.</summary>
    private static bool BetweenWords(string text, int start, int end)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        var after = text.AsSpan(end).TrimStart();
        return before.Length > 0 && after.Length > 0 && char.IsLetterOrDigit(before[^1]) && char.IsLetterOrDigit(after[0]);
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c);

    /// <summary>The letters, digits and marks just before <paramref name="start"/> (at most <see cref="MaxScan"/>): the start of the word a run stands in.</summary>
    internal static ReadOnlySpan<char> WordBefore(string text, int start, char mark)
    {
        var from = start;
        while (from > 0 && start - from < MaxScan && (char.IsLetterOrDigit(text[from - 1]) || text[from - 1] == mark))
        {
            from--;
        }

        return text.AsSpan(from, start - from);
    }

    private static ReadOnlySpan<char> WordAfter(string text, int end, char mark)
    {
        var to = end;
        while (to < text.Length && to - end < MaxScan && (char.IsLetterOrDigit(text[to]) || text[to] == mark))
        {
            to++;
        }

        return text.AsSpan(end, to - end);
    }

    private static bool IsLetters(ReadOnlySpan<char> word, char mark)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
            else if (c != mark)
            {
                return false;
            }
        }

        return letters > 0;
    }

    /// <summary>English contractions and possessives: <c>Mexico_s</c>, <c>they_re</c>, <c>wasn_t</c> (never <c>size_t</c>).</summary>
    private static bool IsContraction(ReadOnlySpan<char> prefix, ReadOnlySpan<char> suffix) =>
        suffix switch
        {
            "s" or "S" or "re" or "ll" or "ve" or "d" or "m" or "RE" or "LL" or "VE" or "D" or "M" => true,
            "t" or "T" => prefix.Length > 0 && prefix[^1] is 'n' or 'N',
            _ => false,
        };
}
