using Boilerplate.Core.Pipeline;
using Boilerplate.Service.Admission;
using Boilerplate.Service.Configuration;
using Boilerplate.Service.Errors;
using Boilerplate.Service.Grpc;
using Boilerplate.Service.Health;
using Boilerplate.Service.Interceptors;
using Boilerplate.Service.Models;
using Boilerplate.Service.Telemetry;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Hosting;

/// <summary>
/// The whole service composition, kept out of Program.cs so tests host exactly the production service
/// in-process (see tests/Boilerplate.Testing.Service/ServiceHost.cs).
/// </summary>
public static class BoilerplateServiceExtensions
{
    /// <summary>
    /// HTTP/2 receive window of one call: the most of a body buffered before the service reads it (Kestrel's default is
    /// 768 KiB). Enough for loopback and in-cluster round trips at full speed.
    /// </summary>
    public const int StreamWindowBytes = 128 * 1024;

    /// <summary>Registers the gRPC services, their options, the model host, health, metrics and interceptors.</summary>
    public static IServiceCollection AddBoilerplateService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        AddValidatedOptions<ModelOptions>(services, configuration, ModelOptions.Section);
        AddValidatedOptions<LimitsOptions>(services, configuration, LimitsOptions.Section);
        AddValidatedOptions<SecurityOptions>(services, configuration, SecurityOptions.Section);
        AddValidatedOptions<MetricsOptions>(services, configuration, MetricsOptions.Section);
        services.AddSingleton<IValidateOptions<ModelOptions>, ModelOptionsValidator>();
        services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();

        // Host:ShutdownTimeout bounds how long SIGTERM waits for in-flight calls to finish.
        services.Configure<HostOptions>(configuration.GetSection("Host"));

        // Plaintext gRPC needs HTTP/2 with prior knowledge, so `--urls http://...` works with no other setting.
        // Kestrel:EndpointDefaults:Protocols or a Kestrel:Endpoints entry in configuration still overrides it.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<LimitsOptions>>((kestrel, limits) =>
        {
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
            // Calls one connection may have open; each may hold up to a stream window of unread body.
            var http2 = kestrel.Limits.Http2;
            http2.MaxStreamsPerConnection = limits.Value.MaxStreamsPerConnection;
            // A queued call's body is not read, yet its unread bytes count against the connection's window too: if
            // queued calls could use up that window, a running call on the same connection could never receive the
            // rest of its body, and nothing would free a slot. So the connection window covers every stream's.
            http2.InitialStreamWindowSize = StreamWindowBytes;
            http2.InitialConnectionWindowSize = limits.Value.MaxStreamsPerConnection * StreamWindowBytes;
        });

        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<RequestLimiter>();
        services.AddSingleton<RequestBytesBudget>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<SlotInterceptor>();
        services.AddSingleton<MetricsInterceptor>();
        services.AddSingleton<ErrorStatuses>();
        services.AddSingleton<StatusInterceptor>();
        services.AddGrpc(grpc =>
        {
            // Outermost first: metrics see the final status, the status interceptor sees every exception.
            grpc.Interceptors.Add<MetricsInterceptor>();
            grpc.Interceptors.Add<StatusInterceptor>();
            // Keys and the claim on a slot are checked before the body is read, by AdmissionMiddleware; the call
            // waits here for a queued claim to be granted.
            grpc.Interceptors.Add<SlotInterceptor>();
        });
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<LimitsOptions>>((grpc, limits) =>
        {
            grpc.MaxReceiveMessageSize = limits.Value.MaxReceiveMessageBytes;
            grpc.MaxSendMessageSize = limits.Value.MaxSendMessageBytes;
        });
        services.AddGrpcReflection();

        services.AddSingleton(provider =>
        {
            var limits = provider.GetRequiredService<IOptions<LimitsOptions>>().Value;
            if (limits.MaxParagraphs is { } maxParagraphs)
            {
                // Still honoured, but said once at start-up so the configuration gets updated.
                provider.GetRequiredService<ILogger<LimitsOptions>>().LogWarning(
                    "Limits:MaxParagraphs ({MaxParagraphs}) is deprecated; set Limits:MaxBlocks instead", maxParagraphs);
            }

            return new CleaningPipeline(limits.ToSegmentationLimits(), provider.GetRequiredService<ILogger<CleaningPipeline>>());
        });
        services.AddSingleton<ModelLocator>();
        services.AddSingleton<ModelWarmer>();
        services.AddSingleton<ModelHost>();
        services.AddHostedService<ModelWatcher>();
        services.AddSingleton<CleanRequestHandler>();

        services.AddGrpcHealthChecks(health =>
            {
                // Answer Check from the live state: a cached result would report NOT_SERVING for up to a
                // publishing period after the model is ready, holding back rollouts.
                health.UseHealthChecksCache = false;
                // Service "" (every check) is readiness; "liveness" only says whether a restart would help, so a
                // Kubernetes liveness probe does not kill a pod that is still loading its model.
                health.Services.Map(HealthServices.Liveness, check => check.Tags.Contains(ParserWorkersHealthCheck.LivenessTag));
            })
            .AddCheck<ServingHealthCheck>("serving")
            .AddCheck<ParserWorkersHealthCheck>("parser-workers", tags: [ParserWorkersHealthCheck.LivenessTag]);
        services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Delay = TimeSpan.Zero;
            publisher.Period = TimeSpan.FromSeconds(5);
        });

        services.AddBoilerplateTelemetry(configuration);

        return services;
    }

    /// <summary>
    /// Adds admission (keys, admin keys, the concurrency limit and the request-bytes budget, all before a call's body
    /// is read) and maps the gRPC services, health, and reflection unless <c>Security:Reflection</c> is false.
    /// </summary>
    public static WebApplication MapBoilerplateService(this WebApplication endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // WebApplication runs routing before this middleware, so it sees the routed gRPC method, and the endpoint
        // (which reads the body) after it.
        endpoints.UseMiddleware<AdmissionMiddleware>();
        endpoints.MapGrpcService<BoilerplateGrpcService>();
        endpoints.MapGrpcService<ModelGrpcService>();
        endpoints.MapGrpcHealthChecksService();
        if (endpoints.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.Reflection)
        {
            endpoints.MapGrpcReflectionService();
        }

        return endpoints;
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
