namespace Boilerplate.Core.Segmentation.Html;

/// <summary>What <see cref="HtmlTokenizer.Next"/> read.</summary>
internal enum HtmlTokenKind
{
    EndOfFile,
    Text,
    StartTag,
    EndTag,

    /// <summary>A comment that opens a React Suspense boundary (<c>&lt;!--$--&gt;</c>, <c>$?</c>, <c>$!</c>).</summary>
    SuspenseStart,

    /// <summary>A comment that closes a React Suspense boundary (<c>&lt;!--/$--&gt;</c>).</summary>
    SuspenseEnd,
}

/// <summary>
/// Splits HTML source into text runs and tags in one forward pass, after the HTML tokenizer's states but leaner:
/// comments, doctypes, CDATA and processing instructions are skipped, only the attributes in
/// <see cref="LiteAttribute"/> are kept, and text is reported as a slice of the source. Every step moves forward, so
/// the time is linear in the input whatever it holds.
/// </summary>
internal sealed class HtmlTokenizer(string html)
{
    private const int MaxStackName = 64;

    /// <summary>Longest tag name kept; longer names are cut (start and end tags alike, so they still match).</summary>
    internal const int MaxNameLength = 128;

    private readonly string _html = html;
    private readonly Dictionary<string, string> _otherNames = new(StringComparer.Ordinal);
    private PendingAttribute[] _attributes = new PendingAttribute[8];
    private int _at;

    /// <summary>Lower-case name of the tag just read.</summary>
    public string TagName { get; private set; } = string.Empty;

    /// <summary>Whether the start tag just read ended with "/&gt;".</summary>
    public bool SelfClosing { get; private set; }

    /// <summary>Start of the text just read, in the source.</summary>
    public int TextStart { get; private set; }

    /// <summary>Length of the text just read.</summary>
    public int TextLength { get; private set; }

    /// <summary>Kept attributes of the start tag just read, first occurrence of each name only.</summary>
    public ReadOnlySpan<PendingAttribute> Attributes => _attributes.AsSpan(0, AttributeCount);

    /// <summary>Whether a doctype that puts the page in standards mode (&lt;!DOCTYPE html&gt;) was seen.</summary>
    public bool StandardsDoctype { get; private set; }

    private int AttributeCount { get; set; }

    /// <summary>Reads the next token.</summary>
    public HtmlTokenKind Next()
    {
        var html = _html;
        while (_at < html.Length)
        {
            if (html[_at] != '<')
            {
                return ReadText();
            }

            var next = _at + 1 < html.Length ? html[_at + 1] : '\0';
            if (char.IsAsciiLetter(next))
            {
                if (ReadTag(_at + 1, isEnd: false))
                {
                    return HtmlTokenKind.StartTag;
                }

                continue;
            }

            switch (next)
            {
                case '/':
                    var after = _at + 2 < html.Length ? html[_at + 2] : '\0';
                    if (char.IsAsciiLetter(after))
                    {
                        if (ReadTag(_at + 2, isEnd: true))
                        {
                            return HtmlTokenKind.EndTag;
                        }

                        continue;
                    }

                    // "</>" is dropped; "</3" and the like are bogus comments.
                    _at = after == '>' ? _at + 3 : SkipPast('>', _at + 2);
                    continue;
                case '!':
                    if (SkipMarkupDeclaration() is { } marker)
                    {
                        return marker;
                    }

                    continue;
                case '?':
                    _at = SkipPast('>', _at + 2);
                    continue;
                default:
                    return ReadText();
            }
        }

        return HtmlTokenKind.EndOfFile;
    }

    /// <summary>
    /// After the start tag of a raw-text element: reports its content as text (to the matching end tag, or the end
    /// of input) and moves past the end tag. Returns whether there was any content.
    /// </summary>
    public bool ReadRawText(string tag, bool toEnd)
    {
        var html = _html;
        var start = _at;
        var end = html.Length;
        var resume = html.Length;
        if (!toEnd)
        {
            var close = tag == "script" ? ScriptEnd(start) : EndTagAt(tag, start);
            if (close >= 0)
            {
                end = close;
                resume = SkipTagBody(close + 2 + tag.Length, out _);
                if (resume < 0)
                {
                    resume = html.Length;
                }
            }
        }

        TextStart = start;
        TextLength = end - start;
        _at = resume;
        return TextLength > 0;
    }

