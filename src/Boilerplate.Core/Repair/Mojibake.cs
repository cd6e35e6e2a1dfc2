using System.Text;

namespace Boilerplate.Core.Repair;

/// <summary>
/// Mojibake: UTF-8 bytes read as Windows-1252 or Latin-1 (<c>CalderÃ³n</c>, <c>itâ€™s</c>), once or twice over. Like
/// ftfy, a span is re-encoded to the bytes it was read from and decoded as UTF-8, and only where the result is
/// unambiguous: the bytes form a complete UTF-8 sequence, and a lead that is also an ordinary capital letter
/// (<c>É»</c> in «CAFÉ») needs a letter or another fix beside it.
/// </summary>
internal static class Mojibake
{
    /// <summary>Passes over a text; each undoes one layer of double encoding.</summary>
    public const int MaxPasses = 3;

    private const string Windows1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    /// <summary>
    /// Whether the text carries a signature no undamaged text has: a fix led by <c>Â</c>, <c>Ã</c> or <c>â</c> (the
    /// leads of U+0080-U+00FF and of U+2000-U+2FFF: Latin-1 letters, quotes, dashes, arrows) or a four-byte one (emoji).
    /// </summary>
    public static bool HasSignature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("ÂÃâð") < 0)
        {
            return false;
        }

        foreach (var (start, length, _) in FindFixes(text))
        {
            // A lead is never a continuation byte, so it stands first in a fix, or after the character a run of
            // lost no-break spaces keeps.
            if (text.AsSpan(start, length).IndexOfAny("ÂÃâð") >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The fixes of one pass over <paramref name="text"/>, in text order.</summary>
    public static List<(int Start, int Length, string Replacement)> FindFixes(string text)
    {
        var candidates = new List<(int Start, int Length, string Replacement, byte Lead)>();
        for (var i = 0; i < text.Length; i++)
        {
            var length = Match(text, i);
            if (length == 0 && LostNoBreakSpaces(text, i) is > 0 and var run
                && (candidates.Count == 0 || candidates[^1].Start + candidates[^1].Length < i))
            {
                // The fix takes the character before the run with it, so that it rewrites something and is reported.
                candidates.Add((i - 1, run + 1, text[i - 1].ToString(), 0xC2));
                i += run - 1;
            }
            else if (length > 0)
            {
                var decoded = Decode(text, i, length);
                if (decoded is not null)
                {
                    candidates.Add((i, length, decoded, (byte)ByteOf(text[i])));
                    i += length - 1;
                }
            }
        }

        var fixes = new List<(int, int, string)>(candidates.Count);
        for (var k = 0; k < candidates.Count; k++)
        {
            var (start, length, replacement, lead) = candidates[k];
            var joined = (k > 0 && candidates[k - 1].Start + candidates[k - 1].Length == start)
                || (k + 1 < candidates.Count && start + length == candidates[k + 1].Start);
            if (Unambiguous(text, start, length, lead, joined))
            {
                fixes.Add((start, length, replacement));
            }
        }

        return fixes;
    }

    /// <summary>The byte a Windows-1252 or Latin-1 reader turned into <paramref name="c"/>, or -1.</summary>
    public static int ByteOf(char c)
    {
        if (c is >= '\u0080' and <= '\u00FF')
        {
            return c;
        }

        var index = Windows1252High.IndexOf(c, StringComparison.Ordinal);
        return index >= 0 ? 0x80 + index : -1;
    }

    /// <summary>Length of the UTF-8 sequence that starts at <paramref name="i"/> when read back as bytes, or 0.</summary>
    private static int Match(string text, int i)
    {
        var lead = ByteOf(text[i]);
        var length = lead switch
        {
            >= 0xC2 and <= 0xDF => 2,
            >= 0xE0 and <= 0xEF => 3,
            0xF0 => 4,
            _ => 0,
        };
        if (length == 0 || i + length > text.Length)
        {
            return 0;
        }

        for (var k = 1; k < length; k++)
        {
            if (ByteOf(text[i + k]) is < 0x80 or > 0xBF)
            {
                return 0;
            }
        }

        return length;
    }

    /// <summary>
    /// Length of a run of <c>Â</c> left by no-break spaces read as Windows-1252 (<c>C2 A0</c> is <c>Â</c> + no-break
    /// space) once the space was normalised to an ordinary one, so nothing follows the <c>Â</c> to decode: "visitÂ",
    /// "1.Â Â Â Myth". Only a run glued to the word before it, which no language ends in a capital <c>Â</c>; its spaces
    /// between the marks go with it. 0 when none starts at <paramref name="i"/>.
    /// </summary>
    private static int LostNoBreakSpaces(string text, int i)
    {
        if (text[i] != 'Â' || i == 0 || char.IsWhiteSpace(text[i - 1]) || char.IsUpper(text[i - 1]) || char.IsSurrogate(text[i - 1]) || text[i - 1] == 'Â')
        {
            return 0;
        }

        var end = i + 1;
        while (true)
        {
            if (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                return 0;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < text.Length && text[next] == 'Â' && (next + 1 == text.Length || char.IsWhiteSpace(text[next + 1])))
            {
                end = next + 1;
                continue;
            }

            return end - i;
        }
    }

    private static string? Decode(string text, int start, int length)
    {
        Span<byte> bytes = stackalloc byte[4];
        for (var k = 0; k < length; k++)
        {
            bytes[k] = (byte)ByteOf(text[start + k]);
        }

        Span<char> chars = stackalloc char[2];
        if (System.Text.Unicode.Utf8.ToUtf16(bytes[..length], chars, out _, out var written, replaceInvalidSequences: false)
            != System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        var decoded = new string(chars[..written]);
        var rune = Rune.GetRuneAt(decoded, 0);

        // A C1 control is kept only as the middle layer of double mojibake (Â€ -> U+0080), which the next pass reads.
        return (Rune.IsControl(rune) && rune.Value is < 0x80 or > 0x9F) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.OtherNotAssigned
            or System.Globalization.UnicodeCategory.PrivateUse ? null : decoded;
    }

    /// <summary>
    /// <c>Â</c>, <c>Ã</c> and <c>â</c> before continuation bytes are never text. Other two-byte leads are capitals
    /// (<c>É</c>, <c>Ü</c>) that legitimately stand before a quote or dash, and three-byte leads are lower-case
    /// letters (<c>é</c>) that do: those need a fix beside them or, for two bytes, a letter after (mid-word).
    /// </summary>
    private static bool Unambiguous(string text, int start, int length, byte lead, bool joined)
    {
        if (lead is 0xC2 or 0xC3 or 0xE2 or 0xF0 || joined)
        {
            return true;
        }

        if (length != 2 || lead == 0xDF)
        {
            return false;
        }

        var end = start + length;
        var after = end < text.Length && char.IsLetter(text[end]);
        var lowerBefore = start > 0 && char.IsLower(text[start - 1]);
        return after || lowerBefore;
    }
}
