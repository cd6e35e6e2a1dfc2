using System.Net;
using Boilerplate.Core.Pipeline;
using Boilerplate.Service.Configuration;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Boilerplate.Service.Telemetry;

/// <summary>
/// Traces, metrics and log correlation (docs/operations.md#observability). Tracing is always on so every log line and
/// error carries a trace id; spans leave the process only through an exporter: OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the other standard <c>OTEL_*</c> variables apply), or one a test adds.
/// </summary>
internal static class TelemetryRegistration
{
    /// <summary><c>service.name</c> unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string DefaultServiceName = "boilerplate";

    /// <summary>Meters of ASP.NET Core, Kestrel and the runtime exported beside the service's own.</summary>
    public static readonly string[] BuiltInMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime"];

    public static IServiceCollection AddBoilerplateTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<LimiterGauges>();

        // Trace and span ids in every log line's scope; JSON lines carry them only with scopes included.
        services.Configure<LoggerFactoryOptions>(logging => logging.ActivityTrackingOptions |=
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        services.Configure<JsonConsoleFormatterOptions>(json => json.IncludeScopes = true);

        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var metrics = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        // Out-of-range ports are left to options validation, which fails start-up with the key named.
        var prometheus = metrics.Port is > 0 and <= 65535;

        var name = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : DefaultServiceName;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(name, serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(PipelineActivities.SourceName)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    // Probes call health every few seconds; their spans would bury the calls that matter.
                    aspNetCore.Filter = http => !http.Request.Path.StartsWithSegments("/grpc.health.v1.Health", StringComparison.OrdinalIgnoreCase);
                    aspNetCore.EnrichWithHttpResponse = (activity, response) => GrpcSpans.Enrich(activity, response.HttpContext);
                }));

        if (prometheus || otlp)
        {
            telemetry.WithMetrics(meters =>
            {
                meters.AddMeter(ServiceMetrics.MeterName).AddMeter(BuiltInMeters);
                if (prometheus)
                {
                    meters.AddPrometheusHttpListener(listener => ConfigureScrapeEndpoint(listener, metrics));
                }
            });
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    private static void ConfigureScrapeEndpoint(PrometheusHttpListenerOptions listener, MetricsOptions metrics)
    {
        listener.Host = metrics.Host;
        listener.Port = metrics.Port;
        if (!CoversLoopback(metrics.Host))
        {
            // `kubectl port-forward` dials localhost inside the pod, which the pod IP alone does not answer.
            listener.ConfigureHttpListener = (_, http) => http.Prefixes.Add($"http://127.0.0.1:{metrics.Port}/");
        }
    }

    // Loopback itself, or an any-address (which the listener refuses anyway) that a second prefix would collide with.
    private static bool CoversLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address)
            && (address.Equals(IPAddress.Loopback) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)));
}
