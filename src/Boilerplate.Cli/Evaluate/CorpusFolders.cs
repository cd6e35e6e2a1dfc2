using Boilerplate.Training;

namespace Boilerplate.Cli.Evaluate;

/// <summary>
/// Reads the corpora a folder holds: the folder itself when it is a corpus; else, in a datasets root, the default
/// model's corpora (<see cref="LabelledDataset.DefaultCorpora"/>) when they are all there, or every corpus folder.
/// </summary>
internal static class CorpusFolders
{
    /// <summary>One corpus when <paramref name="folder"/> has a truth file, else the default corpora, else every sub-folder that has one, by name.</summary>
    /// <exception cref="InvalidDataException">No corpus there, or a corpus that does not read.</exception>
    public static IReadOnlyList<LabelledDataset> Load(string folder)
    {
        if (File.Exists(Path.Combine(folder, "truth.jsonl")))
        {
            return [LabelledDataset.Load(folder)];
        }

        var defaults = LabelledDataset.DefaultCorpora.Select(name => Path.Combine(folder, name)).ToList();
        if (defaults.All(d => File.Exists(Path.Combine(d, "truth.jsonl"))))
        {
            return defaults.Select(LabelledDataset.Load).ToList();
        }

        var corpora = Directory.EnumerateDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "truth.jsonl")))
            .Order(StringComparer.Ordinal)
            .Select(LabelledDataset.Load)
            .ToList();
        return corpora.Count > 0 ? corpora : throw new InvalidDataException($"No corpus (a folder with truth.jsonl) in '{folder}'.");
    }
}
