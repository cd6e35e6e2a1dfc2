using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Training;

/// <summary>Refuses what no one should roll out: a model that tells its own training samples apart no better than a coin.</summary>
public static class TrainedModelCheck
{
    /// <summary>Least spread between a block's most and least probable label for the model to count as telling labels apart.</summary>
    private const float MinimumSpread = 0.05f;

    /// <summary>
    /// Why <paramref name="model"/> is degenerate on <paramref name="samples"/> (every block gets the same label, or
    /// every label about the same probability), or null when it is not.
    /// </summary>
    public static string? Degenerate(BoilerplateModel model, IReadOnlyList<TrainingSample> samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        var segmenter = new TextSegmenter(SegmentationLimits.Default);
        var paragraphs = samples.OfType<TrainingSample.Paragraph>().ToList();
        if (paragraphs.Count == 0)
        {
            return null;
        }

        var predicted = new HashSet<string>(StringComparer.Ordinal);
        var flat = 0;
        var blocks = 0;
        foreach (var sample in paragraphs)
        {
            var scores = model.Score(segmenter.FromParagraphs([sample.Text], null), cancellationToken);
            for (var i = 0; i < scores.BlockCount; i++)
            {
                var row = scores.For(i);
                blocks++;
                predicted.Add(model.Labels[scores.ArgMax(i)]);
                var max = float.MinValue;
                var min = float.MaxValue;
                foreach (var p in row)
                {
                    max = Math.Max(max, p);
                    min = Math.Min(min, p);
                }

                if (max - min < MinimumSpread)
                {
                    flat++;
                }
            }
        }

        var labels = paragraphs.Select(p => p.Label).Distinct(StringComparer.Ordinal).Count();
        if (blocks > 0 && flat == blocks)
        {
            return $"The trained model gives every label about the same probability on every one of its {blocks} sample blocks: it learnt nothing.";
        }

        return labels > 1 && predicted.Count == 1
            ? $"The trained model gives all {blocks} sample blocks the same label ({predicted.Single()}), though the samples hold {labels} labels."
            : null;
    }
}
