using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Mapping;
using Boilerplate.Protos.V1;
using Google.Protobuf;

namespace Boilerplate.Mapping.Tests;

public sealed class CleanRequestMapperTests
{
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
        Assert.Equal(PageRejection.EmptyPage, none.Reason);
        Assert.Contains("no content", none.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<PageRejectedException>(() => CleanRequestMapper.ToInput(new CleanRequest { Text = string.Empty }));
        Assert.Contains("text", empty.Message, StringComparison.Ordinal);
        Assert.Equal(PageRejection.EmptyPage, empty.Reason);
        Assert.Equal("text", empty.Field);
    }

    [Fact]
    public void Absent_options_are_the_domain_defaults()
    {
        Assert.Same(Core.Cleaning.CleanOptions.Default, CleanRequestMapper.ToOptions(null));
        var mapped = CleanRequestMapper.ToOptions(new CleanOptions());
        Assert.Equal(["body"], mapped.KeepLabels);
        Assert.Null(mapped.Threshold);
    }

    [Fact]
    public void Options_carry_over()
    {
        var mapped = CleanRequestMapper.ToOptions(
            new CleanOptions { Bias = 0.5f, Threshold = 0.7f, KeepLabels = { "body", "legal" }, IncludeMarkdown = true, KeepDuplicates = true, IncludeHtml = true });
        Assert.Equal(0.5f, mapped.Bias);
        Assert.Equal(0.7f, mapped.Threshold);
        Assert.Equal(["body", "legal"], mapped.KeepLabels);
        Assert.True(mapped.IncludeMarkdown);
        Assert.True(mapped.KeepDuplicates);
        Assert.True(mapped.IncludeHtml);
    }

    [Fact]
    public void Options_are_translated_as_sent_for_the_domain_to_check()
    {
        // The mapper only translates: the domain's CleanOptionsValidator refuses, the same for every caller.
        var mapped = CleanRequestMapper.ToOptions(new CleanOptions { Bias = 1.5f, Threshold = -0.1f, KeepLabels = { "Body", new string('x', 100) } });

        Assert.Equal(1.5f, mapped.Bias);
        Assert.Equal(-0.1f, mapped.Threshold);
        Assert.Equal(["Body", new string('x', 100)], mapped.KeepLabels);
    }

    [Theory]
    [InlineData(RepairMode.Unspecified, Core.Repair.RepairMode.Auto)]
    [InlineData(RepairMode.Auto, Core.Repair.RepairMode.Auto)]
    [InlineData(RepairMode.Off, Core.Repair.RepairMode.Off)]
    [InlineData(RepairMode.On, Core.Repair.RepairMode.On)]
    public void Repair_text_maps_to_the_domain_mode_with_auto_by_default(RepairMode mode, Core.Repair.RepairMode expected)
    {
        Assert.Equal(expected, CleanRequestMapper.ToOptions(new CleanOptions { RepairText = mode }).RepairText);
    }

    [Fact]
    public void An_unknown_repair_mode_is_refused_naming_the_option()
    {
        var e = Assert.Throws<PageRejectedException>(() => CleanRequestMapper.ToOptions(new CleanOptions { RepairText = (RepairMode)9 }));

        Assert.Equal(PageRejection.InvalidOption, e.Reason);
        Assert.Equal("options.repair_text", e.Field);
        Assert.Contains("options.repair_text is 9", e.Message, StringComparison.Ordinal);
    }
}
