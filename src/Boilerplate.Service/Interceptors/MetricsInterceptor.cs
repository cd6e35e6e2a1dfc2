using System.Diagnostics;
using Boilerplate.Service.Telemetry;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boilerplate.Service.Interceptors;

/// <summary>
/// Counts calls and measures their duration by method and final status. The method is the routed one, so the series
/// stay one per method whatever spelling of the path clients send.
/// </summary>
internal sealed class MetricsInterceptor(ServiceMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.OK;
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
            throw;
        }
        finally
        {
            metrics.CallCompleted(ResolvedMethod.Of(context), status, Stopwatch.GetElapsedTime(started));
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.OK;
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
            throw;
        }
        finally
        {
            metrics.CallCompleted(ResolvedMethod.Of(context), status, Stopwatch.GetElapsedTime(started));
        }
    }
}
