using System.Text.Json;
using Boilerplate.Core.Model;
using Boilerplate.Training;

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
    /// Trains a small model on the seed samples plus <paramref name="examples"/> of an extra <paramref name="label"/>,
    /// written as a samples file in <paramref name="directory"/> first, as a data person would.
    /// </summary>
    public static BoilerplateModel TrainWithExtraLabel(string directory, string label, IEnumerable<string> examples)
    {
        var samplesPath = Path.Combine(directory, $"{label}-samples.jsonl");
        File.WriteAllLines(samplesPath, examples.Select(text => JsonSerializer.Serialize(new { text, label })));
        var samples = SeedSamples.Load().Concat(SampleReader.Read(samplesPath)).ToList();
        var trainer = new ModelTrainer(new TrainingOptions { Trees = 20, Leaves = 8, EvaluateDev = false });
        return trainer.Train(new TrainingData { Samples = samples }, progress: null, CancellationToken.None);
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
