using Boilerplate.Core.Training;

namespace Boilerplate.Cli.Evaluate;

/// <summary>Reads the corpora a folder holds: the folder itself when it is a corpus, else every corpus folder in it.</summary>
internal static class CorpusFolders
{
    /// <summary>One corpus when <paramref name="folder"/> has a truth file, else every sub-folder that has one, by name.</summary>
    /// <exception cref="InvalidDataException">No corpus there, or a corpus that does not read.</exception>
    public static IReadOnlyList<LabelledDataset> Load(string folder)
    {
        if (File.Exists(Path.Combine(folder, "truth.jsonl")))
        {
            return [LabelledDataset.Load(folder)];
        }

        var corpora = Directory.EnumerateDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, "truth.jsonl")))
            .Order(StringComparer.Ordinal)
            .Select(LabelledDataset.Load)
            .ToList();
        return corpora.Count > 0 ? corpora : throw new InvalidDataException($"No corpus (a folder with truth.jsonl) in '{folder}'.");
    }
}
