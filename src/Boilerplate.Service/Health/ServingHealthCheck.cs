using Boilerplate.Core.Pipeline;
using Boilerplate.Service.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Boilerplate.Service.Health;

/// <summary>
/// SERVING once a model is loaded and warmed; NOT_SERVING before, and when too many parser workers hung on hostile
/// pages were abandoned, since the process is then leaking threads and should be restarted by its orchestrator.
/// </summary>
internal sealed class ServingHealthCheck(ModelHost models, CleaningPipeline pipeline) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!models.IsReady)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No model is loaded and warmed yet."));
        }

        if (pipeline.AbandonedWorkers > 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"{pipeline.AbandonedWorkers} parser workers are hung."));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"Model {models.Current?.Metadata.Version} is serving."));
    }
}