    /// <summary>Index of the next "&lt;/tag" that ends a tag name, from <paramref name="from"/>; -1 if none.</summary>
    private int EndTagAt(string tag, int from)
    {
        var html = _html;
        while (from < html.Length)
        {
            var close = html.IndexOf("</", from, StringComparison.Ordinal);
            if (close < 0)
            {
                return -1;
            }

            if (IsTagNameAt(close + 2, tag))
            {
                return close;
            }

            from = close + 2;
        }

        return -1;
    }

    /// <summary>
    /// Where a script's content ends, after the script data states: inside "&lt;!--" a nested "&lt;script&gt;"
    /// makes the next "&lt;/script&gt;" part of the content, until "--&gt;".
    /// </summary>
    private int ScriptEnd(int from)
    {
        var html = _html;
        var escaped = false;
        var doubleEscaped = false;
        var i = from;
        while ((i = html.AsSpan(i).IndexOfAny('<', '-') is var found and >= 0 ? i + found : -1) >= 0)
        {
            if (html[i] == '-')
            {
                if (escaped && string.CompareOrdinal(html, i, "-->", 0, 3) == 0)
                {
                    escaped = doubleEscaped = false;
                    i += 3;
                    continue;
                }

                i++;
                continue;
            }

            if (!escaped && string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                escaped = true;
                i += 4;
                continue;
            }

            if (i + 1 < html.Length && html[i + 1] == '/' && IsTagNameAt(i + 2, "script"))
            {
                if (!doubleEscaped)
                {
                    return i;
                }

                doubleEscaped = false;
                i += 8;
                continue;
            }

            if (escaped && IsTagNameAt(i + 1, "script"))
            {
                doubleEscaped = true;
                i += 7;
                continue;
            }

            i++;
        }

        return -1;
    }

    /// <summary>Whether <paramref name="tag"/> (any case) starts at <paramref name="at"/> and a name cannot go on after it.</summary>
    private bool IsTagNameAt(int at, string tag)
    {
        var html = _html;
        var end = at + tag.Length;
        return end <= html.Length
            && html.AsSpan(at, tag.Length).Equals(tag, StringComparison.OrdinalIgnoreCase)
            && (end == html.Length || html[end] is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f');
    }

    private HtmlTokenKind ReadText()
    {
        var html = _html;
        var start = _at;
        var i = _at + 1;
        while (true)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                i = html.Length;
                break;
            }

            var next = html[lt + 1];
            if (char.IsAsciiLetter(next) || next is '/' or '!' or '?')
            {
                i = lt;
                break;
            }

            i = lt + 1;
        }

