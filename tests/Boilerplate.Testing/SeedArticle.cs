namespace Boilerplate.Testing;

/// <summary>
/// The seed article (shared/examples/seed-article.txt) from the copy embedded here, so tests that only need a real page
/// to send do not need ../shared; a quality test keeps the copy equal to the shared file.
/// </summary>
public static class SeedArticle
{
    /// <summary>The embedded copy's resource name.</summary>
    public const string ResourceName = "Fixtures/seed-article.txt";

    private static readonly Lazy<string> Content = new(() =>
    {
        using var stream = typeof(SeedArticle).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in Boilerplate.Testing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The file's text as committed.</summary>
    public static string Text => Content.Value;
}
