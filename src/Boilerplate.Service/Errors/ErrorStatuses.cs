using System.Diagnostics;
using Boilerplate.Core.Errors;
using Boilerplate.Protos.V1;
using Boilerplate.Service.Interceptors;
using Boilerplate.Service.Models;
using Boilerplate.Service.Telemetry;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Boilerplate.Service.Errors;

/// <summary>
/// The one place failures become statuses: a <c>google.rpc.Status</c> with the gRPC code, a bounded message and
/// details (ErrorInfo with a stable reason always; RetryInfo for AT_CAPACITY; BadRequest when a request field is at
/// fault). A unary call fails with it (<see cref="StatusInterceptor"/>); a stream's page carries it in
/// <c>CleanResponse.error</c>. Anything unexpected becomes INTERNAL with a correlation id that is in both the message
/// and the log, never a stack trace.
/// </summary>
internal sealed class ErrorStatuses(ILogger<ErrorStatuses> logger, ServiceMetrics metrics)
{
    /// <summary>
    /// Longest status message sent. The status travels as trailers (message and details), which clients refuse past a
    /// few kilobytes (the call then fails with an unrelated status), and is logged; refusals need far less.
    /// </summary>
    internal const int MaxMessageChars = 1024;

    /// <summary>Longest BadRequest field-violation description sent; the message beside it says the rest.</summary>
    internal const int MaxDescriptionChars = 256;

    /// <summary>The single table from the domain's rejections to the status code and stable reason a caller sees.</summary>
    internal static (StatusCode Code, string Reason) Classify(PageRejection rejection) => rejection switch
    {
        PageRejection.EmptyPage => (StatusCode.InvalidArgument, ErrorReasons.EmptyPage),
        PageRejection.InvalidOption => (StatusCode.InvalidArgument, ErrorReasons.InvalidOption),
        PageRejection.UnknownLabel => (StatusCode.InvalidArgument, ErrorReasons.UnknownLabel),
        PageRejection.InvalidInput => (StatusCode.InvalidArgument, ErrorReasons.InvalidArgument),
        PageRejection.TooLarge => (StatusCode.ResourceExhausted, ErrorReasons.PageTooLarge),
        PageRejection.TooManyNodes => (StatusCode.ResourceExhausted, ErrorReasons.TooManyNodes),
        PageRejection.TooManyParagraphs => (StatusCode.ResourceExhausted, ErrorReasons.TooManyParagraphs),
        PageRejection.TimedOut => (StatusCode.DeadlineExceeded, ErrorReasons.ParseTimeout),
        _ => (StatusCode.Internal, ErrorReasons.Internal),
    };

    /// <summary>A status with an ErrorInfo of <paramref name="reason"/> in the service's domain.</summary>
    public static RpcStatus Create(StatusCode code, string reason, string message)
    {
        var status = new RpcStatus { Code = (int)code, Message = Bounded(message) };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = ErrorReasons.Domain }));
        return status;
    }

    /// <summary>RESOURCE_EXHAUSTED, reason AT_CAPACITY, with a RetryInfo of <paramref name="retryAfter"/>.</summary>
    public static RpcStatus AtCapacity(string message, TimeSpan retryAfter)
    {
        var status = Create(StatusCode.ResourceExhausted, ErrorReasons.AtCapacity, message);
        status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }));
        return status;
    }

    /// <summary>
    /// The status <paramref name="exception"/>, thrown while cleaning a page of <paramref name="context"/>'s call, stands
    /// for; page failures are logged and counted by reason.
    /// </summary>
    public RpcStatus ToStatus(Exception exception, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        switch (exception)
        {
            case PageRejectedException rejected:
                var (code, reason) = Classify(rejected.Reason);
                var refusal = Create(code, reason, rejected.Message);
                if (rejected.Field is { } field)
                {
                    refusal.Details.Add(Any.Pack(new BadRequest
                    {
                        // The message again, shorter: both travel in the same trailer.
                        FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = Bounded(refusal.Message, MaxDescriptionChars) } },
                    }));
                }

                logger.LogInformation("{Method} refused a page with {StatusCode} {ErrorReason}: {Detail}", ResolvedMethod.NameOf(context), code, reason, refusal.Message);
                return Counted(refusal, reason);

            case ServiceAtCapacityException busy:
                return Counted(AtCapacity(busy.Message, busy.RetryAfter), ErrorReasons.AtCapacity);

            case ModelUnavailableException unavailable:
                return Counted(Create(StatusCode.Unavailable, ErrorReasons.ModelUnavailable, unavailable.Message), ErrorReasons.ModelUnavailable);

            case OperationCanceledException when context.CancellationToken.IsCancellationRequested && DateTime.UtcNow < context.Deadline:
                // The client is gone and will never read this; no reason to count.
                return new RpcStatus { Code = (int)StatusCode.Cancelled, Message = "The client cancelled the call." };

            case OperationCanceledException:
                logger.LogInformation("{Method} ran past its deadline", ResolvedMethod.NameOf(context));
                return Counted(
                    Create(
                        StatusCode.DeadlineExceeded,
                        ErrorReasons.DeadlineExceeded,
                        "Cleaning did not finish within the deadline (the client's, or Limits:DefaultDeadline when the " +
                        "client set none); send a smaller page or allow more time."),
                    ErrorReasons.DeadlineExceeded);

            case RpcException rpc:
                return rpc.GetRpcStatus() ?? new RpcStatus { Code = (int)rpc.StatusCode, Message = Bounded(rpc.Status.Detail) };

            default:
                // The trace id: the same id is in the log line's scope and names the call's trace in the tracing backend.
                var correlationId = Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.GetHttpContext().TraceIdentifier;
                logger.LogError(exception, "{Method} failed unexpectedly; correlation id {CorrelationId}", ResolvedMethod.NameOf(context), correlationId);
                return Counted(
                    Create(StatusCode.Internal, ErrorReasons.Internal, $"Internal error (correlation id {correlationId}); the service log has the details."),
                    ErrorReasons.Internal);
        }
    }

    private static string Bounded(string text, int maxChars = MaxMessageChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars - 1), "\u2026");

    private RpcStatus Counted(RpcStatus status, string reason)
    {
        metrics.PageFailed(reason);
        return status;
    }
}
