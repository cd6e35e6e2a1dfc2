using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Training;

/// <summary>A segmented page with one label per block, ready to learn from.</summary>
/// <param name="Key">Groups the views of one source page, so cross-validation never splits them across folds.</param>
/// <param name="Page">The blocks.</param>
/// <param name="Labels">One label per block.</param>
/// <param name="Weight">Weight of each of its blocks in training.</param>
public sealed record TrainingPage(string Key, SegmentedPage Page, IReadOnlyList<string> Labels, float Weight = 1f);
