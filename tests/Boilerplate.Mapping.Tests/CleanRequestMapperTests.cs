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
        Assert.Same(Core.Cleaning.CleanOptions.Default, CleanRequestMapper.ToOptions(null, Labels));
        var mapped = CleanRequestMapper.ToOptions(new CleanOptions(), Labels);
        Assert.Equal(["body"], mapped.KeepLabels);
        Assert.Null(mapped.Threshold);
    }

    [Fact]
    public void Options_carry_over()
    {
        var mapped = CleanRequestMapper.ToOptions(
            new CleanOptions { Bias = 0.5f, Threshold = 0.7f, KeepLabels = { "body", "legal" }, IncludeMarkdown = true, KeepDuplicates = true, IncludeHtml = true },
            Labels);
        Assert.Equal(0.5f, mapped.Bias);
        Assert.Equal(0.7f, mapped.Threshold);
        Assert.Equal(["body", "legal"], mapped.KeepLabels);
        Assert.True(mapped.IncludeMarkdown);
        Assert.True(mapped.KeepDuplicates);
        Assert.True(mapped.IncludeHtml);
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
        Assert.Equal(PageRejection.InvalidOption, e.Reason);
        Assert.Equal(field, e.Field);
        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_the_model_lacks_is_refused_listing_the_models_labels()
    {
        var e = Assert.Throws<PageRejectedException>(() =>
            CleanRequestMapper.ToOptions(new CleanOptions { KeepLabels = { "body", "promo" } }, Labels));
        Assert.Equal(PageRejection.UnknownLabel, e.Reason);
        Assert.Equal("options.keep_labels", e.Field);
        Assert.Contains("\"promo\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("body, navigation, legal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_keep_labels_are_refused_with_their_count_not_their_names()
    {
        var options = new CleanOptions();
        options.KeepLabels.AddRange(Enumerable.Range(0, 10_000).Select(i => $"label-{i:D5}"));

        var e = Assert.Throws<PageRejectedException>(() => CleanRequestMapper.ToOptions(options, Labels));

        Assert.Equal(PageRejection.InvalidOption, e.Reason);
        Assert.Contains("10,000", e.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {CleanRequestMapper.MaxKeepLabels}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("label-", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 200, $"The message is {e.Message.Length} characters long.");
    }

    [Fact]
    public void An_overlong_keep_label_is_refused_by_its_length_without_echoing_it()
    {
        var label = new string('x', 100_000);

        var e = Assert.Throws<PageRejectedException>(() =>
            CleanRequestMapper.ToOptions(new CleanOptions { KeepLabels = { "body", label } }, Labels));

        Assert.Equal(PageRejection.InvalidOption, e.Reason);
        Assert.Equal("options.keep_labels[1]", e.Field);
        Assert.StartsWith("options.keep_labels[1] is 100,000 characters long", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_five_unknown_labels_are_named_and_the_rest_counted()
    {
        var options = new CleanOptions { KeepLabels = { "body" } };
        options.KeepLabels.AddRange(Enumerable.Range(0, CleanRequestMapper.MaxKeepLabels - 1).Select(i => $"unknown-{i}"));

        var e = Assert.Throws<PageRejectedException>(() => CleanRequestMapper.ToOptions(options, Labels));

        Assert.Equal(
            "options.keep_labels names \"unknown-0\", \"unknown-1\", \"unknown-2\", \"unknown-3\", \"unknown-4\" and 58 more " +
            "unknown to the serving model; its labels are body, navigation, legal.",
            e.Message);
    }

    [Fact]
    public void The_most_labels_accepted_at_their_longest_carry_over()
    {
        var longest = new string('b', CleanRequestMapper.MaxLabelChars);
        var options = new CleanOptions();
        options.KeepLabels.AddRange(Enumerable.Repeat(longest, CleanRequestMapper.MaxKeepLabels));

        var mapped = CleanRequestMapper.ToOptions(options, [.. Labels, longest]);

        Assert.Equal(CleanRequestMapper.MaxKeepLabels, mapped.KeepLabels.Count);
    }

    [Fact]
    public void An_unknown_label_cannot_forge_a_line_in_the_message()
    {
        var e = Assert.Throws<PageRejectedException>(() =>
            CleanRequestMapper.ToOptions(new CleanOptions { KeepLabels = { "x\"\ninfo: forged" } }, Labels));

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("\"x\\\"\\u000ainfo: forged\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RepairMode.Unspecified, Core.Repair.RepairMode.Auto)]
    [InlineData(RepairMode.Auto, Core.Repair.RepairMode.Auto)]
    [InlineData(RepairMode.Off, Core.Repair.RepairMode.Off)]
    [InlineData(RepairMode.On, Core.Repair.RepairMode.On)]
    public void Repair_text_maps_to_the_domain_mode_with_auto_by_default(RepairMode mode, Core.Repair.RepairMode expected)
    {
        Assert.Equal(expected, CleanRequestMapper.ToOptions(new CleanOptions { RepairText = mode }, Labels).RepairText);
    }

    [Fact]
    public void An_unknown_repair_mode_is_refused_naming_the_option()
    {
        var e = Assert.Throws<PageRejectedException>(() => CleanRequestMapper.ToOptions(new CleanOptions { RepairText = (RepairMode)9 }, Labels));

        Assert.Equal(PageRejection.InvalidOption, e.Reason);
        Assert.Equal("options.repair_text", e.Field);
        Assert.Contains("options.repair_text is 9", e.Message, StringComparison.Ordinal);
    }
}
