using System.Diagnostics.Metrics;
using Boilerplate.Service.Admission;

namespace Boilerplate.Service.Telemetry;

/// <summary>
/// Gauges of the <see cref="RequestLimiter"/>: pages being cleaned and pages waiting for a slot, read when exported.
/// A hosted service only so they exist from start-up, before the first call resolves the interceptors.
/// </summary>
internal sealed class LimiterGauges : IHostedService
{
    /// <summary>Pages holding a cleaning slot (a Clean call, or one page of a CleanStream).</summary>
    public const string ActiveName = "boilerplate.cleaning.active";

    /// <summary>Pages waiting for a cleaning slot.</summary>
    public const string QueuedName = "boilerplate.cleaning.queued";

    public LimiterGauges(IMeterFactory meterFactory, RequestLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        // The same meter as ServiceMetrics': the factory hands out one instance per name.
        var meter = meterFactory.Create(ServiceMetrics.MeterName);
        meter.CreateObservableGauge(ActiveName, () => limiter.Occupancy.Active, "{page}", "Pages being cleaned now (Limits:MaxConcurrentRequests at most).");
        meter.CreateObservableGauge(QueuedName, () => limiter.Occupancy.Queued, "{page}", "Pages waiting for a cleaning slot (Limits:MaxQueuedRequests at most).");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
