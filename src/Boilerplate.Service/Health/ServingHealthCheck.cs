using Boilerplate.Core.Pipeline;
using Boilerplate.Service.Configuration;
using Boilerplate.Service.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Health;

/// <summary>
/// SERVING once a model is loaded and warmed; NOT_SERVING before, and when too many parser workers hung on hostile
/// pages were abandoned, since the process is then leaking threads and should be restarted by its orchestrator.
/// </summary>
internal sealed class ServingHealthCheck(ModelHost models, CleaningPipeline pipeline, IOptions<LimitsOptions> limits) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!models.IsReady)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No model is loaded and warmed yet."));
        }

        var abandoned = pipeline.AbandonedWorkers;
        if (abandoned > limits.Value.MaxAbandonedParserWorkers)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"{abandoned} parser workers hung on pages and were abandoned (Limits:MaxAbandonedParserWorkers is " +
                $"{limits.Value.MaxAbandonedParserWorkers}); restart the process."));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"Model {models.Current?.Metadata.Version} is serving."));
    }
}
