using Grpc.Core;

namespace Boilerplate.Client;

/// <summary>
/// Reads a CANCELLED that the caller did not ask for, at the call's deadline, as the deadline. Both ends watch the
/// deadline; the service's timer can reset the stream (HTTP/2 has no code for "deadline") a moment before the
/// client's fires, and gRPC's own look at the clock then misses it by that moment.
/// </summary>
internal static class DeadlineStatus
{
    /// <summary>How long before the deadline a reset still stands for it: the timeout travels in whole milliseconds, and timers on a loaded machine fire late.</summary>
    public static readonly TimeSpan Skew = TimeSpan.FromMilliseconds(100);

    /// <summary><paramref name="exception"/>, or DEADLINE_EXCEEDED in its place when it is a CANCELLED within <see cref="Skew"/> of <paramref name="deadline"/>.</summary>
    public static RpcException Resolve(RpcException exception, DateTime? deadline, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode == StatusCode.Cancelled && deadline is { } due && utcNow >= due - Skew
            ? new RpcException(
                new Status(StatusCode.DeadlineExceeded, "The call ran past its deadline; the service ended it first.", exception.Status.DebugException),
                exception.Trailers)
            : exception;
    }
}
