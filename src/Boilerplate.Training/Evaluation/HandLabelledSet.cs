using System.Text.Json;
using System.Text.Json.Serialization;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Training.Evaluation;

/// <summary>One hand-labelled paragraph of the held-out set.</summary>
/// <param name="Text">The paragraph.</param>
/// <param name="Label">body, navigation or legal.</param>
/// <param name="Language">ISO 639-1 code of its language.</param>
public sealed record HandLabelledSample(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("lang")] string Language);

/// <summary>
/// The held-out hand-labelled paragraphs (embedded <c>Evaluation/Samples/hand-labelled.jsonl</c>): body, navigation
/// and legal paragraphs in a dozen languages, Chinese, Japanese, Arabic and Russian among them, written for this
/// purpose and never trained on. Each is scored on its own, as a caller sending single paragraphs would.
/// </summary>
public static class HandLabelledSet
{
    /// <summary>Name of the embedded resource.</summary>
    public const string ResourceName = "Boilerplate.Training.Evaluation.Samples.hand-labelled.jsonl";

    /// <summary>Reads the held-out samples.</summary>
    public static IReadOnlyList<HandLabelledSample> Load()
    {
        using var stream = typeof(HandLabelledSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from this build of Boilerplate.Core.");
        using var reader = new StreamReader(stream);
        return Read(reader, ResourceName);
    }

    /// <summary>
    /// Reads another set of labelled paragraphs in the same form (JSON lines of <c>text</c>, <c>label</c> and
    /// optionally <c>lang</c>), to score a model on lines of one's own alone and inside pages.
    /// </summary>
    public static IReadOnlyList<HandLabelledSample> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    private static List<HandLabelledSample> Read(TextReader reader, string source)
    {
        var samples = new List<HandLabelledSample>();
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            HandLabelledSample? sample;
            try
            {
                sample = JsonSerializer.Deserialize<HandLabelledSample>(line);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{source}, line {number}: not a JSON object ({e.Message}).", e);
            }

            if (sample is null || string.IsNullOrWhiteSpace(sample.Text) || string.IsNullOrWhiteSpace(sample.Label))
            {
                throw new InvalidDataException($"{source}, line {number}: a labelled paragraph needs \"text\" and \"label\".");
            }

            samples.Add(sample with { Language = sample.Language ?? string.Empty });
        }

        return samples;
    }

    /// <summary>Labels every sample (default: the held-out set) with <paramref name="classifier"/>, each paragraph alone.</summary>
    public static ClassificationReport Evaluate(IBlockClassifier classifier, IReadOnlyList<HandLabelledSample>? samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var segmenter = new TextSegmenter();
        var pairs = new List<(string, string)>();
        foreach (var sample in samples ?? Load())
        {
            var page = segmenter.FromParagraphs([sample.Text], null);
            var scores = classifier.Score(page, cancellationToken);
            pairs.Add((sample.Label, classifier.Labels[scores.ArgMax(0)]));
        }

        return new ClassificationReport(pairs);
    }
}
