namespace Boilerplate.Testing;

/// <summary>Finds the checkout the tests run from (the folder holding <c>Boilerplate.sln</c>), for files the tests read from the tree.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootFolder = new(Locate);

    /// <summary>Absolute path of the checkout.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>Path of a file or folder in the checkout.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Boilerplate.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Boilerplate.sln above {AppContext.BaseDirectory}.");
    }
}
