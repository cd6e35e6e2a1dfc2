using System.Text;
using Boilerplate.Core.Decoding;

namespace Boilerplate.Core.Tests.Decoding;

public class CharsetDecoderTests
{
    static CharsetDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Bytes(string text, string encoding) => Encoding.GetEncoding(encoding).GetBytes(text);

    [Fact]
    public void Charset_in_content_type_is_used()
    {
        var bytes = Bytes("<p>Привет мир</p>", "windows-1251");
        Assert.Equal("<p>Привет мир</p>", CharsetDecoder.Decode(bytes, "text/html; charset=windows-1251"));
    }

    [Fact]
    public void Quoted_charset_and_odd_case_are_understood()
    {
        var bytes = Bytes("<p>Grüße</p>", "iso-8859-15");
        Assert.Equal("<p>Grüße</p>", CharsetDecoder.Decode(bytes, "text/html;Charset=\"ISO-8859-15\""));
    }

    [Fact]
    public void Byte_order_mark_wins_over_a_wrong_header()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<p>naïve café</p>")).ToArray();
        Assert.Equal("<p>naïve café</p>", CharsetDecoder.Decode(bytes, "text/html; charset=windows-1251"));
    }

    [Fact]
    public void Utf16_byte_order_mark_is_honoured()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("<p>日本語</p>")).ToArray();
        Assert.Equal("<p>日本語</p>", CharsetDecoder.Decode(bytes, null));
    }

    [Fact]
    public void Meta_charset_is_found_by_prescan()
    {
        var bytes = Bytes("<html><head><meta charset=\"shift_jis\"><title>x</title></head><body>日本語のページ</body></html>", "shift_jis");
        Assert.Contains("日本語のページ", CharsetDecoder.Decode(bytes, null));
    }

    [Fact]
    public void Meta_http_equiv_content_type_is_found_by_prescan()
    {
        var bytes = Bytes("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\"><p>Zażółć gęślą jaźń</p>", "windows-1250");
        Assert.Contains("Zażółć gęślą jaźń", CharsetDecoder.Decode(bytes, "text/html"));
    }

    [Fact]
    public void Latin1_label_means_windows_1252_as_in_browsers()
    {
        var bytes = Bytes("<p>“quoted” – €5</p>", "windows-1252");
        Assert.Equal("<p>“quoted” – €5</p>", CharsetDecoder.Decode(bytes, "text/html; charset=iso-8859-1"));
    }

    [Fact]
    public void Declared_single_byte_charset_is_overruled_by_valid_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Grüße aus Köln</p>");
        Assert.Contains("Grüße aus Köln", CharsetDecoder.Decode(bytes, null));
    }

    [Theory]
    [InlineData("gb2312", "<title>人工智能迈上新台阶</title><p>谷歌在2014年收购的人工智能公司开发出一款计算机。</p>")]
    [InlineData("shift_jis", "<title>人工知能の新しい段階</title><p>記憶を使って自分で学ぶ計算機が開発された。</p>")]
    public void Declared_multi_byte_charset_is_overruled_by_valid_utf8_but_honoured_for_its_own_bytes(string charset, string page)
    {
        var declaration = $"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">";

        Assert.Contains(page, CharsetDecoder.Decode(Encoding.UTF8.GetBytes(declaration + page), null));
        Assert.Contains(page, CharsetDecoder.Decode(Bytes(declaration + page, charset), null));
    }

    [Fact]
    public void Unknown_charset_name_falls_back_to_sniffing()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>Ελληνικά κείμενα</p>");
        Assert.Equal("<p>Ελληνικά κείμενα</p>", CharsetDecoder.Decode(bytes, "text/html; charset=no-such-charset"));
    }

    [Fact]
    public void Invalid_utf8_without_declaration_decodes_as_a_legacy_charset()
    {
        var bytes = Bytes("<p>Ein schöner Tag in München, überall Grüße und Äpfel für alle.</p>", "windows-1252");
        var text = CharsetDecoder.Decode(bytes, null);
        Assert.Contains("München", text);
        Assert.DoesNotContain('\uFFFD', text);
    }

    [Fact]
    public void Invalid_bytes_under_a_utf8_declaration_never_throw()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>ok ").Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0x80 }).Concat(Encoding.UTF8.GetBytes(" end</p>")).ToArray();
        var text = CharsetDecoder.Decode(bytes, "text/html; charset=utf-8");
        Assert.StartsWith("<p>ok ", text);
        Assert.EndsWith(" end</p>", text);
    }

    [Theory]
    [InlineData("text/html; charset=utf-32")]
    [InlineData("text/html; charset=utf-32be")]
    [InlineData("text/html; charset=ibm037")]
    [InlineData("text/html; charset=IBM500")]
    [InlineData("text/html; charset=cp037")]
    [InlineData("text/html; charset=ibm1140")]
    [InlineData("text/html; charset=ibm1047")]
    [InlineData("text/html; charset=utf-32le")]
    [InlineData(null)]
    public void Ascii_incompatible_declaration_over_ascii_markup_is_not_believed(string? contentType)
    {
        var meta = contentType is null ? "<meta charset=\"ibm037\">" : string.Empty;
        var page = meta + "<html><body><p>Plain words, nothing exotic.</p></body></html>";
        Assert.Equal(page, CharsetDecoder.Decode(Encoding.ASCII.GetBytes(page), contentType));
    }

    [Fact]
    public void Contradicted_header_falls_back_to_the_meta_declaration()
    {
        var bytes = Bytes("<meta charset=\"windows-1251\"><p>Привет мир</p>", "windows-1251");
        Assert.Contains("Привет мир", CharsetDecoder.Decode(bytes, "text/html; charset=utf-32"));
    }

    [Fact]
    public void Real_utf32_and_ebcdic_pages_are_still_decoded_as_declared()
    {
        const string page = "<p>Grüße</p>";
        Assert.Equal(page, CharsetDecoder.Decode(Encoding.UTF32.GetBytes(page), "text/html; charset=utf-32"));
        Assert.Equal(page, CharsetDecoder.Decode(Bytes(page, "ibm037"), "text/html; charset=ibm037"));
    }

    [Theory]
    [InlineData("text/html; charset=utf-8")]
    [InlineData(null)]
    public void Stray_invalid_byte_in_a_utf8_page_becomes_replacement_character(string? contentType)
    {
        var bytes = Encoding.UTF8.GetBytes("<p>Grüße aus Köln, naïve café</p><p>bad ")
            .Concat(new byte[] { 0xFF })
            .Concat(Encoding.UTF8.GetBytes(" byte</p>")).ToArray();
        Assert.Equal("<p>Grüße aus Köln, naïve café</p><p>bad \uFFFD byte</p>", CharsetDecoder.Decode(bytes, contentType));
    }

    [Fact]
    public void Stale_utf8_declaration_over_a_legacy_page_reads_the_legacy_charset()
    {
        var bytes = Bytes("<p>Ein schöner Tag in München, überall Grüße und Äpfel für alle.</p>", "windows-1252");
        Assert.Contains("München", CharsetDecoder.Decode(bytes, "text/html; charset=utf-8"));
    }

    [Fact]
    public void Declared_legacy_charset_wins_over_mostly_valid_utf8()
    {
        // Only fully valid UTF-8 overrules a legacy declaration; with an invalid byte the declaration stands.
        var bytes = Encoding.UTF8.GetBytes("<p>Grüße").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("</p>")).ToArray();
        Assert.Equal("<p>GrÃ¼ÃŸeé</p>", CharsetDecoder.Decode(bytes, "text/html; charset=windows-1252"));
    }

    [Fact]
    public void Binary_garbage_decodes_without_throwing_and_without_nuls()
    {
        var random = new Random(42);
        var bytes = new byte[100_000];
        random.NextBytes(bytes);
        var text = CharsetDecoder.Decode(bytes, null);
        Assert.NotEmpty(text);
        Assert.DoesNotContain('\0', text);
    }

    [Fact]
    public void Nul_bytes_are_stripped()
    {
        var bytes = Encoding.UTF8.GetBytes("<p>a\0b\0c</p>");
        Assert.Equal("<p>abc</p>", CharsetDecoder.Decode(bytes, null));
    }

    [Fact]
    public void Empty_input_is_empty_text() => Assert.Equal(string.Empty, CharsetDecoder.Decode([], "text/html"));
}
