using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Model;

/// <summary>Scores every block of a page with one probability per label. Implementations are thread-safe.</summary>
public interface IBlockClassifier
{
    /// <summary>The labels, in the order of each block's scores.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Version of the model behind this classifier (content hash).</summary>
    string Version { get; }

    /// <summary>Scores all blocks of <paramref name="page"/> in one pass.</summary>
    PageScores Score(SegmentedPage page, CancellationToken cancellationToken);
}
