using Boilerplate.Client;
using Boilerplate.Protos.V1;

namespace Boilerplate.Cli.Clean;

/// <summary>Cleans pages on a Boilerplate server through the client library (retries, circuit breaker).</summary>
internal sealed class ServerBackend(BoilerplateClient client, string address) : ICleanBackend
{
    public string Description => $"server {address}";

    public Task<CleanResponse> CleanAsync(CleanRequest request, CancellationToken cancellationToken) =>
        client.CleanAsync(request, cancellationToken);

    public void Dispose() => client.Dispose();
}
