using System.Collections.Concurrent;
using Boilerplate.Service.Configuration;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Admission;

/// <summary>
/// Request bytes read and not yet answered, over all calls, bounded by <c>Limits:MaxInFlightRequestBytes</c>: what the
/// concurrency limit cannot bound, since a stream's pages and a queued call's body are read before they are admitted.
/// With keys, one key may hold at most <c>Limits:MaxKeyShare</c> of it, so one scraper's large pages cannot use it up.
/// </summary>
internal sealed class RequestBytesBudget(IOptions<LimitsOptions> options)
{
    private readonly ConcurrentDictionary<string, long> _byCaller = new(StringComparer.Ordinal);
    private long _inFlight;

    public long Limit { get; } = options.Value.MaxInFlightRequestBytes;

    /// <summary>What one key may hold.</summary>
    public long CallerLimit { get; } = (long)(options.Value.MaxInFlightRequestBytes * options.Value.MaxKeyShare);

    /// <summary>Bytes held now.</summary>
    public long InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Takes <paramref name="bytes"/> for <paramref name="caller"/> when they fit under both limits.</summary>
    public bool TryTake(Caller caller, long bytes)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!TryAdd(ref _inFlight, bytes, Limit))
        {
            return false;
        }

        if (caller.Partition is { } partition)
        {
            var fits = true;
            _byCaller.AddOrUpdate(partition, bytes, (_, held) =>
            {
                fits = held + bytes <= CallerLimit;
                return fits ? held + bytes : held;
            });
            if (!fits || bytes > CallerLimit)
            {
                if (fits)
                {
                    _byCaller.AddOrUpdate(partition, 0, (_, held) => held - bytes);
                }

                Interlocked.Add(ref _inFlight, -bytes);
                return false;
            }
        }

        return true;
    }

    public void Return(Caller caller, long bytes)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Partition is { } partition)
        {
            _byCaller.AddOrUpdate(partition, 0, (_, held) => held - bytes);
        }

        Interlocked.Add(ref _inFlight, -bytes);
    }

    private static bool TryAdd(ref long counter, long bytes, long limit)
    {
        while (true)
        {
            var held = Volatile.Read(ref counter);
            if (held + bytes > limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, held + bytes, held) == held)
            {
                return true;
            }
        }
    }
}
