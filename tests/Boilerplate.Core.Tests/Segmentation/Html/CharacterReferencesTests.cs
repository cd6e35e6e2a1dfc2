using System.Buffers;
using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Tests.Segmentation.Html;

public class CharacterReferencesTests
{
    private static string Decode(string text, bool inAttribute = false)
    {
        // The smallest pooled buffer, so that long inputs exercise growing it.
        var buffer = ArrayPool<char>.Shared.Rent(1);
        var length = 0;
        CharacterReferences.Decode(text, inAttribute, ref buffer, ref length);
        var decoded = new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return decoded;
    }

    [Theory]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("&lt;p&gt; &quot;x&quot; &#39;y&#39;", "<p> \"x\" 'y'")]
    [InlineData("&rsquo;&hellip;&mldr;&verbar;", "\u2019\u2026\u2026|")]
    [InlineData("&#8217; &#x2019; &#X2019 &#8217", "\u2019 \u2019 \u2019 \u2019")]
    [InlineData("&#150; &#x80;", "\u2013 \u20AC")]
    [InlineData("&#0; &#xD800; &#99999999;", "\uFFFD \uFFFD \uFFFD")]
    [InlineData("&#128512;", "\U0001F600")]
    [InlineData("&nbsp x &copy 2024 &ampx", "\u00A0 x \u00A9 2024 &x")]
    [InlineData("&unknown; & &; &# &#x; AT&T", "&unknown; & &; &# &#x; AT&T")]
    [InlineData("a\r\nb\rc\0d", "a\nb\ncd")]
    public void Text_references_decode_like_a_browser(string text, string expected) => Assert.Equal(expected, Decode(text));

    [Theory]
    [InlineData("/q?a=1&copy=2&amp;b", "/q?a=1&copy=2&b")]
    [InlineData("&copy 2024", "\u00A9 2024")]
    public void Attribute_values_keep_query_strings(string value, string expected) => Assert.Equal(expected, Decode(value, inAttribute: true));
}
