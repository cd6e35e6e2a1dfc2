using System.Buffers;

namespace Boilerplate.Core.Features;

/// <summary>
/// Pools for the page-sized scratch buffers of scoring and cleaning (the second stage's rows, topic vectors, the
/// duplicate index), which pass the large-object threshold on long pages. Bounded to a few arrays of each size:
/// <see cref="ArrayPool{T}.Shared"/> also keeps one per thread, and a service's request threads then hold memory that
/// a page needed once.
/// </summary>
internal static class PageBuffers
{
    private const int MaxLength = 1 << 24;

    private static readonly int ArraysPerSize = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Float buffers.</summary>
    public static ArrayPool<float> Floats { get; } = ArrayPool<float>.Create(MaxLength, ArraysPerSize);

    /// <summary>Int buffers.</summary>
    public static ArrayPool<int> Ints { get; } = ArrayPool<int>.Create(MaxLength, ArraysPerSize);

    /// <summary>Long buffers.</summary>
    public static ArrayPool<long> Longs { get; } = ArrayPool<long>.Create(MaxLength, ArraysPerSize);
}
