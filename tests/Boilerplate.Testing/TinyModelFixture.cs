using System.IO.Compression;
using System.Text.Json;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Testing;

/// <summary>
/// The committed tiny model and six committed dev pages (Fixtures/, embedded): a real model and real pages for unit tests
/// that must run without ../shared. Each test assembly declares its own collection for it, as with <see cref="SmallModelFixture"/>.
/// </summary>
public sealed class TinyModelFixture : IModelFixture, IDisposable
{
    /// <summary>What to do when the committed model no longer loads: the fixture README's command.</summary>
    public const string RegenerateHint =
        "Regenerate tests/Boilerplate.Testing/Fixtures/tiny-model.zip with the command in tests/Boilerplate.Testing/Fixtures/README.md.";

    private const string ModelResource = "Fixtures/tiny-model.zip";

    public TinyModelFixture()
    {
        try
        {
            using var stream = Open(ModelResource);
            Model = BoilerplateModel.Load(stream);
        }
        catch (ModelLoadException e)
        {
            throw new InvalidOperationException($"The committed tiny model does not load ({e.Message}). {RegenerateHint}", e);
        }

        var segmenter = new HtmlSegmenter(SegmentationLimits.Default);
        DevPages = ReadAll("Fixtures/pages.tsv")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Select(columns => segmenter.Segment(ReadAll($"Fixtures/pages/{columns[0]}"), columns[1] is { Length: > 0 } url ? url : null, CancellationToken.None))
            .ToList();
    }

    /// <summary>The committed model.</summary>
    public BoilerplateModel Model { get; }

    /// <summary>The committed pages, segmented, in pages.tsv order.</summary>
    public IReadOnlyList<SegmentedPage> DevPages { get; }

    /// <summary>The feature schema the committed model file says it was trained against, read without loading it.</summary>
    public static int CommittedSchemaVersion()
    {
        using var zip = new ZipArchive(Open(ModelResource), ZipArchiveMode.Read, leaveOpen: false);
        using var metadata = JsonDocument.Parse(zip.GetEntry("metadata.json")!.Open());
        return metadata.RootElement.GetProperty(nameof(ModelMetadata.FeatureSchemaVersion)).GetInt32();
    }

    public void Dispose() => Model.Dispose();

    private static Stream Open(string name) =>
        typeof(TinyModelFixture).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"{name} is not embedded in Boilerplate.Testing.");

    private static string ReadAll(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }
}
