namespace Boilerplate.Throughput;

/// <summary>Page-size classes, to show that cost grows with size and not faster.</summary>
internal static class SizeBucket
{
    /// <summary>Upper bounds in KiB (exclusive); the last bucket is open.</summary>
    private static readonly int[] UpperKiB = [50, 150, 500];

    /// <summary>Bucket labels, smallest first.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["<50 KB", "50-150 KB", "150-500 KB", ">500 KB"];

    /// <summary>The bucket index of a page of <paramref name="bytes"/> bytes.</summary>
    public static int Of(long bytes)
    {
        for (var i = 0; i < UpperKiB.Length; i++)
        {
            if (bytes < UpperKiB[i] * 1024L)
            {
                return i;
            }
        }

        return UpperKiB.Length;
    }
}
