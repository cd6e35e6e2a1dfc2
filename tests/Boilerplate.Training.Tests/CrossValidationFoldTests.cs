using Boilerplate.Training;

namespace Boilerplate.Training.Tests;

/// <summary>Which pages a cross-validation fold holds out together: no training, so it runs with the unit tests.</summary>
[Trait("Category", "Unit")]
public sealed class CrossValidationFoldTests
{
    [Fact]
    public void A_site_is_held_out_whole_across_corpora_and_a_page_without_a_url_by_itself()
    {
        static LabelledPage Page(string corpus, string id, string? url) => new(corpus, id, url, "t", "b", [], [], "p.html.gz");

        var pages = new[]
        {
            Page("wcxb-dev", "1", "https://www.Example.com/a"),
            Page("wcxb-dev", "2", "http://example.com/b?x=1"),
            Page("readability-pages", "3", "https://EXAMPLE.COM/c"),
        };
        Assert.All(pages, p => Assert.Equal("example.com", p.Site));
        for (var folds = 2; folds <= 7; folds++)
        {
            Assert.Single(pages.Select(p => CrossValidation.FoldOf(p, folds)).Distinct());
        }

        // Without a URL the page is its own group; other sites spread over the folds.
        var bare = Page("wcxb-dev", "4", null);
        Assert.Null(bare.Site);
        Assert.Equal("wcxb-dev/4", bare.FoldGroup);
        var spread = Enumerable.Range(0, 300).Select(i => CrossValidation.FoldOf(Page("wcxb-dev", $"s{i}", $"https://site{i}.example.org/"), 3)).ToList();
        Assert.All(Enumerable.Range(0, 3), fold => Assert.InRange(spread.Count(f => f == fold), 70, 130));
    }
}
