using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Boilerplate.Core.Features;

namespace Boilerplate.Core.Model;

/// <summary>
/// The model file: a zip holding <c>metadata.json</c> (<see cref="ModelMetadata"/>), <c>features.json</c> (the feature
/// groups), <c>text-model.zip</c> (the first stage, an ML.NET multiclass model) and the second stage: either one ML.NET
/// multiclass model <c>context-model.zip</c>, or one binary ML.NET model per label, <c>context-model-0.zip</c>,
/// <c>context-model-1.zip</c>... in label order; optionally <c>page-type-model.zip</c>, an ML.NET multiclass model over
/// the page-type features, whose types <see cref="ModelMetadata.PageTypes"/> names; and, when labels were added on top
/// of a base model, <c>added-labels-model.zip</c>, the ML.NET multiclass model of <see cref="AddedLabelStage"/>.
/// </summary>
/// <param name="Metadata">What the model says about itself.</param>
/// <param name="Groups">Feature groups the model was trained with.</param>
/// <param name="TextModel">The first stage as saved by ML.NET.</param>
/// <param name="ContextModels">The second stage as saved by ML.NET: one multiclass model, or one binary model per label.</param>
internal sealed record ModelFile(ModelMetadata Metadata, FeatureGroups Groups, byte[] TextModel, IReadOnlyList<byte[]> ContextModels)
{
    public const string MetadataEntry = "metadata.json";
    public const string FeaturesEntry = "features.json";
    public const string TextModelEntry = "text-model.zip";
    public const string ContextModelEntry = "context-model.zip";
    public const string PageTypeModelEntry = "page-type-model.zip";
    public const string AddedLabelsModelEntry = "added-labels-model.zip";

    /// <summary>The page-type model as saved by ML.NET, when the model was trained on pages of known type.</summary>
    public byte[]? PageTypeModel { get; init; }

    /// <summary>The added-label stage as saved by ML.NET, when labels were added on top of a base model.</summary>
    public byte[]? AddedLabelsModel { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Reads and checks a model zip.</summary>
    /// <exception cref="ModelLoadException">Not a zip, a part missing or unreadable, or another feature schema.</exception>
    public static ModelFile Read(Stream stream, string source)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ModelLoadException($"{source} is not a model file (not a zip archive); pass a file written by `boilerplate train`.", e);
        }

        using (zip)
        {
            try
            {
                var metadata = JsonSerializer.Deserialize<ModelMetadata>(ReadEntry(zip, MetadataEntry, source), Json)
                    ?? throw new ModelLoadException($"{source}: {MetadataEntry} is empty; retrain the model.");
                if (metadata.FeatureSchemaVersion != FeatureSchema.Version)
                {
                    throw new ModelLoadException(
                        $"{source} was trained against feature schema {metadata.FeatureSchemaVersion}, but this build extracts schema " +
                        $"{FeatureSchema.Version}. Retrain the model with this build (`boilerplate train`), or run the build it was trained with.");
                }

                if (metadata.Labels is not { Count: >= 2 } || metadata.Labels.Distinct(StringComparer.Ordinal).Count() != metadata.Labels.Count)
                {
                    throw new ModelLoadException($"{source}: {MetadataEntry} must name at least two distinct labels; retrain the model.");
                }

                metadata = metadata with { AddedLabels = metadata.AddedLabels ?? [] };
                if (metadata.BaseLabelCount < 2 || !metadata.AddedLabels.Select(a => a.Name).SequenceEqual(metadata.Labels.Skip(metadata.BaseLabelCount), StringComparer.Ordinal))
                {
                    throw new ModelLoadException($"{source}: {MetadataEntry}'s added labels must be the last of its labels, after at least two base labels; retrain the model.");
                }

                var features = JsonSerializer.Deserialize<FeaturesJson>(ReadEntry(zip, FeaturesEntry, source), Json)
                    ?? throw new ModelLoadException($"{source}: {FeaturesEntry} is empty; retrain the model.");
                var context = zip.GetEntry(ContextModelEntry) is not null
                    ? [ReadEntry(zip, ContextModelEntry, source)]
                    : Enumerable.Range(0, metadata.BaseLabelCount).Select(i => ReadEntry(zip, PerLabelEntry(i), source)).ToList();
                var pageType = metadata.PageTypes is { Count: >= 2 } ? ReadEntry(zip, PageTypeModelEntry, source) : null;
                var added = metadata.AddedLabels.Count > 0 ? ReadEntry(zip, AddedLabelsModelEntry, source) : null;
                return new ModelFile(metadata, features.Groups, ReadEntry(zip, TextModelEntry, source), context) { PageTypeModel = pageType, AddedLabelsModel = added };
            }
            catch (JsonException e)
            {
                throw new ModelLoadException($"{source}: a JSON part is malformed ({e.Message}); use an intact copy of the file, or retrain it.", e);
            }
            catch (InvalidDataException e)
            {
                throw new ModelLoadException($"{source} is damaged ({e.Message}); use an intact copy of the file, or retrain it.", e);
            }
        }
    }

    /// <summary>Writes the zip to <paramref name="stream"/>.</summary>
    public void WriteTo(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, MetadataEntry, JsonSerializer.SerializeToUtf8Bytes(Metadata, Json));
        WriteEntry(zip, FeaturesEntry, JsonSerializer.SerializeToUtf8Bytes(new FeaturesJson(Groups), Json));
        // The ML.NET parts are zips already; storing them uncompressed saves time and nothing else.
        WriteEntry(zip, TextModelEntry, TextModel, CompressionLevel.NoCompression);
        for (var i = 0; i < ContextModels.Count; i++)
        {
            WriteEntry(zip, ContextModels.Count == 1 ? ContextModelEntry : PerLabelEntry(i), ContextModels[i], CompressionLevel.NoCompression);
        }

        if (PageTypeModel is not null)
        {
            WriteEntry(zip, PageTypeModelEntry, PageTypeModel, CompressionLevel.NoCompression);
        }

        if (AddedLabelsModel is not null)
        {
            WriteEntry(zip, AddedLabelsModelEntry, AddedLabelsModel, CompressionLevel.NoCompression);
        }
    }

    /// <summary>Name of the binary second-stage model of label <paramref name="index"/>.</summary>
    public static string PerLabelEntry(int index) => $"context-model-{index}.zip";

    private static byte[] ReadEntry(ZipArchive zip, string name, string source)
    {
        var entry = zip.GetEntry(name)
            ?? throw new ModelLoadException($"{source} lacks its {name} part, so it is not a complete Boilerplate model; retrain it or use an intact copy.");
        using var input = entry.Open();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] bytes, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        // A fixed timestamp keeps two saves of the same model byte-identical.
        entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var output = entry.Open();
        output.Write(bytes);
    }

    private sealed record FeaturesJson(FeatureGroups Groups);
}
