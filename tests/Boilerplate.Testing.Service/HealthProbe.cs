using Grpc.Core;
using Grpc.Health.V1;

namespace Boilerplate.Testing.Service;

/// <summary>Waits on the standard gRPC health service, for services hosted in-process and in their own process alike.</summary>
internal static class HealthProbe
{
    /// <summary>Polls <c>grpc.health.v1.Health/Check</c> over <paramref name="channel"/> until it reports SERVING.</summary>
    public static async Task WaitUntilServingAsync(ChannelBase channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var health = new Health.HealthClient(channel);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (true)
        {
            var reply = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: limit.Token).ConfigureAwait(false);
            if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return;
            }

            await Task.Delay(50, limit.Token).ConfigureAwait(false);
        }
    }
}
