using System.IO.Compression;
using Boilerplate.Protos.V1;
using Google.Protobuf;

namespace Boilerplate.LoadTest;

/// <summary>The requests a run cycles through: real dataset pages sent as fetched bytes, built once.</summary>
internal sealed class RequestCorpus
{
    private readonly CleanRequest[] _requests;

    private RequestCorpus(CleanRequest[] requests, long medianBytes)
    {
        _requests = requests;
        MedianBytes = medianBytes;
    }

    /// <summary>Number of distinct pages.</summary>
    public int Count => _requests.Length;

    /// <summary>Median size of the pages sent, in bytes.</summary>
    public long MedianBytes { get; }

    /// <summary>The request for the <paramref name="sequence"/>-th call (pages repeat in order).</summary>
    public CleanRequest this[long sequence] => _requests[(int)(sequence % _requests.Length)];

    /// <summary>Loads every pages/*.html.gz under <paramref name="dataset"/> and keeps the selected ones.</summary>
    public static RequestCorpus Load(string dataset, PageSelection selection)
    {
        var files = Directory.EnumerateFiles(dataset, "*.html.gz", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "pages")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new ArgumentException($"No pages/*.html.gz under {dataset}.");
        }

        var pages = files.Select(f => (Id: Path.GetFileName(f)[..^".html.gz".Length], Bytes: Gunzip(f))).ToList();
        var bySize = pages.OrderBy(p => p.Bytes.Length).ToList();
        var chosen = selection == PageSelection.Median
            ? bySize.Skip(bySize.Count * 45 / 100).Take(Math.Max(1, bySize.Count / 10)).ToList()
            : bySize;

        // A fixed shuffle so consecutive calls do not walk up the sizes, and reruns send the same sequence.
        var random = new Random(20260101);
        var requests = chosen
            .OrderBy(_ => random.Next())
            .Select(p => new CleanRequest { Id = p.Id, HtmlBytes = ByteString.CopyFrom(p.Bytes) })
            .ToArray();
        var sizes = chosen.Select(p => (long)p.Bytes.Length).Order().ToList();
        return new RequestCorpus(requests, sizes[sizes.Count / 2]);
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
