namespace Boilerplate.Training;

/// <summary>What to train on: labelled corpora (their train split) and user samples.</summary>
public sealed record TrainingData
{
    /// <summary>Labelled corpora; only their train split is learnt from, their dev split is scored at the end.</summary>
    public IReadOnlyList<LabelledDataset> Corpora { get; init; } = [];

    /// <summary>User samples (paragraphs or pages).</summary>
    public IReadOnlyList<TrainingSample> Samples { get; init; } = [];

    /// <summary>A one-line description of the data for the model's metadata.</summary>
    public string Describe()
    {
        var parts = Corpora.Select(c => $"{c.Name} train split ({c.Train.Count()} pages, HTML and plain-text views)").ToList();
        var paragraphs = Samples.OfType<TrainingSample.Paragraph>().Count();
        var pages = Samples.OfType<TrainingSample.Page>().Count();
        if (paragraphs + pages > 0)
        {
            parts.Add($"{paragraphs} paragraph samples and {pages} page samples");
        }

        return parts.Count == 0 ? "nothing" : string.Join("; ", parts);
    }
}
