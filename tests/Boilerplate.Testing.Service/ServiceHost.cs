using Boilerplate.Client;
using Boilerplate.Service.Hosting;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Boilerplate.Testing.Service;

/// <summary>
/// The real service (the same composition as Program.cs) running in-process on Kestrel on a free loopback port,
/// reached over real HTTP/2 sockets. Dispose to stop it.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<IDisposable> _owned = [];

    private ServiceHost(WebApplication app, string address, CapturedLogs logs)
    {
        _app = app;
        Address = address;
        Logs = logs;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = TrustingHandler() });
        Client = CreateClient();
    }

    /// <summary>The address the service listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    /// <summary>A plain channel to the service (no retries), for generated clients such as health and reflection.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>A <see cref="BoilerplateClient"/> with default options pointed at the service.</summary>
    public BoilerplateClient Client { get; }

    /// <summary>What the service logged.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The service's DI container.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the service and waits until it reports SERVING.</summary>
    public static async Task<ServiceHost> StartAsync(Action<ServiceHostOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new ServiceHostOptions();
        configure?.Invoke(options);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Boilerplate"] = "Information",
            // Test hosts check behaviour, not speed: the JIT warm-up would only slow the suite down.
            ["Model:Warmup"] = "00:00:00",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        builder.Services.AddBoilerplateService(builder.Configuration);
        options.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapBoilerplateService();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var host = new ServiceHost(app, address, logs);
        await HealthProbe.WaitUntilServingAsync(host.Channel, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>A new client for this service; dispose it (or leave it to the host).</summary>
    public BoilerplateClient CreateClient(Action<BoilerplateClientOptions>? configure = null)
    {
        // A test host listens on loopback only, so a key over its plaintext address stays on this machine.
        var options = new BoilerplateClientOptions { Address = Address, ConfigureHttpHandler = TrustService, AllowInsecureCredentials = true };
        configure?.Invoke(options);
        var client = new BoilerplateClient(options);
        _owned.Add(client);
        return client;
    }

    /// <summary>Stops the service, letting in-flight calls finish.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Channel.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Tests may serve TLS with a throw-away self-signed certificate; trust whatever the test host presents.</summary>
    private static SocketsHttpHandler TrustingHandler()
    {
        var handler = new SocketsHttpHandler();
        TrustService(handler);
        return handler;
    }

    private static void TrustService(SocketsHttpHandler handler) =>
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
}
