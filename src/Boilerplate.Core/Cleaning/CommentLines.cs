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
