using System.Text.Json;
using System.Text.Json.Serialization;

namespace Boilerplate.Training;

/// <summary>
/// A labelled corpus folder: <c>pages/&lt;id&gt;.html.gz</c> plus <c>truth.jsonl</c> with one
/// <c>{"id","url","title","articleBody","with","without"}</c> object per line (WCXB adds <c>page_type</c>). Pages are read lazily, so loading a
/// corpus costs only its truth file.
/// </summary>
public sealed class LabelledDataset
{
    private LabelledDataset(string name, string directory, IReadOnlyList<LabelledPage> pages)
    {
        Name = name;
        Directory = directory;
        Pages = pages;
    }

    /// <summary>The corpus names shipped in the shared datasets folder, used by the default model.</summary>
    public static IReadOnlyList<string> DefaultCorpora { get; } = ["wcxb-dev", "readability-pages"];

    /// <summary>Corpus name (its folder name).</summary>
    public string Name { get; }

    /// <summary>The corpus folder.</summary>
    public string Directory { get; }

    /// <summary>All pages, in truth-file order.</summary>
    public IReadOnlyList<LabelledPage> Pages { get; }

    /// <summary>Pages of the training split.</summary>
    public IEnumerable<LabelledPage> Train => Pages.Where(p => !p.IsDev);

    /// <summary>Pages of the held-out dev split.</summary>
    public IEnumerable<LabelledPage> Dev => Pages.Where(p => p.IsDev);

    /// <summary>The first <paramref name="count"/> pages only, for quick experiments and tests.</summary>
    public LabelledDataset Take(int count) => new(Name, Directory, Pages.Take(count).ToList());

    /// <summary>Only the pages that match <paramref name="predicate"/>, for experiments and tests.</summary>
    public LabelledDataset Where(Func<LabelledPage, bool> predicate) => new(Name, Directory, Pages.Where(predicate).ToList());

    /// <summary>Reads the truth file of the corpus in <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">A truth line is not valid, or names a page that is missing.</exception>
    public static LabelledDataset Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var full = Path.GetFullPath(directory);
        var truthPath = Path.Combine(full, "truth.jsonl");
        if (!File.Exists(truthPath))
        {
            throw new FileNotFoundException($"No truth.jsonl in corpus folder '{full}'.", truthPath);
        }

        var name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
        var pages = new List<LabelledPage>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(truthPath))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            TruthLine? truth;
            try
            {
                truth = JsonSerializer.Deserialize(line, TruthJsonContext.Default.TruthLine);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{truthPath}:{lineNumber}: not a JSON object ({e.Message}).", e);
            }

            if (truth?.Id is null || truth.ArticleBody is null)
            {
                throw new InvalidDataException($"{truthPath}:{lineNumber}: \"id\" and \"articleBody\" are required.");
            }

            var htmlPath = Path.Combine(full, "pages", truth.Id + ".html.gz");
            if (!File.Exists(htmlPath))
            {
                throw new InvalidDataException($"{truthPath}:{lineNumber}: page file '{htmlPath}' is missing.");
            }

            pages.Add(new LabelledPage(name, truth.Id, truth.Url, truth.Title ?? string.Empty, truth.ArticleBody, truth.With ?? [], truth.Without ?? [], htmlPath)
            {
                PageType = string.IsNullOrWhiteSpace(truth.PageType) ? null : truth.PageType.Trim().ToLowerInvariant(),
                Author = string.IsNullOrWhiteSpace(truth.Author) ? null : truth.Author.Trim(),
                PublishDate = string.IsNullOrWhiteSpace(truth.PublishDate) ? null : truth.PublishDate.Trim(),
            });
        }

        return new LabelledDataset(name, full, pages);
    }

    /// <summary>
    /// Finds the datasets folder: <paramref name="explicitPath"/> if given, else the BOILERPLATE_DATASETS environment
    /// variable, else <c>../shared/datasets</c> relative to the working directory.
    /// </summary>
    public static string ResolveDatasetsDirectory(string? explicitPath)
    {
        var candidate = !string.IsNullOrEmpty(explicitPath)
            ? explicitPath
            : Environment.GetEnvironmentVariable("BOILERPLATE_DATASETS") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : Path.Combine("..", "shared", "datasets");
        var full = Path.GetFullPath(candidate);
        if (!System.IO.Directory.Exists(full))
        {
            throw new DirectoryNotFoundException(
                $"Datasets folder '{full}' not found; pass --dataset DIR or set BOILERPLATE_DATASETS.");
        }

        return full;
    }

    internal sealed record TruthLine(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("articleBody")] string? ArticleBody,
        [property: JsonPropertyName("with")] IReadOnlyList<string>? With,
        [property: JsonPropertyName("without")] IReadOnlyList<string>? Without,
        [property: JsonPropertyName("page_type")] string? PageType,
        [property: JsonPropertyName("author")] string? Author = null,
        [property: JsonPropertyName("publish_date")] string? PublishDate = null);
}

[JsonSerializable(typeof(LabelledDataset.TruthLine))]
internal sealed partial class TruthJsonContext : JsonSerializerContext;
