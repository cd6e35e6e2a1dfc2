using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boilerplate.Service.Admission;

/// <summary>
/// Holds a unary Clean until the slot its <see cref="SlotTicket"/> claimed before the body was read is granted.
/// </summary>
internal sealed class SlotInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (context.GetHttpContext().Features.Get<SlotTicket>() is { } ticket)
        {
            await ticket.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        }

        return await continuation(request, context).ConfigureAwait(false);
    }
}
