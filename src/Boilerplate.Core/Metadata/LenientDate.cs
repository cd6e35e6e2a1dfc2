using System.Globalization;
using System.Text.RegularExpressions;

namespace Boilerplate.Core.Metadata;

/// <summary>
/// Parses the dates pages write (ISO 8601 with or without time and offset, RFC 1123, "September 4, 2025",
/// "4 Sep 2025", "2025/09/04", "2025年9月4日") without throwing. Only short strings are read and only years 1990-2100 accepted, so a
/// hostile value costs nothing and a stray number is no date.
/// </summary>
public static partial class LenientDate
{
    /// <summary>Longest string read as a date; longer values are looked into for a date only by <see cref="Find"/>.</summary>
    public const int MaxChars = 64;

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss", "yyyy.MM.dd", "yyyyMMdd", "yyyy-MM",
        "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss zzz",
        "MMMM d, yyyy", "MMMM dd, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "MMMM d yyyy", "MMM d yyyy",
        "d MMMM yyyy", "dd MMMM yyyy", "d MMM yyyy", "dd MMM yyyy", "d MMM. yyyy", "d. MMMM yyyy",
        "MMMM d, yyyy h:mm tt", "MMMM d, yyyy 'at' h:mm tt", "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yyyy HH:mm",
    ];

    /// <summary>Parses <paramref name="value"/>; null when it is no plausible date.</summary>
    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxChars)
        {
            return null;
        }

        var text = Normalize(value);
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        if (OffsetWithoutColon().Match(text) is { Success: true } match)
        {
            // "+0200" is common in pages and not an offset .NET's K reads.
            text = string.Concat(text.AsSpan(0, match.Index), match.Groups[1].Value, ":", match.Groups[2].Value);
        }

        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, styles, out var parsed)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out parsed))
        {
            return parsed.Year is >= 1990 and <= 2100 ? parsed : null;
        }

        return null;
    }

    /// <summary>
    /// The first date written in <paramref name="text"/> (a dateline such as "Published March 3, 2025 at 9:00"). Dates
    /// in digits only ("17.05.2021", "10/31/2024") count when <paramref name="digitDates"/> allows them: they also stamp
    /// reviews and price lists, so the caller says when the text is a dateline.
    /// </summary>
    public static DateTimeOffset? Find(string text, bool digitDates = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.Length > 400 ? text[..400] : text;
        if (!HasFourDigitRun(span))
        {
            // Every date the pattern reads holds a year: most blocks have none, and the scan for them is the cost.
            return null;
        }

        foreach (Match match in DateInText().Matches(span))
        {
            var value = match.Value.TrimEnd('.', ',');
            if (IsDateInDigits(value))
            {
                if (!digitDates)
                {
                    continue;
                }

                if (value.Contains('/', StringComparison.Ordinal))
                {
                    if (DayMonthOrMonthDay(value) is { } slashed)
                    {
                        return slashed;
                    }

                    continue;
                }
            }

            if (Parse(value) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> is a date in digits alone ("17.05.2021", "· 10/31/2024"), punctuation around it aside.</summary>
    public static bool IsDateInDigits(string text) => DateInDigits().IsMatch(text);

    /// <summary>Whether <paramref name="text"/> holds four digits in a row (<c>\d</c>: any script's decimal digits, as the patterns read them).</summary>
    private static bool HasFourDigitRun(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsDigit(c) ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "10/31/2024" or "31/10/2024": the United States write month first, most other places day first, so only a date
    /// whose day is past 12 tells which; "04/05/2024" is no date to us.
    /// </summary>
    private static DateTimeOffset? DayMonthOrMonthDay(string value)
    {
        var parts = value.Split('/');
        if (!int.TryParse(parts[0], CultureInfo.InvariantCulture, out var first) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var second)
            || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
        {
            return null;
        }

        var (month, day) = (first, second) switch
        {
            ( <= 12, > 12) => (first, second),
            ( > 12, <= 12) => (second, first),
            _ => (0, 0),
        };
        return month is >= 1 and <= 12 && day <= DateTime.DaysInMonth(year, month)
            ? new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero)
            : null;
    }

    private static string Normalize(string value)
    {
        var text = value.Trim();

        // "2016年10月14日" (Chinese, Japanese), "2016년 10월 14일" (Korean): the year, month and day marked by a character each.
        if (CjkDate().Match(text) is { Success: true } cjk)
        {
            text = string.Create(CultureInfo.InvariantCulture, $"{cjk.Groups[1].Value}-{int.Parse(cjk.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(cjk.Groups[3].Value, CultureInfo.InvariantCulture):00}");
        }

        // Ordinals ("4th"), "Sept" and a trailing "UTC"/"Z" spelled out are common and not in the invariant formats.
        text = Ordinal().Replace(text, "$1");
        text = text.Replace("Sept ", "Sep ", StringComparison.OrdinalIgnoreCase).Replace("Sept.", "Sep", StringComparison.OrdinalIgnoreCase);
        if (text.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^4] + "Z";
        }

        return text;
    }

    /// <summary>"2016年10月14日", "2016년 10월 14일": year, month and day, each marked by its character.</summary>
    private const string CjkDatePattern = @"(\d{4}) ?[年년] ?(\d{1,2}) ?[月월] ?(\d{1,2}) ?[日일]";

    [GeneratedRegex("^" + CjkDatePattern, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CjkDate();

    [GeneratedRegex(@"([+-]\d\d)(\d\d)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex OffsetWithoutColon();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex Ordinal();

    [GeneratedRegex(
        @"\b(?:\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,? \d{4}|\d{4}/\d\d/\d\d|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}/\d{1,2}/\d{4})(?!\d)|(?<!\d)" + CjkDatePattern,
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex DateInText();

    [GeneratedRegex(@"^\W*\d{1,2}[./]\d{1,2}[./]\d{4}\W*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DateInDigits();
}
