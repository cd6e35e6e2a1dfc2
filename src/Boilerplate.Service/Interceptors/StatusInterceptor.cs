using Boilerplate.Core.Errors;
using Boilerplate.Service.Models;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boilerplate.Service.Interceptors;

/// <summary>
/// The one place exceptions become gRPC statuses. Refused pages map by reason, cancellation by who cancelled, and
/// anything unexpected becomes INTERNAL with a correlation id that is in both the message and the log, never a
/// stack trace.
/// </summary>
internal sealed class StatusInterceptor(ILogger<StatusInterceptor> logger) : Interceptor
{
    /// <summary>
    /// Longest status detail sent. The detail travels as a trailer, which clients refuse past a few kilobytes (the call
    /// then fails with an unrelated status), and is logged; refusals name what they must in far less.
    /// </summary>
    internal const int MaxDetailChars = 1024;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw Translate(e, context);
        }
    }

    private static string Bounded(string detail) =>
        detail.Length <= MaxDetailChars ? detail : string.Concat(detail.AsSpan(0, MaxDetailChars - 1), "\u2026");

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case PageRejectedException rejected:
                var code = rejected.Reason switch
                {
                    PageRejection.InvalidInput => StatusCode.InvalidArgument,
                    PageRejection.TooLarge => StatusCode.ResourceExhausted,
                    PageRejection.TimedOut => StatusCode.DeadlineExceeded,
                    _ => StatusCode.Internal,
                };
                var reason = Bounded(rejected.Message);
                logger.LogInformation("{Method} refused the page with {StatusCode}: {Reason}", ResolvedMethod.NameOf(context), code, reason);
                return new RpcException(new Status(code, reason));

            case ModelUnavailableException unavailable:
                return new RpcException(new Status(StatusCode.Unavailable, unavailable.Message));

            case OperationCanceledException when context.CancellationToken.IsCancellationRequested
                                                 && DateTime.UtcNow < context.Deadline:
                return new RpcException(new Status(StatusCode.Cancelled, "The client cancelled the call."));

            case OperationCanceledException:
                logger.LogInformation("{Method} ran past its deadline", ResolvedMethod.NameOf(context));
                return new RpcException(new Status(
                    StatusCode.DeadlineExceeded,
                    "Cleaning did not finish within the deadline (the client's, or Limits:DefaultDeadline when the " +
                    "client set none); send a smaller page or allow more time."));

            default:
                var correlationId = context.GetHttpContext().TraceIdentifier;
                logger.LogError(exception, "{Method} failed unexpectedly; correlation id {CorrelationId}", ResolvedMethod.NameOf(context), correlationId);
                return new RpcException(new Status(
                    StatusCode.Internal,
                    $"Internal error (correlation id {correlationId}); the service log has the details."));
        }
    }
}
