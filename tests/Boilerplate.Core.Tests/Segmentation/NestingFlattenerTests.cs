using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Segmentation;

public class NestingFlattenerTests
{
    private static string Nested(string tag, int depth, string inner) =>
        string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + inner + string.Concat(Enumerable.Repeat($"</{tag}>", depth));

    [Fact]
    public void Shallow_page_is_returned_unchanged()
    {
        var html = "<html><body><div class='a>b'><p>x<p>y<ul><li>1<li>2</ul><!-- <div><div> --><script>'<div>'</script></div></body></html>";
        Assert.Same(html, NestingFlattener.Flatten(html, 5));
    }

    [Fact]
    public void Tags_beyond_the_cap_are_removed_and_their_text_kept()
    {
        var flat = NestingFlattener.Flatten(Nested("div", 10, "deep text"), 3);
        Assert.Equal("<div><div><div>" + new string(' ', 7) + "deep text" + new string(' ', 7) + "</div></div></div>", flat);
    }

    [Fact]
    public void Implied_end_tags_do_not_count_as_nesting()
    {
        var html = string.Concat(Enumerable.Repeat("<p>para", 50)) + string.Concat(Enumerable.Repeat("<li>item", 50));
        Assert.Same(html, NestingFlattener.Flatten(html, 5));
    }

    [Fact]
    public void Raw_text_of_a_removed_element_stays_text()
    {
        var html = "<div><div><script>if (a < b) x();</script></div></div>";
        Assert.Equal("<div>  if (a < b) x();  </div>", NestingFlattener.Flatten(html, 1));
    }
}
