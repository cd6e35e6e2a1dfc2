using Boilerplate.Service.Configuration;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Models;

/// <summary>
/// Lists the model files the configured <see cref="ModelOptions.Path"/> offers, newest first. A file path offers
/// itself; a directory offers its <c>*.zip</c> files (so a half-copied <c>model.zip.tmp</c> is never picked).
/// </summary>
internal sealed class ModelLocator(IOptions<ModelOptions> options)
{
    /// <summary>Model files are ML.NET model archives.</summary>
    public const string FilePattern = "*.zip";

    /// <summary>The configured path made absolute, or null when the embedded default model serves.</summary>
    public string? ConfiguredPath { get; } =
        string.IsNullOrWhiteSpace(options.Value.Path) ? null : Path.GetFullPath(options.Value.Path);

    public bool IsDirectory => ConfiguredPath is not null && Directory.Exists(ConfiguredPath);

    /// <summary>The directory whose changes matter, or null for the embedded model.</summary>
    public string? WatchedDirectory => ConfiguredPath is null
        ? null
        : IsDirectory ? ConfiguredPath : Path.GetDirectoryName(ConfiguredPath);

    /// <summary>Whether a file event at <paramref name="path"/> may change which model serves.</summary>
    public bool IsRelevant(string? path)
    {
        if (path is null || ConfiguredPath is null)
        {
            return false;
        }

        return IsDirectory
            ? string.Equals(Path.GetExtension(path), ".zip", StringComparison.OrdinalIgnoreCase)
            : string.Equals(Path.GetFullPath(path), ConfiguredPath, StringComparison.Ordinal);
    }

    /// <summary>Candidate files, newest (by modification time, then name) first.</summary>
    public IReadOnlyList<string> Candidates()
    {
        if (ConfiguredPath is null)
        {
            return [];
        }

        if (!IsDirectory)
        {
            return File.Exists(ConfiguredPath) ? [ConfiguredPath] : [];
        }

        return new DirectoryInfo(ConfiguredPath)
            .EnumerateFiles(FilePattern, SearchOption.TopDirectoryOnly)
            .OrderByDescending(file => file.LastWriteTimeUtc)
            .ThenByDescending(file => file.Name, StringComparer.Ordinal)
            .Select(file => file.FullName)
            .ToList();
    }
}
