using System.IO.Compression;
using System.Text;
using Boilerplate.Testing;

namespace Boilerplate.Cli.Tests.Clean;

/// <summary>A temporary folder of page files: good ones in every supported form, and broken ones.</summary>
internal sealed class PageFolder : IDisposable
{
    /// <summary>A sentence of the body of <c>article.html</c>.</summary>
    public const string ArticleSentence = "The council approved the new cycle lanes";

    public PageFolder()
    {
        Directory.CreateDirectory(Path.Combine(Root, "sub"));
        File.WriteAllText(Path.Combine(Root, "article.html"), SamplePages.Article(6));
        using (var gz = new GZipStream(File.Create(Path.Combine(Root, "sub", "zipped.html.gz")), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(SamplePages.Article(5, seed: 3)));
        }

        File.WriteAllText(
            Path.Combine(Root, "sub", "notes.txt"),
            "Field notes\n\nThe river rose two metres overnight and the ferry stopped running until the water fell again.\n\n" +
            "Farmers moved their sheep to higher ground before dawn, and the school opened its hall to families from the lower village.\n");
        File.WriteAllText(Path.Combine(Root, "broken.html.gz"), "this is not gzip");
        File.WriteAllBytes(Path.Combine(Root, "empty.htm"), []);
        File.WriteAllText(Path.Combine(Root, "readme.md"), "not a page");
    }

    public string Root { get; } = ModelFiles.TempDirectory();

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
