using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Features;

/// <summary>
/// The second stage's row as <see cref="FeatureSchema.Version"/> defines it. Trained trees read features by position,
/// so a layout that changed under the same version would let a model load and read the wrong features.
/// </summary>
public sealed class ContextFeatureLayoutTests
{
    /// <summary>The schema version whose layout <see cref="PinnedSlots"/> holds.</summary>
    private const int PinnedVersion = 6;

    private const string ChangeRule =
        "Changing the context feature layout (a slot's order, width or meaning) requires bumping FeatureSchema.Version, " +
        "regenerating the tests' tiny model and retraining the default model (CONTRIBUTING.md, 'A change that touches " +
        "features, segmentation or labels'); then pin the new layout and version here.";

    /// <summary>Every slot of version <see cref="PinnedVersion"/> in the row's order: name:width/what the width is per.</summary>
    private static readonly string[] PinnedSlots =
    [
        "probabilities:1/label", "previous:1/label", "next:1/label", "second-previous:1/label", "second-next:1/label",
        "near-window:1/label", "far-window:1/label", "distance-before:1/label", "distance-after:1/label",
        "container:1/label", "page-mean:1/label", "from-page-mean:1/label", "mass-before:1/label", "coherence:1/label",
        "article-root:2/label",
        "is-html:1", "log-weighted-chars:1", "log-words:1", "average-word-length:1", "punctuation-ratio:1",
        "digit-ratio:1", "upper-ratio:1", "capitalised-word-ratio:1", "sentence-ends:1", "sentence-shape:1",
        "separators:1", "copyright-sign:1", "kind:1", "level:1", "char-share:1", "link-text-share:1",
        "log-link-count:1", "depth:1", "log-container-size:1", "relative-position:1", "log-blocks-before:1",
        "log-blocks-to-end:1", "log-page-blocks:1", "has-markup:1", "legal-phrases:1", "legal-attribute:1",
        "navigation-phrase:1",
        "page-types:1/page-type",
    ];

    [Fact]
    public void The_layout_is_the_one_pinned_for_the_schema_version()
    {
        Assert.True(
            FeatureSchema.Version == PinnedVersion,
            $"FeatureSchema.Version is {FeatureSchema.Version}, this test pins the context layout of version {PinnedVersion}. " +
            "Check that the layout below is the new version's and set PinnedVersion.");
        var actual = ContextFeatureLayout.Slots.Select(Describe).ToArray();
        Assert.True(
            PinnedSlots.SequenceEqual(actual),
            $"{ChangeRule}\nPinned: {string.Join(", ", PinnedSlots)}\nNow:    {string.Join(", ", actual)}");
    }

    [Theory]
    [InlineData(2, 0, 59)]
    [InlineData(3, 0, 75)]
    [InlineData(3, 4, 79)]
    public void The_dimension_is_the_one_pinned_for_the_schema_version(int labels, int pageTypes, int dimension)
    {
        var extractor = new ContextFeatureExtractor(FeatureGroups.All, labels, pageTypes);

        Assert.True(extractor.Dimension == dimension, $"{labels} labels, {pageTypes} page types: {extractor.Dimension} features, pinned {dimension}. {ChangeRule}");
    }

    [Fact]
    public void Slots_follow_one_another_with_no_gap_or_overlap()
    {
        var layout = new ContextFeatureLayout(labels: 3, pageTypes: 4);
        var at = 0;
        for (var i = 0; i < ContextFeatureLayout.Slots.Count; i++)
        {
            var slot = ContextFeatureLayout.Slots[i];
            Assert.Equal(i, slot.Index);
            Assert.Equal(at, layout.Offset(slot));
            at += layout.Width(slot);
        }

        Assert.Equal(at, layout.Dimension);
        Assert.Equal(ContextFeatureLayout.Slots.Count, ContextFeatureLayout.Slots.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Facts_land_in_their_named_slots()
    {
        var page = new PreparedPage(new TextSegmenter().FromParagraphs(["one", "two", "three"], null));
        var extractor = new ContextFeatureExtractor(FeatureGroups.All, 2);
        var layout = extractor.Layout;
        var output = new float[3 * extractor.Dimension];

        extractor.Extract(page, [0.9f, 0.1f, 0.2f, 0.8f, 0.7f, 0.3f], output);

        var middle = output.AsSpan(extractor.Dimension, extractor.Dimension);
        Assert.Equal([0.2f, 0.8f], layout.Of(middle, ContextFeatureLayout.Probabilities).ToArray());
        Assert.Equal([0.9f, 0.1f], layout.Of(middle, ContextFeatureLayout.Previous).ToArray());
        Assert.Equal([0.7f, 0.3f], layout.Of(middle, ContextFeatureLayout.Next).ToArray());
        Assert.Equal([-1f, -1f], layout.Of(middle, ContextFeatureLayout.Container).ToArray());
        Assert.Equal(0.5f, middle[layout.Offset(ContextFeatureLayout.RelativePosition)]);
        Assert.Equal(MathF.Log(3), middle[layout.Offset(ContextFeatureLayout.LogPageBlocks)]);
        Assert.Equal(0f, middle[layout.Offset(ContextFeatureLayout.IsHtml)]);
        Assert.Equal(-1f, middle[layout.Offset(ContextFeatureLayout.Depth)]);
    }

    private static string Describe(ContextSlot slot) => slot.Scale switch
    {
        SlotScale.PerLabel => $"{slot.Name}:{slot.Width}/label",
        SlotScale.PerPageType => $"{slot.Name}:{slot.Width}/page-type",
        _ => $"{slot.Name}:{slot.Width}",
    };
}
