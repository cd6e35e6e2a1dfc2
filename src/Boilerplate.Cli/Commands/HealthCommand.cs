using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Boilerplate.Cli.Commands;

/// <summary>
/// <c>boilerplate health --server URL</c>: asks a server's standard gRPC health service and exits 0 only when it
/// answers SERVING, so the container image and scripts can check a server without grpc tooling.
/// </summary>
internal static class HealthCommand
{
    internal static Command Create()
    {
        var server = new Option<string>("--server") { Description = "The server: http://host:port or https://host:port.", Required = true };
        var service = new Option<string>("--service") { Description = "Service name to ask about; empty for the server as a whole.", DefaultValueFactory = _ => string.Empty };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long to wait for the answer.", DefaultValueFactory = _ => TimeSpan.FromSeconds(5) };

        var command = new Command("health", "Check that a Boilerplate server answers SERVING (exit 0) or not (exit 1).") { server, service, timeout };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(server)!;
            try
            {
                using var channel = GrpcChannel.ForAddress(address);
                var reply = await new Health.HealthClient(channel).CheckAsync(
                    new HealthCheckRequest { Service = parse.GetValue(service) },
                    deadline: DateTime.UtcNow + parse.GetValue(timeout),
                    cancellationToken: cancellationToken);
                await Console.Out.WriteLineAsync(reply.Status switch
                {
                    HealthCheckResponse.Types.ServingStatus.Serving => "SERVING",
                    HealthCheckResponse.Types.ServingStatus.NotServing => "NOT_SERVING",
                    HealthCheckResponse.Types.ServingStatus.ServiceUnknown => "SERVICE_UNKNOWN",
                    _ => "UNKNOWN",
                });
                return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
            }
            catch (RpcException e)
            {
                await Console.Error.WriteLineAsync($"{address}: {e.StatusCode}: {e.Status.Detail}");
                return 1;
            }
            catch (UriFormatException e)
            {
                await Console.Error.WriteLineAsync($"{address}: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
