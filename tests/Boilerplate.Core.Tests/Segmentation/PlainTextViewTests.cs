using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Segmentation;

public sealed class PlainTextViewTests
{
    [Fact]
    public void Renders_one_line_per_block_without_invisible_parts()
    {
        var text = PlainTextView.Render("""
            <html><head><title>T</title><style>p{}</style></head><body>
            <nav><ul><li><a href="/">Home</a></li><li>News</li></ul></nav>
            <script>var x = 1;</script>
            <p>First   <b>bold</b> paragraph.</p><div hidden>secret</div>
            <p>Second<br>line</p>
            </body></html>
            """);

        Assert.Equal("Home\nNews\nFirst bold paragraph.\nSecond\nline\n", text);
    }

    [Fact]
    public void Survives_deep_nesting()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 5000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 5000));
        Assert.Equal("deep\n", PlainTextView.Render(html));
    }
}
