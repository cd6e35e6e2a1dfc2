using Boilerplate.Service.Configuration;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Admission;

/// <summary>
/// Request bytes read and not yet answered, over all calls, bounded by <c>Limits:MaxInFlightRequestBytes</c>: what the
/// concurrency limit cannot bound, since a stream's pages are read before they are admitted and a queued call's body
/// may be large.
/// </summary>
internal sealed class RequestBytesBudget(IOptions<LimitsOptions> options)
{
    private long _inFlight;

    public long Limit { get; } = options.Value.MaxInFlightRequestBytes;

    /// <summary>Bytes held now.</summary>
    public long InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Takes <paramref name="bytes"/> when they fit under the limit.</summary>
    public bool TryTake(long bytes)
    {
        while (true)
        {
            var held = Volatile.Read(ref _inFlight);
            if (held + bytes > Limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _inFlight, held + bytes, held) == held)
            {
                return true;
            }
        }
    }

    public void Return(long bytes) => Interlocked.Add(ref _inFlight, -bytes);
}
