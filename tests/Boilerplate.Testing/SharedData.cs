namespace Boilerplate.Testing;

/// <summary>Finds the project's <c>shared/</c> folder (datasets, examples), which sits beside the checkout.</summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>Absolute path of the shared folder.</summary>
    public static string Directory => Root.Value;

    /// <summary>Path of a file or folder under shared/.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Directory, .. parts]);

    private static string Locate()
    {
        // An explicit setting wins even when it names nothing, so a run can prove it needs no shared data.
        var fromEnvironment = Environment.GetEnvironmentVariable("BOILERPLATE_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"BOILERPLATE_SHARED names '{fromEnvironment}', which does not exist.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared"), Path.Combine(dir.FullName, "..", "shared") })
            {
                if (System.IO.Directory.Exists(Path.Combine(candidate, "datasets")))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("shared/ (datasets, examples) not found beside the checkout; set BOILERPLATE_SHARED.");
    }
}
