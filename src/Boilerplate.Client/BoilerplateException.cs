using Grpc.Core;

namespace Boilerplate.Client;

/// <summary>
/// A call to the service failed. Still an <see cref="RpcException"/> (same status and trailers), so code that catches
/// those keeps working; <see cref="Error"/> adds the reason, retry delay and fields at fault. Thrown as
/// <see cref="RetryLaterException"/> or <see cref="PageRefusedException"/> when the service said which applies.
/// </summary>
public class BoilerplateException : RpcException
{
    /// <summary>Wraps <paramref name="source"/>, keeping its status and trailers.</summary>
    /// <param name="source">The failed call's exception.</param>
    /// <param name="error">What the service said about it.</param>
    public BoilerplateException(RpcException source, BoilerplateError error)
        : base(Checked(source).Status, source.Trailers)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>What the service said: code, reason, retry delay, fields at fault.</summary>
    public BoilerplateError Error { get; }

    /// <summary>The stable reason (see <see cref="Protos.V1.ErrorReasons"/>); empty when the service gave none.</summary>
    public string Reason => Error.Reason;

    /// <summary>The delay the service asked for before a retry; null when it gave none.</summary>
    public TimeSpan? RetryAfter => Error.RetryAfter;

    /// <summary>The typed exception for a failed call: the subclass its <see cref="ErrorDisposition"/> calls for.</summary>
    public static BoilerplateException From(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception as BoilerplateException ?? From(BoilerplateError.FromException(exception), exception);
    }

    /// <summary>
    /// The typed exception for a call that failed with <paramref name="exception"/> and had <paramref name="deadline"/>:
    /// a reset at the deadline reads as the deadline (<see cref="DeadlineStatus"/>).
    /// </summary>
    internal static BoilerplateException FromCall(RpcException exception, DateTime? deadline) =>
        From(DeadlineStatus.Resolve(exception, deadline, DateTime.UtcNow));

    /// <summary>The typed exception for an error with no call behind it, such as one page of a stream.</summary>
    public static BoilerplateException From(BoilerplateError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return From(error, new RpcException(new Status(error.Code, error.Message)));
    }

    private static BoilerplateException From(BoilerplateError error, RpcException source) => error.Disposition switch
    {
        ErrorDisposition.RetryLater => new RetryLaterException(source, error),
        ErrorDisposition.NeverRetry => new PageRefusedException(source, error),
        _ => new BoilerplateException(source, error),
    };

    private static RpcException Checked(RpcException source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source;
    }
}

/// <summary>
/// The service could not take the page now (at capacity, no model yet, unreachable): send it again later, after
/// <see cref="BoilerplateException.RetryAfter"/> when set. Unary calls have already been retried as
/// <see cref="ClientRetryOptions"/> allows when this surfaces.
/// </summary>
public sealed class RetryLaterException(RpcException source, BoilerplateError error) : BoilerplateException(source, error);

/// <summary>
/// The service refused the page itself (empty, too large, too many nodes, bad options, unknown label, parse time
/// budget spent): sending it again unchanged fails the same way.
/// </summary>
public sealed class PageRefusedException(RpcException source, BoilerplateError error) : BoilerplateException(source, error);
