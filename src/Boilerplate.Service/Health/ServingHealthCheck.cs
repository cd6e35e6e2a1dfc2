using Boilerplate.Service.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Boilerplate.Service.Health;

/// <summary>
/// Readiness: SERVING once a model is loaded and warmed, NOT_SERVING before. Together with
/// <see cref="ParserWorkersHealthCheck"/> it makes the overall status (gRPC health service "").
/// </summary>
internal sealed class ServingHealthCheck(ModelHost models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.IsReady
            ? HealthCheckResult.Healthy($"Model {models.Current?.Metadata.Version} is serving.")
            : HealthCheckResult.Unhealthy("No model is loaded and warmed yet."));
}
