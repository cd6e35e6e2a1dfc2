using Boilerplate.Protos.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boilerplate.Service.Interceptors;

/// <summary>
/// Holds each unary clean call to the <see cref="RequestLimiter"/> for its whole run. Streams are not limited here:
/// a stream takes a slot only while one of its pages is cleaned (<c>BoilerplateGrpcService.CleanStream</c>), so a
/// silent stream holds none.
/// </summary>
internal sealed class ConcurrencyLimitInterceptor(RequestLimiter limiter) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        // Keyed on the routed method: the raw path matches routing in any letter case.
        if (!ResolvedMethod.IsOfService(context, BoilerplateService.Descriptor.FullName))
        {
            return await continuation(request, context).ConfigureAwait(false);
        }

        using var lease = await limiter.AdmitAsync(context.CancellationToken).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }
}
