using System.Threading.RateLimiting;
using Boilerplate.Service.Configuration;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Interceptors;

/// <summary>
/// Admission control for clean calls: <c>Limits:MaxConcurrentRequests</c> run, up to <c>Limits:MaxQueuedRequests</c>
/// wait in arrival order, the rest are refused at once.
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

    /// <summary>A lease to run; <see cref="RateLimitLease.IsAcquired"/> is false when the service is saturated.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
