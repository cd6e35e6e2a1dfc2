using System.Text.RegularExpressions;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// The lines by which a comment thread shows itself in plain text, where no markup names it: a comment's header (the
/// reader and the time, "Kathy Owen says:", "Ammon · March 11, 2017 at 8:41 PM") and the lines only threads carry
/// ("15 Replies to …", "Leave a Reply", "Reply" under each comment).
/// </summary>
internal static partial class CommentLines
{
    /// <summary>Longest line read as a header or a marker: both are short, and the patterns never meet prose.</summary>
    public const int MaxChars = 120;

    /// <summary>A comment's header: a line ending in "says:" (or its like), or one that holds both a date and a clock time.</summary>
    public static bool IsHeader(string line) =>
        line.Length <= MaxChars && (Says().IsMatch(line) || (Clock().IsMatch(line) && Date().IsMatch(line)));

    /// <summary>
    /// A line that only a thread carries: its heading, its reply form, or the reply link under a comment. Not "X
    /// wrote:", which a post quoting others carries too.
    /// </summary>
    public static bool IsMarker(string line) => line.Length <= MaxChars && Marker().IsMatch(line);

    /// <summary>A blog's thread heading ("109 Comments", "10 comments:", "2 thoughts on …", "15 Replies to …", "Leave a Reply").</summary>
    public static bool IsBlogThreadHeading(string line) => line.Length <= MaxChars && BlogThreadHeading().IsMatch(line);

    [GeneratedRegex(@"^\s*(?:\d+\s+(?:comments?|responses?|thoughts|kommentare?|commentaires?|comentarios?|commenti|reacties|komentarz[ey]?)\b\s*:?\s*$|\d+\s+(?:thoughts\s+on|responses?\s+to|replies\s+to)\b|leave a (?:reply|comment)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlogThreadHeading();

    /// <summary>Longest line read as a reader's name above a time counted back.</summary>
    private const int MaxNameChars = 40;

    /// <summary>Longest line read as a time counted back: the time alone, and a mark after it.</summary>
    private const int MaxTimeChars = 40;

    /// <summary>Most words in a reader's name: a headline over "49 minutes ago" in a news list has more.</summary>
    private const int MaxNameWords = 3;

    /// <summary>
    /// A comment's header in two lines, as comment systems print it: the reader's name, then only a time counted back
    /// from now ("MK" over "1 year ago", "Doug Clow" over "8d", "vor 2 Tagen").
    /// </summary>
    public static bool IsTimeUnderName(string name, string line) =>
        IsRelativeTime(line) && name.Length <= MaxNameChars && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is > 0 and <= MaxNameWords;

    /// <summary>A line that is only a time counted back from now.</summary>
    public static bool IsRelativeTime(string line) => line.Length <= MaxTimeChars && RelativeTime().IsMatch(line);

    [GeneratedRegex(
        @"^\s*(?:(?:about |over |almost )?(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year|yr)s?\s+ago|\d{1,3}(?:s|m|min|h|hr|d|w|mo|y|yr)|vor\s+(?:\d+|einem|einer)\s+(?:Sekunden?|Minuten?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)|il y a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|années?)|hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)|(?:\d+|una?)\s+(?:secondi|minuti?|ore|ora|giorni|giorno|settimane?|mesi|mese|anni|anno)\s+fa|há\s+(?:\d+|uma?)\s+(?:segundos?|minutos?|horas?|dias?|semanas?|m[eê]s(?:es)?|anos?)|(?:\d+|een)\s+(?:seconden?|minuten?|uur|dagen?|dag|weken?|week|maanden?|maand|jaar|jaren)\s+geleden|\d+\s+\w+\s+(?:назад|temu)|\d+\s*(?:秒|分|分钟|分鐘|小时|小時|時間|天|日|周|週間|个月|個月|ヶ月|か月|年)前|\d+\s*(?:초|분|시간|일|주|개월|달|년)\s*전)\s*[·•]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeTime();

    [GeneratedRegex(@"(?:\bsays|\bsaid|\bwrote|\bsagt|\bschrieb|\bdit|\ba écrit|\bescribió|\bdice|\bscrive|\bha scritto|\bdisse|\bschreef|\bnapisał)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Says();

    [GeneratedRegex(@"\b\d{1,2}[:.]\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(
        @"^\s*(?:(?:\d+\s+)?(?:comments?|responses?|replies|thoughts on|kommentare?|commentaires?|comentarios?|commenti|reacties|komentarze?|коммента\w*)\b|\d+\s+(?:replies|responses|thoughts)\b|leave a (?:reply|comment)|join the discussion|(?:reply|antworten|répondre|responder|rispondi|odpowiedz|ответить|beantwoorden|svara|返信|回复|답글)\s*[↓›»]?\s*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
