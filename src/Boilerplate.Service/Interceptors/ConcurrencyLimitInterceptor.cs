using Boilerplate.Protos.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boilerplate.Service.Interceptors;

/// <summary>
/// Bounds concurrent clean calls (a stream counts as one). When saturated it answers RESOURCE_EXHAUSTED, which
/// clients do not retry blindly, rather than ASP.NET's HTTP 503, which gRPC clients see as UNAVAILABLE and retry
/// at once, turning overload into a retry storm.
/// </summary>
internal sealed class ConcurrencyLimitInterceptor(RequestLimiter limiter) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = await AdmitAsync(context).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = await AdmitAsync(context).ConfigureAwait(false);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    private async ValueTask<IDisposable?> AdmitAsync(ServerCallContext context)
    {
        // Keyed on the routed method: the raw path matches routing in any letter case.
        if (!ResolvedMethod.IsOfService(context, BoilerplateService.Descriptor.FullName))
        {
            return null;
        }

        var lease = await limiter.AcquireAsync(context.CancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        throw new RpcException(new Status(
            StatusCode.ResourceExhausted,
            $"The service is at capacity ({limiter.Limits.MaxConcurrentRequests} calls running and " +
            $"{limiter.Limits.MaxQueuedRequests} queued). Retry after a back-off, lower this client's concurrency, " +
            "or add replicas."));
    }
}
