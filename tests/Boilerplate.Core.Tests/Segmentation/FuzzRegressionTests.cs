using System.Text;
using Boilerplate.Core.Decoding;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Segmentation;

/// <summary>
/// Inputs that AFL (tests/Boilerplate.Fuzz/fuzz.sh) found crashing decode → parse → segment, each kept as found
/// and, where it helps reading, minimised. A page may be refused (PageRejectedException); nothing else may escape.
/// </summary>
public class FuzzRegressionTests
{
    // AFL crash id:000000 (splice of the article seed): a <meta charset="utf-7"> in the prescan window.
    // Encoding.GetEncoding("utf-7") throws NotSupportedException in .NET, which escaped CharsetDecoder.
    private const string MetaCharsetUtf7Finding =
        "azzvu79pdj48c4A+Ij4+Pj4+Pj4+Pj4+Pj4+PjwhRE9DVD48aHRtbHkiPjxoZWFkPjxtZXRhIGNoYXJzZXQ9InV0Zi03Ij48dGl0" +
        "bGU+SGVhZGxpbmUgfCBTaXQoImhtYWluPgo8Zm9vdGVyIGlkPXRlPC90aXRsZT48bWV0YSBwcm9wZXJ0eT0ib2c6dGl0bCZuYnNw" +
        "O2UiIGNvbnRlbnQ9IkhlYWRsaW5lIj48L2hlYWQ+Cjxib2R5PjxuYXYgY2xhc3M9Im1lbnUiPjx1bD48bGk+PGEgaHJlZj0iLyI+" +
        "SG//ADwvYT48aT48L3VsPjwvZGF2cmVmPSIvbmV3cyI+TmV3czwvgP88L2wvbGk+PGxpPjxhIGg+CjxtYf9uPjxhcnRpY2xlPjxo" +
        "MT5IZWlkbGluZTw9InV0Zi04Ij48dGl0bGU+SGVyYXBoIG9mIHRoZSBzdG9yeSwgbG9uZyBlbm91Z2ggdG8gY291bnQgYXMgYpFk" +
        "eSB0ZXh0LjwvcD4KPGgyPlNlY3Rpb248L2gyPjx1bD48bGk+b25laT48bGk+dHdvPG9sPjxsaT5uZXN0ZWQ8L2xpPjwvb2w+PC9s" +
        "aT48FXVsPjxibG9ja3F1b3RlPkEgcTxicj48YSBocmVmPSIvZS48L2Jsb2NrcXVvdGU+CjxwcmU+PGNvZGUgY2xhc3M9Imxhbmd1" +
        "YWdlLXB5dGhvbiI+cHJpbnQoImhpIikKPC9jb2RlPjwvcHJlPjx0YWJsZT48dHI+PHRoPmE8L3RoPjx0aD5iPC90aD48L3RyPjx0" +
        "cj5pPjwvb2w+PC9saT48FXVsPjxibG9jdHI+PC90YWJsZT48L///dGljbGU+PC9hZ2UtcHl0aG9uIj5wcmludCgiaG1haW4+Cjxm" +
        "b290ZXIgaWQ9ImZvb3RlciI+PHA+JmN6cHk7IDxhIGhyZWY9Ii9wcmmNYWN5Ij5Qcml2YWN5PC9hPiDCtyBDb29raWUgY29kc2Vu" +
        "dA==";

    private static readonly HtmlSegmenter Segmenter = new(SegmentationLimits.Default);

    [Fact]
    public void Meta_charset_utf7_finding_decodes_and_segments()
    {
        var html = CharsetDecoder.Decode(Convert.FromBase64String(MetaCharsetUtf7Finding), contentType: null);

        Assert.Contains("Headline", html, StringComparison.Ordinal);
        AssertSegmentsOrRefuses(html);
    }

    [Theory]
    [InlineData("<meta charset=\"utf-7\">", null)]
    [InlineData("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-7\">", null)]
    [InlineData("", "text/html; charset=utf-7")]
    public void A_utf7_declaration_is_ignored_and_the_bytes_sniffed(string head, string? contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(head + "<p>caf\u00e9 +AGEAbABlAHIAdAAo-</p>");

        var html = CharsetDecoder.Decode(bytes, contentType);

        // Sniffed as UTF-8, and the UTF-7 escape stays literal text instead of turning into markup.
        Assert.Contains("<p>caf\u00e9 +AGEAbABlAHIAdAAo-</p>", html, StringComparison.Ordinal);
    }

    private static void AssertSegmentsOrRefuses(string html)
    {
        try
        {
            Segmenter.Segment(html, url: null, CancellationToken.None);
        }
        catch (PageRejectedException)
        {
            // A refusal is a correct answer to a hostile page.
        }
    }
}
