using Boilerplate.Core.Decoding;

namespace Boilerplate.Cli.Clean;

/// <summary>
/// Tells HTML from plain text by a page's first bytes, for standard input and files whose extension says nothing.
/// HTML starts (after a byte-order mark and white space) with a tag, a comment, a doctype or an XML declaration, as in
/// the WHATWG MIME sniffing rules, or has an html, head or body tag near the start; anything else is text.
/// </summary>
internal static class PageSniffer
{
    /// <summary>How many bytes are looked at: the start is enough, and garbage costs no more than that.</summary>
    public const int SniffBytes = 1024;

    private static readonly string[] DocumentTags = ["<html", "<head", "<body"];

    public static bool LooksLikeHtml(ReadOnlySpan<byte> content)
    {
        // Decoded first, so a UTF-16 page (byte-order mark) sniffs as well as a UTF-8 one.
        var start = CharsetDecoder.Decode(content[..Math.Min(content.Length, SniffBytes)], contentType: null).AsSpan().TrimStart();
        if (start.Length < 2 || start[0] != '<')
        {
            return ContainsDocumentTag(start);
        }

        if (start[1] is '!' or '?')
        {
            return true;
        }

        var name = 1;
        if (!char.IsAsciiLetter(start[name]))
        {
            return ContainsDocumentTag(start);
        }

        while (name < start.Length && (char.IsAsciiLetterOrDigit(start[name]) || start[name] == '-'))
        {
            name++;
        }

        return name == start.Length || start[name] is '>' or '/' || char.IsWhiteSpace(start[name]) || ContainsDocumentTag(start);
    }

    private static bool ContainsDocumentTag(ReadOnlySpan<char> start)
    {
        foreach (var tag in DocumentTags)
        {
            var at = start.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at + tag.Length < start.Length && start[at + tag.Length] is '>' or '/' or ' ' or '\t' or '\r' or '\n')
            {
                return true;
            }
        }

        return false;
    }
}
