using System.IO.Compression;
using System.Text;

namespace Boilerplate.Training.Tests;

/// <summary>Corpus pages written to a temporary folder, as a corpus on disk holds them (gzipped HTML).</summary>
internal static class TestCorpusPages
{
    /// <summary>A page of corpus "test" with id <paramref name="id"/>, markup <paramref name="html"/> and article body <paramref name="body"/>.</summary>
    public static LabelledPage Write(string id, string html, string body)
    {
        var folder = Directory.CreateTempSubdirectory("corpus-page");
        var path = Path.Combine(folder.FullName, id + ".html.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(html));
        }

        return new LabelledPage("test", id, "https://example.org/" + id, id, body, [], [], path);
    }
}