        TextStart = start;
        TextLength = i - start;
        _at = i;
        return HtmlTokenKind.Text;
    }

    /// <summary>Reads a tag whose name starts at <paramref name="nameStart"/>; false when the input ends inside it.</summary>
    private bool ReadTag(int nameStart, bool isEnd)
    {
        var html = _html;
        var nameEnd = nameStart;
        while (nameEnd < html.Length && !IsSpace(html[nameEnd]) && html[nameEnd] is not ('/' or '>'))
        {
            nameEnd++;
        }

        TagName = Intern(html.AsSpan(nameStart, nameEnd - nameStart));
        AttributeCount = 0;
        var end = isEnd ? SkipTagBody(nameEnd, out var selfClosing) : ReadAttributes(nameEnd, out selfClosing);
        if (end < 0)
        {
            // The input ends inside the tag: the HTML tokenizer drops such a tag.
            _at = html.Length;
            return false;
        }

        SelfClosing = selfClosing;
        _at = end;
        return true;
    }

    /// <summary>Reads attributes up to the tag's '&gt;'; returns the index after it, or -1 at end of input.</summary>
    private int ReadAttributes(int at, out bool selfClosing)
    {
        var html = _html;
        selfClosing = false;
        Span<char> lowerName = stackalloc char[16];
        var i = at;
        while (true)
        {
            while (i < html.Length && (IsSpace(html[i]) || html[i] == '/'))
            {
                selfClosing = html[i] == '/';
                i++;
            }

            if (i >= html.Length)
            {
                return -1;
            }

            if (html[i] == '>')
            {
                return i + 1;
            }

            selfClosing = false;
            var nameStart = i;
            i++;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
            {
                i++;
            }

            var name = LiteAttributes.Of(Lower(html.AsSpan(nameStart, i - nameStart), lowerName));
            while (i < html.Length && IsSpace(html[i]))
            {
                i++;
            }

            var valueStart = i;
            var valueEnd = i;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var close = html.IndexOf(html[i], i + 1);
                    if (close < 0)
                    {
                        return -1;
                    }

                    valueStart = i + 1;
                    valueEnd = close;
                    i = close + 1;
                }
                else
                {
                    valueStart = i;
                    while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
                    {
                        i++;
                    }

                    valueEnd = i;
                }
            }

            if (name != LiteAttribute.None)
            {
                Add(name, valueStart, valueEnd - valueStart);
            }
        }
    }

    private void Add(LiteAttribute name, int start, int length)
    {
        foreach (var existing in Attributes)
        {
            if (existing.Name == name)
            {
                return;
            }
        }

        if (AttributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[AttributeCount++] = new PendingAttribute(name, start, length);
    }

    /// <summary>Skips an end tag's attributes (quoted values may hold '&gt;'); returns the index after '&gt;' or -1.</summary>
    private int SkipTagBody(int at, out bool selfClosing)
    {
        var saved = AttributeCount;
        var end = ReadAttributes(at, out selfClosing);
        AttributeCount = saved;
        return end;
    }

    private static HtmlTokenKind? SuspenseMarker(ReadOnlySpan<char> comment) => comment switch
    {
        "$" or "$?" or "$!" => HtmlTokenKind.SuspenseStart,
        "/$" => HtmlTokenKind.SuspenseEnd,
        _ => null,
    };

    /// <summary>Skips a comment, doctype or CDATA section; returns the token a Suspense boundary comment stands for.</summary>
    private HtmlTokenKind? SkipMarkupDeclaration()
    {
        var html = _html;
        var at = _at + 2;
        if (string.CompareOrdinal(html, at, "--", 0, 2) == 0)
        {
            // "<!-->" and "<!--->" are complete (empty) comments.
            var body = at + 2;
            if (body < html.Length && html[body] == '>')
            {
                _at = body + 1;
                return null;
            }

            if (body + 1 < html.Length && html[body] == '-' && html[body + 1] == '>')
            {
                _at = body + 2;
                return null;
            }

            var close = html.IndexOf("--", body, StringComparison.Ordinal);
            while (close >= 0)
            {
                var after = close + 2;
                if (after < html.Length && html[after] == '>')
                {
                    _at = after + 1;
                    return SuspenseMarker(html.AsSpan(body, close - body));
                }

                if (after + 1 < html.Length && html[after] == '!' && html[after + 1] == '>')
                {
                    _at = after + 2;
                    return null;
                }

                close = html.IndexOf("--", close + 1, StringComparison.Ordinal);
            }

            _at = html.Length;
            return null;
        }

        if (html.AsSpan(at).StartsWith("doctype", StringComparison.OrdinalIgnoreCase))
        {
            var end = SkipPast('>', at);
            var declaration = html.AsSpan(at + 7, Math.Max(0, end - at - 8)).Trim();
            StandardsDoctype = declaration.StartsWith("html", StringComparison.OrdinalIgnoreCase)
                && !declaration.Contains("transitional", StringComparison.OrdinalIgnoreCase)
                && !declaration.Contains("frameset", StringComparison.OrdinalIgnoreCase)
                || declaration.Contains("XHTML 1.0 Transitional", StringComparison.OrdinalIgnoreCase)
                && declaration.Contains("http", StringComparison.OrdinalIgnoreCase);
            _at = end;
            return null;
        }

        _at = SkipPast('>', at);
        return null;
    }

    private int SkipPast(char c, int from)
    {
        var at = _html.IndexOf(c, Math.Min(from, _html.Length));
        return at < 0 ? _html.Length : at + 1;
    }

    private string Intern(ReadOnlySpan<char> name)
    {
        // No element name is longer; an 8 MB one would be copied into every block's facts below it.
        if (name.Length > MaxNameLength)
        {
            name = name[..MaxNameLength];
        }

        var lower = Lower(name, stackalloc char[MaxStackName]);
        if (HtmlTags.KnownByName.TryGetValue(lower, out var known))
        {
            return known;
        }

        var others = _otherNames.GetAlternateLookup<ReadOnlySpan<char>>();
        if (others.TryGetValue(lower, out var seen))
        {
            return seen;
        }

        var created = lower.ToString();
        if (_otherNames.Count < 4096)
        {
            _otherNames[created] = created;
        }

        return created;
    }

    /// <summary>The name in ASCII lower case, in <paramref name="buffer"/> when it fits.</summary>
    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> name, Span<char> buffer)
    {
        if (!name.ContainsAnyInRange('A', 'Z'))
        {
            return name;
        }

        var target = name.Length <= buffer.Length ? buffer[..name.Length] : new char[name.Length];
        name.ToLowerInvariant(target);
        return target;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    /// <summary>A kept attribute of the current start tag: its name and the source range of its raw value.</summary>
    internal readonly record struct PendingAttribute(LiteAttribute Name, int Start, int Length);
}
