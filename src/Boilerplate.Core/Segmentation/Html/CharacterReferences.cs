using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Net;
using System.Text;

namespace Boilerplate.Core.Segmentation.Html;

/// <summary>
/// Decodes character references (&amp;amp;, &amp;#8217;, &amp;#x2019;) the way browsers do: numeric ones with or
/// without the semicolon, C1 controls read as Windows-1252, named ones by the entity table of
/// <see cref="WebUtility.HtmlDecode(string)"/>, and the legacy Latin-1 names also without their semicolon. A reference
/// that names nothing stays text.
/// </summary>
internal static class CharacterReferences
{
    private const int MaxNameChars = 32;

    // Windows-1252 meanings of 0x80-0x9F, as the HTML standard maps numeric references to C1 controls.
    private static readonly char[] Windows1252 =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160',
        '\u2039', '\u0152', '\u008D', '\u017D', '\u008F', '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022',
        '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    // Names the HTML standard added after HTML 4 that pages use; WebUtility knows only the HTML 4 table.
    private static readonly FrozenDictionary<string, string> Html5Names = new Dictionary<string, string>
    {
        ["excl"] = "!", ["num"] = "#", ["dollar"] = "$", ["percnt"] = "%", ["lpar"] = "(", ["rpar"] = ")",
        ["ast"] = "*", ["midast"] = "*", ["plus"] = "+", ["comma"] = ",", ["period"] = ".", ["sol"] = "/",
        ["colon"] = ":", ["semi"] = ";", ["equals"] = "=", ["quest"] = "?", ["commat"] = "@", ["lsqb"] = "[",
        ["lbrack"] = "[", ["bsol"] = "\\", ["rsqb"] = "]", ["rbrack"] = "]", ["Hat"] = "^", ["lowbar"] = "_",
        ["grave"] = "`", ["lcub"] = "{", ["lbrace"] = "{", ["verbar"] = "|", ["vert"] = "|", ["VerticalLine"] = "|",
        ["rcub"] = "}", ["rbrace"] = "}", ["NewLine"] = "\n", ["Tab"] = "\t", ["NonBreakingSpace"] = "\u00A0",
        ["mldr"] = "\u2026", ["nldr"] = "\u2025", ["dash"] = "\u2010", ["hyphen"] = "\u2010", ["horbar"] = "\u2015",
        ["rsquor"] = "\u2019", ["rdquor"] = "\u201D", ["OpenCurlyQuote"] = "\u2018", ["CloseCurlyQuote"] = "\u2019",
        ["OpenCurlyDoubleQuote"] = "\u201C", ["CloseCurlyDoubleQuote"] = "\u201D", ["bullet"] = "\u2022",
        ["centerdot"] = "\u00B7", ["check"] = "\u2713", ["checkmark"] = "\u2713", ["cross"] = "\u2717",
        ["star"] = "\u2606", ["starf"] = "\u2605", ["bigstar"] = "\u2605", ["phone"] = "\u260E",
        ["heartsuit"] = "\u2665", ["rightarrow"] = "\u2192", ["leftarrow"] = "\u2190", ["RightArrow"] = "\u2192",
        ["LeftArrow"] = "\u2190", ["COPY"] = "\u00A9", ["REG"] = "\u00AE", ["circledR"] = "\u00AE",
        ["TRADE"] = "\u2122", ["half"] = "\u00BD", ["frac13"] = "\u2153", ["divide"] = "\u00F7", ["pm"] = "\u00B1",
        ["leq"] = "\u2264", ["geq"] = "\u2265", ["ZeroWidthSpace"] = "\u200B", ["hairsp"] = "\u200A",
        ["numsp"] = "\u2007", ["puncsp"] = "\u2008", ["NoBreak"] = "\u2060", ["AMP"] = "&", ["LT"] = "<",
        ["GT"] = ">", ["QUOT"] = "\"", ["apos"] = "'",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Html5NamesBySpan =
        Html5Names.GetAlternateLookup<ReadOnlySpan<char>>();

    // Only names that exist are cached, so the cache cannot grow past the entity table whatever pages send.
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> NamesBySpan =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Appends <paramref name="input"/> to <paramref name="output"/> with references decoded, line breaks normalised
    /// to '\n' and NUL characters dropped.
    /// </summary>
    /// <param name="input">Raw text or attribute value.</param>
    /// <param name="inAttribute">Attribute values keep "&amp;copy=" style text that a legacy name would otherwise eat.</param>
    /// <param name="output">Pooled buffer appended to, grown as needed.</param>
    /// <param name="length">Characters used in <paramref name="output"/>.</param>
    public static void Decode(ReadOnlySpan<char> input, bool inAttribute, ref char[] output, ref int length)
    {
        EnsureRoom(ref output, length, input.Length);
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];
            if (c == '&' && TryReference(input, i + 1, inAttribute, out var consumed, out var value, out var value2))
            {
                EnsureRoom(ref output, length, 2 + input.Length - i);
                output[length++] = value;
                if (value2 != '\0')
                {
                    output[length++] = value2;
                }

                i += 1 + consumed;
                continue;
            }

            i++;
            if (c == '\r')
            {
                c = '\n';
                if (i < input.Length && input[i] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\0')
            {
                continue;
            }

            output[length++] = c;
        }
    }

    /// <summary>Whether <paramref name="text"/> holds anything <see cref="Decode"/> would change.</summary>
    public static bool NeedsDecoding(ReadOnlySpan<char> text) => text.IndexOfAny('&', '\r', '\0') >= 0;

    private static void EnsureRoom(ref char[] output, int length, int more)
    {
        if (length + more > output.Length)
        {
            LiteDocument.Grow(ref output, length, length + more);
        }
    }

    /// <summary>Reads the reference after an '&amp;' at <paramref name="at"/>; one or two UTF-16 units.</summary>
    private static bool TryReference(ReadOnlySpan<char> input, int at, bool inAttribute, out int consumed, out char value, out char value2)
    {
        consumed = 0;
        value = value2 = '\0';
        if (at >= input.Length)
        {
            return false;
        }

        return input[at] == '#'
            ? TryNumeric(input, at + 1, out consumed, out value, out value2)
            : TryNamed(input, at, inAttribute, out consumed, out value, out value2);
    }

    private static bool TryNumeric(ReadOnlySpan<char> input, int at, out int consumed, out char value, out char value2)
    {
        consumed = 0;
        value = value2 = '\0';
        var hex = at < input.Length && input[at] is 'x' or 'X';
        var i = hex ? at + 1 : at;
        var start = i;
        long number = 0;
        while (i < input.Length && (hex ? char.IsAsciiHexDigit(input[i]) : char.IsAsciiDigit(input[i])))
        {
            var c = input[i];
            var digit = char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
            number = Math.Min(number * (hex ? 16 : 10) + digit, 0x110000);
            i++;
        }

        if (i == start)
        {
            return false;
        }

        if (i < input.Length && input[i] == ';')
        {
            i++;
        }

        consumed = i - at + 1;
        var code = (int)number;
        if (code is >= 0x80 and <= 0x9F)
        {
            value = Windows1252[code - 0x80];
            return true;
        }

        if (code == 0 || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            code = 0xFFFD;
        }

        var rune = new Rune(code);
        Span<char> units = stackalloc char[2];
        var written = rune.EncodeToUtf16(units);
        value = units[0];
        value2 = written == 2 ? units[1] : '\0';
        return true;
    }

    private static bool TryNamed(ReadOnlySpan<char> input, int at, bool inAttribute, out int consumed, out char value, out char value2)
    {
        consumed = 0;
        value = value2 = '\0';
        var end = at;
        while (end < input.Length && end - at < MaxNameChars && char.IsAsciiLetterOrDigit(input[end]))
        {
            end++;
        }

        if (end == at)
        {
            return false;
        }

        if (end < input.Length && input[end] == ';' && Lookup(input[at..end], withHtml5: true) is { } full)
        {
            consumed = end - at + 1;
            return Assign(full, out value, out value2);
        }

        // Legacy names (the Latin-1 ones) also work without the semicolon, the longest that matches winning; in an
        // attribute not when a letter, digit or '=' follows, so query strings like "?a=1&copy=2" survive.
        for (var length = Math.Min(end - at, 6); length >= 2; length--)
        {
            if (Lookup(input.Slice(at, length), withHtml5: false) is { Length: 1 } legacy && legacy[0] <= '\u00FF')
            {
                var next = at + length < input.Length ? input[at + length] : '\0';
                if (inAttribute && (char.IsAsciiLetterOrDigit(next) || next == '='))
                {
                    return false;
                }

                consumed = length;
                return Assign(legacy, out value, out value2);
            }
        }

        return false;
    }

    private static bool Assign(string decoded, out char value, out char value2)
    {
        value = decoded[0];
        value2 = decoded.Length > 1 ? decoded[1] : '\0';
        return decoded.Length <= 2;
    }

    private static string? Lookup(ReadOnlySpan<char> name, bool withHtml5)
    {
        if (NamesBySpan.TryGetValue(name, out var known) || (withHtml5 && Html5NamesBySpan.TryGetValue(name, out known)))
        {
            return known;
        }

        var reference = string.Concat("&", name, ";");
        var decoded = WebUtility.HtmlDecode(reference);
        if (ReferenceEquals(decoded, reference) || decoded == reference)
        {
            return null;
        }

        Names.TryAdd(name.ToString(), decoded);
        return decoded;
    }
}
