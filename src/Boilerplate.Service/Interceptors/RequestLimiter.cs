using System.Threading.RateLimiting;
using Boilerplate.Service.Configuration;
using Boilerplate.Service.Errors;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Interceptors;

/// <summary>
/// Admission control for cleaning: <c>Limits:MaxConcurrentRequests</c> pages are cleaned at once (a Clean call, or one
/// page of a CleanStream while it is cleaned), up to <c>Limits:MaxQueuedRequests</c> wait in arrival order, the rest
/// are refused at once.
/// </summary>
internal sealed class RequestLimiter(IOptions<LimitsOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentRequests,
        QueueLimit = options.Value.MaxQueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public LimitsOptions Limits { get; } = options.Value;

    /// <summary>Pages being cleaned and waiting now, for the gauges.</summary>
    public (long Active, long Queued) Occupancy =>
        _limiter.GetStatistics() is { } now ? (Limits.MaxConcurrentRequests - now.CurrentAvailablePermits, now.CurrentQueuedCount) : (0, 0);

    /// <summary>A slot to clean one page, held until disposed.</summary>
    /// <exception cref="ServiceAtCapacityException">The service is saturated (RESOURCE_EXHAUSTED, AT_CAPACITY).</exception>
    public async ValueTask<IDisposable> AdmitAsync(CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        // RESOURCE_EXHAUSTED with a retry delay, which clients honour, rather than ASP.NET's HTTP 503, which gRPC clients
        // see as UNAVAILABLE and retry at once, turning overload into a retry storm.
        throw new ServiceAtCapacityException(
            $"The service is at capacity ({Limits.MaxConcurrentRequests} pages being cleaned and " +
            $"{Limits.MaxQueuedRequests} queued). Retry after a back-off, lower this client's concurrency, " +
            "or add replicas.",
            Limits.CapacityRetryDelay);
    }

    public void Dispose() => _limiter.Dispose();
}
