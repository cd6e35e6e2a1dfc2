using System.Buffers;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace Boilerplate.Core.Decoding;

/// <summary>
/// Turns fetched HTML bytes into text. Never throws on bad bytes: undecodable sequences become U+FFFD and NULs are
/// removed, because a scraper's page is untrusted input and a half-readable page is still worth cleaning.
/// </summary>
/// <remarks>
/// Order of evidence: a byte-order mark (it cannot lie, so it wins as in browsers), then the charset parameter of
/// the Content-Type header, then a &lt;meta charset&gt; or &lt;meta http-equiv="content-type"&gt; in the first
/// <see cref="PrescanBytes"/> bytes, then sniffing (mostly-valid UTF-8, else statistical detection, else windows-1252).
/// A declaration the bytes contradict (UTF-16/32 or EBCDIC over ASCII markup, see <see cref="Believable"/>) is skipped.
/// Invalid sequences in a page read as UTF-8 become U+FFFD; a page whose invalid sequences outnumber its valid
/// multi-byte ones is taken for a legacy page, even under a UTF-8 declaration, and read as the detected charset.
/// A declared legacy charset (single-byte, or a multi-byte one such as GBK or Shift_JIS) is overruled when the bytes
/// are valid UTF-8 with multi-byte sequences, since a legacy page decoding as clean UTF-8 by chance is far rarer than
/// a stale declaration: pages re-saved as UTF-8 keep their old &lt;meta&gt;, and a multi-byte misreading is the worst
/// case (GBK read from UTF-8 bytes swallowed "&lt;/title&gt;" and left a Chinese page with no body at all).
/// </remarks>
public static class CharsetDecoder
{
    /// <summary>How far into the page a &lt;meta&gt; charset declaration is looked for.</summary>
    public const int PrescanBytes = 4096;

    // Statistical detection costs microseconds per byte; 32 KB is plenty of evidence and bounds the cost of garbage.
    private const int SniffBytes = 32 * 1024;

    private static readonly Encoding Utf8Lenient = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    static CharsetDecoder()
    {
        // Legacy code pages (windows-125x, Shift_JIS, GBK, ...) are in the shared framework but not registered by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="contentType"/> is the HTTP header value, if known.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        var encoding = Choose(bytes, contentType, out var bomLength);
        return StripNuls(encoding.GetString(bytes[bomLength..]));
    }

    /// <summary>Picks the encoding the page should be decoded with; <paramref name="bomLength"/> is the BOM to skip.</summary>
    internal static Encoding Choose(ReadOnlySpan<byte> bytes, string? contentType, out int bomLength)
    {
        var fromBom = FromBom(bytes, out bomLength);
        if (fromBom is not null)
        {
            return fromBom;
        }

        var declared = Believable(FromLabel(CharsetParameter(contentType)), bytes)
            ?? Believable(FromLabel(PrescanMeta(bytes)), bytes);
        if (declared is null)
        {
            return Sniff(bytes);
        }

        if (declared.CodePage == Encoding.UTF8.CodePage)
        {
            // Sniff keeps a page that is mostly UTF-8 as UTF-8 (strays become U+FFFD) and reads a stale UTF-8
            // declaration over a legacy page as that legacy charset.
            return Sniff(bytes);
        }

        return IsUtf8WithMultiByte(bytes) ? Utf8Lenient : declared;
    }

