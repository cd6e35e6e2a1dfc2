using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>One block with the model's verdict and the article assembler's decision.</summary>
/// <param name="Block">The block as segmented.</param>
/// <param name="Label">Most probable label.</param>
/// <param name="Scores">One probability per label of <see cref="CleanResult.Labels"/>.</param>
/// <param name="Kept">Whether the block is in the output.</param>
/// <param name="Reason">Why it was dropped ("navigation", "legal", "duplicate", "below threshold", "outside the article", "comment", "markup"); empty when kept.</param>
public sealed record CleanedBlock(Block Block, string Label, float[] Scores, bool Kept, string Reason);
