using System.IO.Compression;

namespace Boilerplate.Cli.Clean;

/// <summary>How a page file is read: HTML bytes (charset decided by the decoder) or UTF-8 plain text.</summary>
internal enum PageFormat
{
    Html,
    Text,
}

/// <summary>One page on disk, as <c>boilerplate clean</c> finds it.</summary>
/// <param name="Path">The file's path, as found under the path the user gave.</param>
/// <param name="Id">The file name without its page extensions (<c>pages/abc.html.gz</c> → <c>abc</c>).</param>
/// <param name="Format">How the content is sent to the cleaner.</param>
/// <param name="Compressed">Whether the file is gzip-compressed.</param>
internal sealed record PageFile(string Path, string Id, PageFormat Format, bool Compressed)
{
    private static readonly (string Suffix, PageFormat Format, bool Compressed)[] Kinds =
    [
        (".html.gz", PageFormat.Html, true),
        (".htm.gz", PageFormat.Html, true),
        (".html", PageFormat.Html, false),
        (".htm", PageFormat.Html, false),
        (".txt", PageFormat.Text, false),
    ];

    /// <summary>The file extensions that are pages.</summary>
    public static IEnumerable<string> Extensions => Kinds.Select(kind => kind.Suffix);

    /// <summary>
    /// The page files at <paramref name="path"/>: the file itself (whatever its extension), or every page file
    /// under the directory, recursively, in ordinal path order so runs are reproducible.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static IReadOnlyList<PageFile> Find(string path)
    {
        if (File.Exists(path))
        {
            return [Describe(path) ?? new PageFile(path, System.IO.Path.GetFileNameWithoutExtension(path), PageFormat.Html, false)];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No file or directory at '{path}'.", path);
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(path, "*", options)
            .Select(Describe)
            .OfType<PageFile>()
            .OrderBy(page => page.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The file's bytes, decompressed when it is gzip.</summary>
    /// <exception cref="InvalidDataException">A .gz file that is not valid gzip.</exception>
    public async Task<byte[]> ReadAsync(CancellationToken cancellationToken)
    {
        if (!Compressed)
        {
            return await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false);
        }

        await using var file = File.OpenRead(Path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var content = new MemoryStream();
        await gzip.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
        return content.ToArray();
    }

    private static PageFile? Describe(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        foreach (var (suffix, format, compressed) in Kinds)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                return new PageFile(path, name[..^suffix.Length], format, compressed);
            }
        }

        return null;
    }
}
