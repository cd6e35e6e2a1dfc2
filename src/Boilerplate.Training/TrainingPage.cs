using Boilerplate.Core.Segmentation;

namespace Boilerplate.Training;

/// <summary>A segmented page with one label per block, ready to learn from.</summary>
/// <param name="Key">Groups the views of one source page, so cross-validation never splits them across folds.</param>
/// <param name="Page">The blocks.</param>
/// <param name="Labels">One label per block.</param>
/// <param name="Weight">Weight of each of its blocks in training.</param>
/// <param name="DerivedLabels">
/// Whether the labels were derived from an article body (and so carry the web's skew: legal text is rare) rather
/// than given by a person, who chose what to show; only derived labels are rebalanced.
/// </param>
public sealed record TrainingPage(string Key, SegmentedPage Page, IReadOnlyList<string> Labels, float Weight = 1f, bool DerivedLabels = true)
{
    /// <summary>The source page's type when its corpus names one (only on whole-page views, which the page-type model learns from).</summary>
    public string? PageType { get; init; }

    /// <summary>Whether this is a whole page's HTML or plain-text view, rather than a part of it (an article, a lead, a paragraph alone).</summary>
    public bool IsPageView { get; init; }
}
