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

    [Fact]
    public void Renders_the_text_as_other_scrapers_break_it()
    {
        const string html = "<body><nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a></nav>\n"
            + "<p>A sentence with <a href=\"/x\">a link</a> in it,\n  written over two source lines.</p><p>Next</p></body>";

        // A line per text node: the link inside the sentence stands alone, as get_text("\n") leaves it.
        Assert.Equal(
            "Home\n|\nNews\nA sentence with\na link\nin it, written over two source lines.\nNext\n",
            PlainTextView.Render(html, PlainTextLayout.TextNodes));

        // The source's own line breaks and nothing else: elements run together, as get_text() leaves them.
        Assert.Equal(
            "Home | News\nA sentence with a link in it,\nwritten over two source lines.Next\n",
            PlainTextView.Render(html, PlainTextLayout.SourceLines));
    }
}
