namespace Boilerplate.Service.Health;

/// <summary>The service names the gRPC health service answers besides "" (the overall, readiness, status).</summary>
public static class HealthServices
{
    /// <summary>Liveness: NOT_SERVING only when the process should be restarted.</summary>
    public const string Liveness = "liveness";
}
