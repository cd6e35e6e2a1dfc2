using System.Threading.RateLimiting;
using Boilerplate.Service.Configuration;
using Boilerplate.Service.Errors;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Admission;

/// <summary>
/// Admission control for cleaning: <c>Limits:MaxConcurrentRequests</c> pages are cleaned at once (a Clean call, or one
/// page of a CleanStream while it is cleaned), up to <c>Limits:MaxQueuedRequests</c> wait in arrival order, the rest
/// are refused at once. One caller (API key) may hold at most <c>Limits:MaxKeyShare</c> of the slots and queue places
/// together, so one scraper flooding the service cannot shut the others out.
/// </summary>
internal sealed class RequestLimiter : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly PartitionedRateLimiter<Caller> _perCaller;

    public RequestLimiter(IOptions<LimitsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Limits = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Limits.MaxConcurrentRequests,
            QueueLimit = Limits.MaxQueuedRequests,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        // A caller's permit covers its pages running or queued; none are queued for it, the shared queue does that.
        var perCaller = KeyShare(Limits);
        _perCaller = PartitionedRateLimiter.Create<Caller, string>(caller => caller.Partition is { } partition
            ? RateLimitPartition.GetConcurrencyLimiter(partition, _ => new ConcurrencyLimiterOptions { PermitLimit = perCaller, QueueLimit = 0 })
            // Without keys there is no caller to tell apart; the whole capacity is shared as before.
            : RateLimitPartition.GetNoLimiter(string.Empty));
    }

    public LimitsOptions Limits { get; }

    /// <summary>Pages being cleaned and waiting now, for the gauges.</summary>
    public (long Active, long Queued) Occupancy =>
        _limiter.GetStatistics() is { } now ? (Limits.MaxConcurrentRequests - now.CurrentAvailablePermits, now.CurrentQueuedCount) : (0, 0);

    /// <summary>Pages one key may have running or queued: its share of slots plus queue places, at least one.</summary>
    public static int KeyShare(LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Math.Max(1, (int)Math.Floor((limits.MaxConcurrentRequests + (long)limits.MaxQueuedRequests) * limits.MaxKeyShare));
    }

    /// <summary>A slot to clean one page for <paramref name="caller"/>, held until disposed.</summary>
    /// <exception cref="ServiceAtCapacityException">The service, or this caller's share of it, is saturated.</exception>
    public async ValueTask<IDisposable> AdmitAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var share = await _perCaller.AcquireAsync(caller, 1, cancellationToken).ConfigureAwait(false);
        if (!share.IsAcquired)
        {
            share.Dispose();
            throw new ServiceAtCapacityException(
                $"This API key already has {KeyShare(Limits)} pages being cleaned or queued, its share " +
                $"(Limits:MaxKeyShare {Limits.MaxKeyShare:0.##}) of the service. Retry after a back-off or lower this " +
                "client's concurrency.",
                Limits.CapacityRetryDelay);
        }

        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            share.Dispose();
            throw;
        }

        if (lease.IsAcquired)
        {
            return new Leases(share, lease);
        }

        lease.Dispose();
        share.Dispose();
        // RESOURCE_EXHAUSTED with a retry delay, which clients honour, rather than ASP.NET's HTTP 503, which gRPC clients
        // see as UNAVAILABLE and retry at once, turning overload into a retry storm.
        throw new ServiceAtCapacityException(
            $"The service is at capacity ({Limits.MaxConcurrentRequests} pages being cleaned and " +
            $"{Limits.MaxQueuedRequests} queued). Retry after a back-off, lower this client's concurrency, " +
            "or add replicas.",
            Limits.CapacityRetryDelay);
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _perCaller.Dispose();
    }

    private sealed class Leases(RateLimitLease share, RateLimitLease slot) : IDisposable
    {
        public void Dispose()
        {
            slot.Dispose();
            share.Dispose();
        }
    }
}
