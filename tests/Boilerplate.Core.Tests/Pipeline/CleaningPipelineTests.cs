using System.Text;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Repair;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;

namespace Boilerplate.Core.Tests.Pipeline;

public sealed class CleaningPipelineTests : IDisposable
{
    private readonly CleaningPipeline _pipeline = new(SegmentationLimits.Default);

    public void Dispose() => _pipeline.Dispose();

    [Trait("Category", "Quality")]
    [Fact]
    public void Seed_article_teaser_is_dropped_as_duplicate()
    {
        var text = File.ReadAllText(SharedData.PathOf("examples", "seed-article.txt"));
        var result = _pipeline.Clean(new PageInput.Text(text), new AllBodyClassifier(), CleanOptions.Default, CancellationToken.None);

        Assert.Equal("U.S. drones fight Mx drug trade", result.Title);
        var teaser = Assert.Single(result.Blocks, p => p.Block.Text.EndsWith("deep...", StringComparison.Ordinal));
        Assert.False(teaser.Kept);
        Assert.Equal(ArticleAssembler.Duplicate, teaser.Reason);
        Assert.Single(result.Blocks, p => !p.Kept);
        Assert.Contains("sending drones deep into Mexican territory", result.Text);
        Assert.DoesNotContain("deep...", result.Text);
        Assert.Equal("test-all-body", result.ModelVersion);
    }

    [Trait("Category", "Quality")]
    [Fact]
    public void Seed_article_is_repaired_before_scoring_and_each_block_lists_its_repairs()
    {
        var text = File.ReadAllText(SharedData.PathOf("examples", "seed-article.txt"));
        var result = _pipeline.Clean(new PageInput.Text(text), new AllBodyClassifier(), CleanOptions.Default, CancellationToken.None);

        Assert.Contains("in Mexico’s drug war", result.Text, StringComparison.Ordinal);
        Assert.Contains("“It wasn’t that long ago when", result.Text, StringComparison.Ordinal);
        Assert.Contains("doing now,” said Mike Vigil", result.Text, StringComparison.Ordinal);
        Assert.Contains("counternarcotics “fusion” center", result.Text, StringComparison.Ordinal);
        Assert.Contains("the two countries’ deepening", result.Text, StringComparison.Ordinal);
        Assert.Matches("WASHINGTON [—–] Stepping", result.Text);
        Assert.Matches("southern border [—–] and now over Mexican territory [—–] that", result.Text);
        Assert.Contains("Felipe Calderón, formally", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("_", result.Text, StringComparison.Ordinal);

        // The teaser still repeats the lead once both are repaired the same way.
        var teaser = Assert.Single(result.Blocks, p => p.Block.Text.EndsWith("deep...", StringComparison.Ordinal));
        Assert.Equal(ArticleAssembler.Duplicate, teaser.Reason);
        var lead = result.Blocks.First(p => p.Kept && p.Block.Text.StartsWith("WASHINGTON", StringComparison.Ordinal));
        Assert.Equal(["_", "_"], lead.Block.Repairs.Select(r => r.Original));
        Assert.All(lead.Block.Repairs, r => Assert.Equal(r.Replacement, lead.Block.Text.Substring(r.Offset, r.Replacement.Length)));
    }

    [Trait("Category", "Quality")]
    [Fact]
    public void Repair_off_leaves_the_seed_as_it_came()
    {
        var text = File.ReadAllText(SharedData.PathOf("examples", "seed-article.txt"));
        var options = CleanOptions.Default with { RepairText = RepairMode.Off };

        var result = _pipeline.Clean(new PageInput.Text(text), new AllBodyClassifier(), options, CancellationToken.None);

        Assert.Contains("WASHINGTON _ Stepping up its involvement in Mexico_s drug war", result.Text, StringComparison.Ordinal);
        Assert.All(result.Blocks, p => Assert.Empty(p.Block.Repairs));
    }

    [Fact]
    public void An_undamaged_page_with_underscores_is_not_touched()
    {
        const string Text = "Configure the client\n\nSet max_retries and __init__ in settings_local.py, then read _id from https://example.org/a_b.\n\nIt's done.";

        var result = _pipeline.Clean(new PageInput.Text(Text), new AllBodyClassifier(), CleanOptions.Default, CancellationToken.None);

        Assert.Contains("Set max_retries and __init__ in settings_local.py, then read _id from https://example.org/a_b.", result.Text, StringComparison.Ordinal);
        Assert.All(result.Blocks, p => Assert.Empty(p.Block.Repairs));
    }

    public static TheoryData<PageInput> EmptyInputs() =>
    [
        new PageInput.Html(string.Empty),
        new PageInput.HtmlBytes(ReadOnlyMemory<byte>.Empty, "text/html"),
        new PageInput.Text(string.Empty),
        new PageInput.Paragraphs([]),
    ];

    [Theory]
    [MemberData(nameof(EmptyInputs))]
    public void Empty_content_is_refused_with_a_clear_message(PageInput input)
    {
        var error = Assert.Throws<PageRejectedException>(() => _pipeline.Segment(input, CancellationToken.None));
        Assert.Equal(PageRejection.EmptyPage, error.Reason);
        Assert.Contains("html, html_bytes, text or paragraphs", error.Message);
    }

    [Fact]
    public void Each_input_form_is_dispatched_to_its_segmenter()
    {
        var html = _pipeline.Segment(new PageInput.Html("<p>Hello</p>") { Url = "https://a" }, CancellationToken.None);
        Assert.Equal((InputFormat.Html, "https://a", "p"), (html.Format, html.Url, html.Blocks[0].Dom!.Tag));

        var bytes = _pipeline.Segment(
            new PageInput.HtmlBytes(Encoding.GetEncoding("iso-8859-1").GetBytes("<p>Café</p>"), "text/html; charset=iso-8859-1"),
            CancellationToken.None);
        Assert.Equal("Café", bytes.Blocks[0].Text);

        Assert.Equal(InputFormat.Text, _pipeline.Segment(new PageInput.Text("One.\n\nTwo."), CancellationToken.None).Format);
        Assert.Equal(2, _pipeline.Segment(new PageInput.Paragraphs(["One.", "Two."]), CancellationToken.None).Blocks.Count);
    }

    [Fact]
    public void Oversized_page_is_refused_as_too_large_with_the_limit_named()
    {
        using var small = new CleaningPipeline(SegmentationLimits.Default with { MaxInputChars = 1000 });
        var error = Assert.Throws<PageRejectedException>(() => small.Segment(new PageInput.Html(new string('a', 1001)), CancellationToken.None));
        Assert.Equal(PageRejection.TooLarge, error.Reason);
        Assert.Contains("MaxInputChars", error.Message);
        Assert.Contains("1,000", error.Message);
    }

    [Fact]
    public void Cancelled_request_throws_operation_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => _pipeline.Segment(new PageInput.Html("<p>x</p>"), cancelled.Token));
    }
}
