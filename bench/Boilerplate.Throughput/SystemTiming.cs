namespace Boilerplate.Throughput;

/// <summary>What one system cost over the pages it processed, overall and by size bucket.</summary>
internal sealed class SystemTiming(string system)
{
    private readonly long[] _pages = new long[SizeBucket.Labels.Count];
    private readonly long[] _bytes = new long[SizeBucket.Labels.Count];
    private readonly TimeSpan[] _elapsed = new TimeSpan[SizeBucket.Labels.Count];

    /// <summary>The system.</summary>
    public string System => system;

    /// <summary>Pages the system failed on (still timed).</summary>
    public int Failed { get; private set; }

    /// <summary>Whether the time budget ended the run before every page was done.</summary>
    public bool Truncated { get; set; }

    /// <summary>Pages processed.</summary>
    public long Pages => _pages.Sum();

    /// <summary>The system's own time over all pages.</summary>
    public TimeSpan Elapsed => _elapsed.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    /// <summary>Pages per second over all pages.</summary>
    public double PagesPerSecond => Rate(Pages, Elapsed);

    /// <summary>Megabytes of HTML per second over all pages.</summary>
    public double MegabytesPerSecond => Rate(_bytes.Sum(), Elapsed) / 1e6;

    /// <summary>Records one page.</summary>
    public void Add(long bytes, TimeSpan elapsed, bool failed)
    {
        var bucket = SizeBucket.Of(bytes);
        _pages[bucket]++;
        _bytes[bucket] += bytes;
        _elapsed[bucket] += elapsed;
        Failed += failed ? 1 : 0;
    }

    /// <summary>Pages per second within bucket <paramref name="bucket"/>.</summary>
    public double BucketPagesPerSecond(int bucket) => Rate(_pages[bucket], _elapsed[bucket]);

    /// <summary>Microseconds per KiB of HTML within bucket <paramref name="bucket"/>: flat across buckets means linear cost.</summary>
    public double BucketMicrosPerKiB(int bucket) =>
        _bytes[bucket] == 0 ? double.NaN : _elapsed[bucket].TotalMicroseconds / (_bytes[bucket] / 1024.0);

    /// <summary>Pages in bucket <paramref name="bucket"/>.</summary>
    public long BucketPages(int bucket) => _pages[bucket];

    private static double Rate(double amount, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? amount / elapsed.TotalSeconds : double.NaN;
}
