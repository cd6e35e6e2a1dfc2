// health-probe [ADDRESS] [SERVICE]: exits 0 when the gRPC health service at ADDRESS (default
// http://127.0.0.1:8080) answers SERVING for SERVICE (default "", the overall status), 1 otherwise, within 3 s.
// The runtime image's HEALTHCHECK; the `boilerplate health` CLI command does the same with more options.
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

var address = args.Length > 0 ? args[0] : "http://127.0.0.1:8080";
var service = args.Length > 1 ? args[1] : string.Empty;
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
try
{
    using var channel = GrpcChannel.ForAddress(address);
    var reply = await new Health.HealthClient(channel).CheckAsync(
        new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: timeout.Token);
    Console.WriteLine(reply.Status);
    return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
}
catch (Exception e) when (e is RpcException or UriFormatException or OperationCanceledException or InvalidOperationException)
{
    Console.Error.WriteLine($"{address}: {e.Message}");
    return 1;
}