    /// <summary>Resolves a charset label the way browsers do, or null when .NET knows no such encoding.</summary>
    internal static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            // The web treats these as windows-1252 (the C1 range holds curly quotes, dashes, euro sign).
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso_8859-1" or "cp1252" => "windows-1252",
            "utf8" => "utf-8",
            // A page cannot really be UTF-16 when its declaration was readable as ASCII; browsers use UTF-8.
            "utf-16" or "utf-16le" or "utf-16be" => "utf-8",
            "x-user-defined" => "windows-1252",
            "gb2312" or "x-gbk" => "gbk",
            _ => name,
        };

        try
        {
            var encoding = Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
            return encoding.CodePage == Encoding.UTF8.CodePage ? Utf8Lenient : encoding;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // NotSupportedException: .NET knows UTF-7 but refuses to decode it (browsers dropped it as an XSS
            // vector); like any unusable label it falls through to sniffing. Found by fuzzing.
            return null;
        }
    }

    /// <summary>
    /// The declared encoding, or null when the bytes contradict it: an ASCII-incompatible encoding (UTF-16/32,
    /// EBCDIC code pages such as ibm037 or ibm500: any that does not read 0x3C as '&lt;') declared over bytes whose
    /// first <see cref="PrescanBytes"/> hold single-byte ASCII markup and no NUL. Honouring it would turn a readable
    /// page into garbage; a real UTF-16/32 page has NULs in its ASCII markup and a real EBCDIC page no "&lt;x" pairs.
    /// </summary>
    internal static Encoding? Believable(Encoding? declared, ReadOnlySpan<byte> bytes)
    {
        if (declared is null || declared.GetString([(byte)'<']) == "<")
        {
            return declared;
        }

        var head = bytes[..Math.Min(bytes.Length, PrescanBytes)];
        return head.Contains((byte)0) || !HasAsciiTagOpen(head) ? declared : null;
    }

    private static bool HasAsciiTagOpen(ReadOnlySpan<byte> head)
    {
        for (var at = head.IndexOf((byte)'<'); at >= 0 && at + 1 < head.Length; at = NextIndex(head, at + 1))
        {
            var next = head[at + 1];
            if (next is (byte)'!' or (byte)'/' || char.IsAsciiLetter((char)next))
            {
                return true;
            }
        }

        return false;

        static int NextIndex(ReadOnlySpan<byte> span, int from)
        {
            var i = span[from..].IndexOf((byte)'<');
            return i < 0 ? -1 : from + i;
        }
    }

    private static Encoding? FromBom(ReadOnlySpan<byte> bytes, out int length)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            length = 3;
            return Utf8Lenient;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            length = 2;
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            length = 2;
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
        }

        length = 0;
        return null;
    }

    /// <summary>The charset parameter of a Content-Type value ("text/html; charset=Shift_JIS").</summary>
    internal static string? CharsetParameter(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        foreach (var part in contentType.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim().Trim('"', '\'');
            }
        }

        return null;
    }

    /// <summary>
    /// Finds a charset in the &lt;meta&gt; tags of the first bytes. Both meta forms carry "charset=" inside the tag
    /// (as an attribute or inside the content value), so one scan of each &lt;meta ...&gt; covers them.
    /// </summary>
    internal static string? PrescanMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, PrescanBytes)]);
        var at = 0;
        while ((at = head.IndexOf("<meta", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = head.IndexOf('>', at);
            if (end < 0)
            {
                end = head.Length;
            }

            var tag = head.AsSpan(at, end - at);
            var charset = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (charset >= 0)
            {
                var rest = tag[(charset + "charset".Length)..].TrimStart();
                if (rest.StartsWith("="))
                {
                    rest = rest[1..].TrimStart().TrimStart("\"'");
                    var stop = rest.IndexOfAny(" \t\r\n\"';/>");
                    var value = (stop < 0 ? rest : rest[..stop]).ToString();
                    if (value.Length > 0)
                    {
                        return value;
                    }
                }
            }

            at = end;
        }

        return null;
    }

    private static Encoding Sniff(ReadOnlySpan<byte> bytes)
    {
        if (IsMostlyUtf8(bytes))
        {
            return Utf8Lenient;
        }

        var sample = bytes[..Math.Min(bytes.Length, SniffBytes)].ToArray();
        var detected = CharsetDetector.DetectFromBytes(sample).Detected;
        if (detected?.Encoding is { } encoding && detected.Confidence >= 0.5f && !IsAsciiOnly(encoding))
        {
            return FromLabel(encoding.WebName) ?? encoding;
        }

        return FromLabel("windows-1252")!;
    }

    private static bool IsAsciiOnly(Encoding encoding) => encoding.CodePage == 20127;

    /// <summary>
    /// Valid UTF-8, or UTF-8 with a few invalid sequences: more valid multi-byte sequences than invalid ones. A
    /// UTF-8 page with a stray byte then keeps its text (the stray becomes U+FFFD) instead of turning into
    /// windows-1252 mojibake, while a legacy page (its accented letters are almost never valid UTF-8) does not qualify.
    /// </summary>
    internal static bool IsMostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return true;
        }

        int multiByte = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            var nonAscii = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (nonAscii < 0)
            {
                break;
            }

            bytes = bytes[nonAscii..];
            var status = Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                multiByte++;
            }
            else
            {
                invalid++;
            }

            bytes = bytes[consumed..];
        }

        return multiByte > invalid;
    }

    private static bool IsUtf8WithMultiByte(ReadOnlySpan<byte> bytes) =>
        bytes.ContainsAnyInRange((byte)0x80, (byte)0xFF) && Utf8.IsValid(bytes);

    private static string StripNuls(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;
}
