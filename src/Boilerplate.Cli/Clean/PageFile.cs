namespace Boilerplate.Cli.Clean;

/// <summary>How a page's bytes are sent to the clean backend: HTML bytes (charset decided by the decoder) or plain text.</summary>
internal enum PageFormat
{
    Html,
    Text,
}

/// <summary>One page to clean, as <c>boilerplate clean</c> finds it: a file, or standard input.</summary>
/// <param name="Path">The file's path, as found under the path the user gave; <c>-</c> for standard input.</param>
/// <param name="Id">The file name without its page extensions (<c>pages/abc.html.gz</c> → <c>abc</c>); <c>stdin</c>.</param>
/// <param name="Format">How the content is read; null when the bytes decide (<see cref="PageSniffer"/>).</param>
/// <param name="Compressed">Whether the file is gzip-compressed.</param>
internal sealed record PageFile(string Path, string Id, PageFormat? Format, bool Compressed)
{
    /// <summary>The path that names standard input.</summary>
    public const string StandardInputPath = "-";

    private static readonly (string Suffix, PageFormat Format, bool Compressed)[] Kinds =
    [
        (".html.gz", PageFormat.Html, true),
        (".htm.gz", PageFormat.Html, true),
        (".html", PageFormat.Html, false),
        (".htm", PageFormat.Html, false),
        (".txt", PageFormat.Text, false),
    ];

    /// <summary>Standard input, read once; text or HTML as <c>--content-type</c> or the bytes say.</summary>
    public static PageFile StandardInput { get; } = new(StandardInputPath, "stdin", null, false);

    /// <summary>The file extensions that are pages.</summary>
    public static IEnumerable<string> Extensions => Kinds.Select(kind => kind.Suffix);

    /// <summary>Whether this page is standard input.</summary>
    public bool IsStandardInput => Path == StandardInputPath;

    /// <summary>The pages of every path in <paramref name="paths"/>, in the order given (see <see cref="Find(string)"/>).</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at one of the paths.</exception>
    public static IReadOnlyList<PageFile> Find(IEnumerable<string> paths) => paths.SelectMany(Find).ToList();

    /// <summary>
    /// The pages at <paramref name="path"/>: standard input for <c>-</c>, the file itself (whatever its extension; the
    /// bytes decide text or HTML when the extension does not), or every page file under the directory, recursively, in
    /// ordinal path order so runs are reproducible.
    /// </summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static IReadOnlyList<PageFile> Find(string path)
    {
        if (path == StandardInputPath)
        {
            return [StandardInput];
        }

        if (File.Exists(path))
        {
            return [Describe(path) ?? new PageFile(path, System.IO.Path.GetFileNameWithoutExtension(path), null, false)];
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
