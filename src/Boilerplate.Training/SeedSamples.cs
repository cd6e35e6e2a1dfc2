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

    private const string FileName = "seed-samples.jsonl";

    /// <summary>Whether <paramref name="sample"/> is one of the seed samples rather than a user's.</summary>
    public static bool IsSeed(TrainingSample sample) =>
        sample?.Source.StartsWith(FileName + ":", StringComparison.Ordinal) ?? throw new ArgumentNullException(nameof(sample));

    /// <summary>Reads the seed samples.</summary>
    public static IReadOnlyList<TrainingSample> Load()
    {
        using var stream = typeof(SeedSamples).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from this build of Boilerplate.Core.");
        using var reader = new StreamReader(stream);
        return SampleReader.Read(reader, FileName, AppContext.BaseDirectory);
    }
}
