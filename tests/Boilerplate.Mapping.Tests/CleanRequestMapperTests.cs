using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Mapping;
using Boilerplate.Protos.V1;
using Google.Protobuf;

namespace Boilerplate.Mapping.Tests;

public sealed class CleanRequestMapperTests
{
    private static readonly string[] Labels = ["body", "navigation", "legal"];

    [Fact]
    public void Each_content_field_becomes_its_input_with_the_url()
    {
        Assert.Equal("<p>x</p>", Assert.IsType<PageInput.Html>(CleanRequestMapper.ToInput(new CleanRequest { Html = "<p>x</p>" })).Content);
        var bytes = Assert.IsType<PageInput.HtmlBytes>(CleanRequestMapper.ToInput(
            new CleanRequest { HtmlBytes = ByteString.CopyFromUtf8("<p>x</p>"), ContentType = "text/html; charset=utf-8" }));
        Assert.Equal("text/html; charset=utf-8", bytes.ContentType);
        var text = CleanRequestMapper.ToInput(new CleanRequest { Text = "a\n\nb", Url = "https://example.org/a" });
        Assert.Equal("https://example.org/a", text.Url);
        var paragraphs = Assert.IsType<PageInput.Paragraphs>(CleanRequestMapper.ToInput(
            new CleanRequest { Paragraphs = new ParagraphList { Items = { "a", "b" } } }));
        Assert.Equal(["a", "b"], paragraphs.Items);
    }

    [Fact]
    public void Missing_or_empty_content_is_refused_naming_the_field()
    {
        var none = Assert.Throws<PageRejectedException>(() => CleanRequestMapper.ToInput(new CleanRequest()));
        Assert.Equal(PageRejection.InvalidInput, none.Reason);
        Assert.Contains("no content", none.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<PageRejectedException>(() => CleanRequestMapper.ToInput(new CleanRequest { Text = string.Empty }));
        Assert.Contains("text", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_options_are_the_domain_defaults()
    {
        Assert.Same(Core.Cleaning.CleanOptions.Default, CleanRequestMapper.ToOptions(null, Labels));
        var mapped = CleanRequestMapper.ToOptions(new CleanOptions(), Labels);
        Assert.Equal(["body"], mapped.KeepLabels);
        Assert.Null(mapped.Threshold);
    }

    [Fact]
    public void Options_carry_over()
    {
        var mapped = CleanRequestMapper.ToOptions(
            new CleanOptions { Bias = 0.5f, Threshold = 0.7f, KeepLabels = { "body", "legal" }, IncludeMarkdown = true, KeepDuplicates = true },
            Labels);
        Assert.Equal(0.5f, mapped.Bias);
        Assert.Equal(0.7f, mapped.Threshold);
        Assert.Equal(["body", "legal"], mapped.KeepLabels);
        Assert.True(mapped.IncludeMarkdown);
        Assert.True(mapped.KeepDuplicates);
    }

    [Theory]
    [InlineData(1.5f, 0f, "options.bias")]
    [InlineData(float.NaN, 0f, "options.bias")]
    [InlineData(0f, -0.1f, "options.threshold")]
    [InlineData(0f, 1.1f, "options.threshold")]
    public void Out_of_range_options_are_refused_naming_the_option(float bias, float threshold, string field)
    {
        var e = Assert.Throws<PageRejectedException>(() =>
            CleanRequestMapper.ToOptions(new CleanOptions { Bias = bias, Threshold = threshold }, Labels));
        Assert.Equal(PageRejection.InvalidInput, e.Reason);
        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_the_model_lacks_is_refused_listing_the_models_labels()
    {
        var e = Assert.Throws<PageRejectedException>(() =>
            CleanRequestMapper.ToOptions(new CleanOptions { KeepLabels = { "body", "promo" } }, Labels));
        Assert.Contains("\"promo\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("body, navigation, legal", e.Message, StringComparison.Ordinal);
    }
}
