namespace Boilerplate.Training;

/// <summary>
/// The hand-written seed samples embedded in Boilerplate.Core: labelled paragraphs in many languages that the corpora
/// (mostly English, with no navigation/legal split) lack. The default model is trained with them; the held-out
/// hand-labelled evaluation set (Evaluation.HandLabelledSet) is separate and never trained on.
/// </summary>
public static class SeedSamples
{
    /// <summary>Name of the embedded resource.</summary>
    public const string ResourceName = "Boilerplate.Training.Samples.seed-samples.jsonl";

    /// <summary>Reads the seed samples.</summary>
    public static IReadOnlyList<TrainingSample> Load()
    {
        using var stream = typeof(SeedSamples).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from this build of Boilerplate.Core.");
        using var reader = new StreamReader(stream);
        return SampleReader.Read(reader, "seed-samples.jsonl", AppContext.BaseDirectory);
    }
}
