using Boilerplate.Core.Pipeline;
using Boilerplate.Service.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Health;

/// <summary>
/// Liveness (gRPC health service "liveness", and part of ""): unhealthy when too many parser workers hung on hostile
/// pages were abandoned, since the process is then leaking threads and only a restart helps. It does not wait for
/// the model, so a pod still loading one is not restarted.
/// </summary>
internal sealed class ParserWorkersHealthCheck(CleaningPipeline pipeline, IOptions<LimitsOptions> limits) : IHealthCheck
{
    /// <summary>The tag of the checks the "liveness" health service reports.</summary>
    public const string LivenessTag = "live";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var abandoned = pipeline.AbandonedWorkers;
        return Task.FromResult(abandoned > limits.Value.MaxAbandonedParserWorkers
            ? HealthCheckResult.Unhealthy(
                $"{abandoned} parser workers hung on pages and were abandoned (Limits:MaxAbandonedParserWorkers is " +
                $"{limits.Value.MaxAbandonedParserWorkers}); restart the process.")
            : HealthCheckResult.Healthy($"{abandoned} abandoned parser workers."));
    }
}
