using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Pipeline;

/// <summary>Test double: scores every block as certain "body", so tests can isolate what the article assembler itself drops.</summary>
internal sealed class AllBodyClassifier : IBlockClassifier
{
    public IReadOnlyList<string> Labels { get; } = ["body", "navigation", "legal"];

    public string Version => "test-all-body";

    public PageScores Score(SegmentedPage page, CancellationToken cancellationToken)
    {
        var probabilities = new float[page.Blocks.Count * Labels.Count];
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            probabilities[i * Labels.Count] = 1f;
        }

        return new PageScores(Labels, probabilities);
    }
}
