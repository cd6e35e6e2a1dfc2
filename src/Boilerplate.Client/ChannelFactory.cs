using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Client;

/// <summary>
/// Builds the channel: one HTTP/2 handler, gRPC's built-in retries left off (the Polly pipeline retries, and the
/// two would multiply), round-robin balancing over several addresses or a DNS name, and the API key as call
/// credentials, which gRPC sends over plaintext only when the options allowed it.
/// </summary>
internal static class ChannelFactory
{
    private const string StaticTarget = "static:///boilerplate";

    public static GrpcChannel Create(BoilerplateClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // One connection carries at most ~100 concurrent streams; open more rather than queue calls.
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        options.ConfigureHttpHandler?.Invoke(handler);

        var channelOptions = new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = options.MaxReceiveMessageBytes,
            MaxSendMessageSize = options.MaxSendMessageBytes,
            LoggerFactory = options.LoggerFactory,
            UnsafeUseInsecureChannelCallCredentials = options.AllowInsecureCredentials,
        };
        var transport = options.IsSecure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            var bearer = "Bearer " + options.ApiKey;
            var key = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", bearer);
                return Task.CompletedTask;
            });
            channelOptions.Credentials = ChannelCredentials.Create(transport, key);
        }

        if (options.Addresses.Count > 0)
        {
            var uris = options.Addresses.Select(address => new Uri(address)).ToList();
            var services = new ServiceCollection();
            services.AddSingleton<ResolverFactory>(new StaticResolverFactory(
                _ => uris.Select(uri => new BalancerAddress(uri.Host, uri.Port)).ToList()));
            channelOptions.ServiceProvider = services.BuildServiceProvider();
            channelOptions.ServiceConfig = RoundRobin();
            channelOptions.Credentials ??= transport;
            return GrpcChannel.ForAddress(StaticTarget, channelOptions);
        }

        var target = options.Address!;
        if (target.StartsWith("dns:", StringComparison.OrdinalIgnoreCase))
        {
            // Re-resolve periodically, not only after a connection fails, so new replicas start getting calls.
            var services = new ServiceCollection();
            services.AddSingleton<ResolverFactory>(new DnsResolverFactory(options.DnsRefreshInterval));
            channelOptions.ServiceProvider = services.BuildServiceProvider();
            channelOptions.ServiceConfig = RoundRobin();
            channelOptions.Credentials ??= transport;
        }

        return GrpcChannel.ForAddress(target, channelOptions);
    }

    private static ServiceConfig RoundRobin() => new() { LoadBalancingConfigs = { new RoundRobinConfig() } };
}
