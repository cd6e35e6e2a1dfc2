using Boilerplate.Bench;
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

    /// <summary>How many pages <see cref="PageSelection.Largest"/> sends.</summary>
    public const int LargestCount = 300;

    /// <summary>Number of distinct pages.</summary>
    public int Count => _requests.Length;

    /// <summary>Median size of the pages sent, in bytes.</summary>
    public long MedianBytes { get; }

    /// <summary>The request for the <paramref name="sequence"/>-th call (pages repeat in order).</summary>
    public CleanRequest this[long sequence] => _requests[(int)(sequence % _requests.Length)];

    /// <summary>Loads every page under <paramref name="dataset"/> and keeps the selected ones.</summary>
    public static RequestCorpus Load(string dataset, PageSelection selection)
    {
        var bySize = DatasetPages.Load(dataset).OrderBy(p => p.Bytes.Length).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var chosen = selection switch
        {
            PageSelection.Median => bySize.Skip(bySize.Count * 45 / 100).Take(Math.Max(1, bySize.Count / 10)).ToList(),
            PageSelection.Largest => bySize.TakeLast(LargestCount).ToList(),
            _ => bySize,
        };

        // A fixed shuffle so consecutive calls do not walk up the sizes, and reruns send the same sequence.
        var random = new Random(20260101);
        var requests = chosen
            .OrderBy(_ => random.Next())
            .Select(p => new CleanRequest { Id = p.Id, HtmlBytes = ByteString.CopyFrom(p.Bytes) })
            .ToArray();
        return new RequestCorpus(requests, chosen[chosen.Count / 2].Bytes.Length);
    }
}
