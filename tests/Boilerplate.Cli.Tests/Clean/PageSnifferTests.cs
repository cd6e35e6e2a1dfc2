using System.Text;
using Boilerplate.Cli.Clean;

namespace Boilerplate.Cli.Tests.Clean;

public class PageSnifferTests
{
    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>Hi</p></body></html>")]
    [InlineData("  \n<html lang=\"en\"><p>Hi</p>")]
    [InlineData("<article>\n<h1>Seals</h1>")]
    [InlineData("<p>A fragment of one paragraph.</p>")]
    [InlineData("<!-- saved page -->\n<div>x</div>")]
    [InlineData("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">")]
    [InlineData("\uFEFF<body>x</body>")]
    [InlineData("Saved from the archive\n<html><body><p>x</p></body></html>")]
    public void Markup_at_the_start_or_a_document_tag_near_it_is_html(string start)
    {
        Assert.True(PageSniffer.LooksLikeHtml(Encoding.UTF8.GetBytes(start)));
    }

    [Theory]
    [InlineData("Field notes\n\nThe river rose two metres overnight.")]
    [InlineData("<3 from the harbour, where the seals are back.")]
    [InlineData("< not a tag, just a comparison")]
    [InlineData("a <b> tag later in running text is not enough")]
    [InlineData("")]
    public void Anything_else_is_text(string start)
    {
        Assert.False(PageSniffer.LooksLikeHtml(Encoding.UTF8.GetBytes(start)));
    }

    [Fact]
    public void A_utf16_page_with_a_byte_order_mark_sniffs_as_its_characters()
    {
        Assert.True(PageSniffer.LooksLikeHtml(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<html><body>x</body></html>")).ToArray()));
    }
}
