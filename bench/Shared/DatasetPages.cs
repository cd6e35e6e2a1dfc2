using System.IO.Compression;
using Boilerplate.Training;

namespace Boilerplate.Bench;

/// <summary>A dataset page as fetched: the bytes a scraper would send.</summary>
/// <param name="Corpus">The corpus folder name.</param>
/// <param name="Id">The page id within its corpus.</param>
/// <param name="Bytes">The undecoded HTML.</param>
internal sealed record DatasetPage(string Corpus, string Id, byte[] Bytes);

/// <summary>
/// Loads the real pages the bench tools run on (the <c>pages/*.html.gz</c> of one corpus folder, or of the corpora
/// the default model is trained and evaluated on under a datasets root), so every figure they report comes from the
/// same pages the model is evaluated on, and a superseded corpus left beside them is not read.
/// </summary>
internal static class DatasetPages
{
    /// <summary>Environment variable naming the datasets root when no path is given.</summary>
    public const string Variable = "BOILERPLATE_DATASETS";

    /// <summary>
    /// The datasets root: <paramref name="path"/> if given, else <see cref="Variable"/>, else <c>../shared/datasets</c>
    /// beside the checkout the tool was built in (as the bench scripts default it).
    /// </summary>
    public static string Resolve(string? path)
    {
        var chosen = !string.IsNullOrEmpty(path) ? path
            : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : BesideCheckout();
        if (string.IsNullOrEmpty(chosen) || !Directory.Exists(chosen))
        {
            throw new DirectoryNotFoundException($"Datasets folder not found ('{chosen}'); pass it or set {Variable} (e.g. ../shared/datasets).");
        }

        return Path.GetFullPath(chosen);
    }

    /// <summary><c>../shared/datasets</c> from the repository root (the folder holding Boilerplate.sln above the tool), or null outside a checkout.</summary>
    private static string? BesideCheckout()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Boilerplate.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "datasets"));
            }
        }

        return null;
    }

    /// <summary>
    /// The pages of <paramref name="root"/> when it is one corpus (it has a <c>pages</c> folder), else of
    /// <see cref="LabelledDataset.DefaultCorpora"/> under it; ordered by corpus and id.
    /// </summary>
    public static IReadOnlyList<DatasetPage> Load(string root)
    {
        var corpora = Directory.Exists(Path.Combine(root, "pages"))
            ? [root]
            : LabelledDataset.DefaultCorpora.Select(name => Path.Combine(root, name)).ToList();
        var missing = corpora.Where(c => !Directory.Exists(Path.Combine(c, "pages"))).ToList();
        if (missing.Count > 0)
        {
            throw new DirectoryNotFoundException($"No pages folder in {string.Join(", ", missing)}; pass a datasets root holding {string.Join(" and ", LabelledDataset.DefaultCorpora)}, or one corpus folder.");
        }

        var pages = corpora
            .SelectMany(corpus => Directory.EnumerateFiles(Path.Combine(corpus, "pages"), "*.html.gz"))
            .Order(StringComparer.Ordinal)
            .Select(f => new DatasetPage(
                Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f)))!,
                Path.GetFileName(f)[..^".html.gz".Length],
                Gunzip(f)))
            .ToList();
        return pages.Count > 0 ? pages : throw new InvalidDataException($"No pages/*.html.gz under {root}.");
    }

    /// <summary>The page at quantile <paramref name="quantile"/> (0..1) of page size.</summary>
    public static DatasetPage AtSizeQuantile(IReadOnlyList<DatasetPage> pages, double quantile)
    {
        var bySize = pages.OrderBy(p => p.Bytes.Length).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        return bySize[Math.Clamp((int)(quantile * bySize.Count), 0, bySize.Count - 1)];
    }

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }
}
