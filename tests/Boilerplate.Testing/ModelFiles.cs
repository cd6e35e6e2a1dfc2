using System.Text.Json;
using Boilerplate.Core.Model;
using Boilerplate.Training;
using Boilerplate.Training.AddedLabels;

namespace Boilerplate.Testing;

/// <summary>Model files for tests that point the service at a path: the default model saved out, and corrupt files.</summary>
public static class ModelFiles
{
    /// <summary>Writes the embedded default model to <paramref name="path"/>; returns its version.</summary>
    public static string WriteDefault(string path)
    {
        using var model = BoilerplateModel.LoadDefault();
        model.Save(path);
        return model.Version;
    }

    /// <summary>
    /// Adds <paramref name="label"/> on top of the default model from <paramref name="examples"/>, written as a samples
    /// file in <paramref name="directory"/> first, as `boilerplate train --samples FILE --base default` does (fewer base
    /// pages and folds, so it takes seconds).
    /// </summary>
    public static BoilerplateModel AddLabel(string directory, string label, IEnumerable<string> examples)
    {
        var samplesPath = Path.Combine(directory, $"{label}-samples.jsonl");
        File.WriteAllLines(samplesPath, examples.Select(text => JsonSerializer.Serialize(new { text, label })));
        using var baseModel = BoilerplateModel.LoadDefault();
        var corpora = LabelledDataset.DefaultCorpora.Select(name => LabelledDataset.Load(SharedData.PathOf("datasets", name)).Take(30)).ToList();
        var options = new AddedLabelOptions { BasePages = 20, Folds = 2, EvaluateDev = false };
        return new AddedLabelTrainer(options).Train(baseModel, SampleReader.Read(samplesPath), corpora, null, CancellationToken.None).Model;
    }

    /// <summary>Bytes that are no model: a zip header followed by noise, as a truncated copy would look.</summary>
    public static byte[] Corrupt() => [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))];

    /// <summary>A fresh empty directory under the temp folder.</summary>
    public static string TempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "boilerplate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
