using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Tests.Segmentation.Html;

public class HtmlTokenizerTests
{
    private static HtmlTokenizer StartTag(string html)
    {
        var tokenizer = new HtmlTokenizer(html);
        Assert.Equal(HtmlTokenKind.StartTag, tokenizer.Next());
        return tokenizer;
    }

    private static string? Value(HtmlTokenizer tokenizer, string html, LiteAttribute name)
    {
        foreach (var attribute in tokenizer.Attributes)
        {
            if (attribute.Name == name)
            {
                return html.Substring(attribute.Start, attribute.Length);
            }
        }

        return null;
    }

    [Theory]
    [InlineData("<a href=/x class='c d' id=\"i\" hidden>", "/x", "c d", "i", "")]
    [InlineData("<a HREF = /x CLASS=c ID=i HIDDEN/>", "/x", "c", "i", "")]
    [InlineData("<a href=\"a>b\" class=c>", "a>b", "c", null, null)]
    [InlineData("<a class=first class=second>", null, "first", null, null)]
    public void Attributes_quoted_unquoted_bare_or_repeated(string html, string? href, string? @class, string? id, string? hidden)
    {
        var tokenizer = StartTag(html);
        Assert.Equal("a", tokenizer.TagName);
        Assert.Equal(href, Value(tokenizer, html, LiteAttribute.Href));
        Assert.Equal(@class, Value(tokenizer, html, LiteAttribute.Class));
        Assert.Equal(id, Value(tokenizer, html, LiteAttribute.Id));
        Assert.Equal(hidden, Value(tokenizer, html, LiteAttribute.Hidden));
    }

    [Fact]
    public void Attributes_neither_segmentation_nor_rendering_reads_are_not_kept()
    {
        // src, srcset and alt are read to render the image (Markdown and HTML out); data-x, onerror and title never are.
        var tokenizer = StartTag("<img src=a.png srcset='a 1x, b 2x' data-x=1 onerror=f() alt=y title=t style=s>");
        Assert.Equal([LiteAttribute.Src, LiteAttribute.Srcset, LiteAttribute.Alt, LiteAttribute.Style], tokenizer.Attributes.ToArray().Select(a => a.Name));
    }

    [Fact]
    public void Tag_names_are_lower_case_and_shared()
    {
        var tokenizer = new HtmlTokenizer("<DiV><Custom-Element><custom-element>");
        tokenizer.Next();
        Assert.Same("div", tokenizer.TagName);
        tokenizer.Next();
        var custom = tokenizer.TagName;
        tokenizer.Next();
        Assert.Equal("custom-element", custom);
        Assert.Same(custom, tokenizer.TagName);
    }

    [Fact]
    public void A_huge_attribute_is_a_slice_of_the_source()
    {
        var html = $"<div class=\"{new string('x', 5_000_000)}\">t</div>";
        var tokenizer = StartTag(html);
        Assert.Equal(5_000_000, Assert.Single(tokenizer.Attributes.ToArray()).Length);
        Assert.Equal(HtmlTokenKind.Text, tokenizer.Next());
        Assert.Equal("t", html.Substring(tokenizer.TextStart, tokenizer.TextLength));
    }

    [Theory]
    [InlineData("<!DOCTYPE html>", true)]
    [InlineData("<!doctype HTML>", true)]
    [InlineData("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">", false)]
    [InlineData("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">", true)]
    [InlineData("", false)]
    public void Doctype_decides_standards_mode(string doctype, bool standards)
    {
        var tokenizer = new HtmlTokenizer(doctype + "<p>");
        Assert.Equal(HtmlTokenKind.StartTag, tokenizer.Next());
        Assert.Equal(standards, tokenizer.StandardsDoctype);
    }
}
