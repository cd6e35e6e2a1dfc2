using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;
using Boilerplate.Core.Tests.Pipeline;

namespace Boilerplate.Core.Tests.Cleaning;

/// <summary>The one set of option rules; the service and the CLI refuse through these same checks.</summary>
public sealed class CleanOptionsValidatorTests
{
    private static readonly string[] Labels = ["body", "navigation", "legal"];

    private static readonly Dictionary<string, CleanOptions> Refused = new()
    {
        ["wrong case"] = new CleanOptions { KeepLabels = ["Body"] },
        ["too many labels"] = new CleanOptions { KeepLabels = [.. Enumerable.Repeat("body", CleanOptionsValidator.MaxKeepLabels + 1)] },
        ["overlong label"] = new CleanOptions { KeepLabels = [new string('b', CleanOptionsValidator.MaxLabelChars + 1)] },
        ["bias"] = new CleanOptions { Bias = 2f },
        ["threshold"] = new CleanOptions { Threshold = -0.1f },
    };

    private static PageRejectedException Refusal(CleanOptions options, IReadOnlyList<string>? labels = null) =>
        Assert.Throws<PageRejectedException>(() => CleanOptionsValidator.Validate(options, labels ?? Labels));

    [Fact]
    public void The_defaults_and_options_in_range_pass()
    {
        CleanOptionsValidator.Validate(CleanOptions.Default, Labels);
        CleanOptionsValidator.Validate(new CleanOptions { Bias = -1f, Threshold = 1f, KeepLabels = ["body", "legal"] }, Labels);
        CleanOptionsValidator.Validate(new CleanOptions { Bias = 1f, Threshold = float.Epsilon }, Labels);
    }

    [Theory]
    [InlineData(1.5f, null, "options.bias")]
    [InlineData(float.NaN, null, "options.bias")]
    [InlineData(float.NegativeInfinity, null, "options.bias")]
    [InlineData(0f, -0.1f, "options.threshold")]
    [InlineData(0f, 0f, "options.threshold")]
    [InlineData(0f, 1.1f, "options.threshold")]
    [InlineData(0f, float.NaN, "options.threshold")]
    public void Out_of_range_options_are_refused_naming_the_option(float bias, float? threshold, string field)
    {
        var e = Refusal(new CleanOptions { Bias = bias, Threshold = threshold });

        Assert.Equal(PageRejection.InvalidOption, e.Reason);
        Assert.Equal(field, e.Field);
        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_keep_label_is_refused_listing_the_models_labels()
    {
        var e = Refusal(new CleanOptions { KeepLabels = [] });

        Assert.Equal(PageRejection.InvalidOption, e.Reason);
        Assert.Equal("options.keep_labels", e.Field);
        Assert.Contains("body, navigation, legal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_the_model_lacks_is_refused_listing_the_models_labels()
    {
        var e = Refusal(new CleanOptions { KeepLabels = ["body", "promo"] });

        Assert.Equal(PageRejection.UnknownLabel, e.Reason);
        Assert.Equal("options.keep_labels", e.Field);
        Assert.Equal("options.keep_labels names \"promo\" unknown to the serving model; its labels are body, navigation, legal.", e.Message);
    }

    [Theory]
    [InlineData("Body")]
    [InlineData("BODY")]
    [InlineData("body ")]
    public void Labels_match_exactly_so_another_case_is_unknown(string label)
    {
        var e = Refusal(new CleanOptions { KeepLabels = [label] });

        Assert.Equal(PageRejection.UnknownLabel, e.Reason);
        Assert.Equal("options.keep_labels", e.Field);
        Assert.Contains($"\"{label}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_keep_labels_are_refused_with_their_count_not_their_names()
    {
        var e = Refusal(new CleanOptions { KeepLabels = [.. Enumerable.Range(0, 10_000).Select(i => $"label-{i:D5}")] });

        Assert.Equal(PageRejection.InvalidOption, e.Reason);
        Assert.Equal("options.keep_labels", e.Field);
        Assert.Contains("10,000", e.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {CleanOptionsValidator.MaxKeepLabels}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("label-", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 200, $"The message is {e.Message.Length} characters long.");
    }

    [Fact]
    public void An_overlong_keep_label_is_refused_by_its_length_without_echoing_it()
    {
        var e = Refusal(new CleanOptions { KeepLabels = ["body", new string('x', 100_000)] });

        Assert.Equal(PageRejection.InvalidOption, e.Reason);
        Assert.Equal("options.keep_labels[1]", e.Field);
        Assert.StartsWith("options.keep_labels[1] is 100,000 characters long", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_five_unknown_labels_are_named_and_the_rest_counted()
    {
        var e = Refusal(new CleanOptions { KeepLabels = ["body", .. Enumerable.Range(0, CleanOptionsValidator.MaxKeepLabels - 1).Select(i => $"unknown-{i}")] });

        Assert.Equal(
            "options.keep_labels names \"unknown-0\", \"unknown-1\", \"unknown-2\", \"unknown-3\", \"unknown-4\" and 58 more " +
            "unknown to the serving model; its labels are body, navigation, legal.",
            e.Message);
    }

    [Fact]
    public void The_most_labels_accepted_at_their_longest_pass()
    {
        var longest = new string('b', CleanOptionsValidator.MaxLabelChars);

        CleanOptionsValidator.Validate(new CleanOptions { KeepLabels = [.. Enumerable.Repeat(longest, CleanOptionsValidator.MaxKeepLabels)] }, [.. Labels, longest]);
    }

    [Fact]
    public void An_unknown_label_cannot_forge_a_line_in_the_message()
    {
        var e = Refusal(new CleanOptions { KeepLabels = ["x\"\ninfo: forged"] });

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("\"x\\\"\\u000ainfo: forged\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong case")]
    [InlineData("too many labels")]
    [InlineData("overlong label")]
    [InlineData("bias")]
    [InlineData("threshold")]
    public void The_pipeline_refuses_as_the_rules_do_before_segmenting(string refused)
    {
        var options = Refused[refused];
        using var pipeline = new CleaningPipeline(SegmentationLimits.Default);
        var expected = Refusal(options);

        // An empty page would be refused as EMPTY_PAGE by segmentation: the options are checked first.
        var e = Assert.Throws<PageRejectedException>(() =>
            pipeline.Clean(new PageInput.Text(string.Empty), new AllBodyClassifier(), options, CancellationToken.None));

        Assert.Equal((expected.Reason, expected.Field, expected.Message), (e.Reason, e.Field, e.Message));
    }
}
