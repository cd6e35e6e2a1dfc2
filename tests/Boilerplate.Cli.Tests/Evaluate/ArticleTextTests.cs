using AngleSharp.Html.Parser;
using Boilerplate.Cli.Peers;

namespace Boilerplate.Cli.Tests.Evaluate;

public class ArticleTextTests
{
    private static string TextOf(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        return ArticleText.FromElement(document.Body!);
    }

    [Fact]
    public void Blocks_become_paragraphs_and_inline_markup_does_not()
    {
        var text = TextOf("<div><h2>Title</h2><p>One <b>bold</b>\n  word.</p><ul><li>a</li><li>b<br>c</li></ul></div>");

        Assert.Equal("Title\n\nOne bold word.\n\na\n\nb\n\nc", text);
    }

    [Fact]
    public void Preformatted_lines_are_paragraphs_of_their_own()
    {
        var text = TextOf("<p>Code:</p><pre><code>var x = 1;\n\nreturn x;</code></pre>");

        Assert.Equal("Code:\n\nvar x = 1;\n\nreturn x;", text);
    }

    [Fact]
    public void Scripts_and_styles_are_not_text()
    {
        var text = TextOf("<p>Kept<script>var hidden;</script><style>p{}</style></p>");

        Assert.Equal("Kept", text);
    }
}
