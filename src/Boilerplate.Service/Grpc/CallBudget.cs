using System.Diagnostics;
using Grpc.Core;

namespace Boilerplate.Service.Grpc;

/// <summary>
/// The cancellation a piece of work runs under: the call's own token (client cancellation and the client's
/// deadline, which gRPC enforces) plus <c>Limits:DefaultDeadline</c> when the client set no deadline. The default
/// deadline is a timer, whose callback can run late on a busy machine; <see cref="Finish{T}"/> also holds it by the
/// clock, so no answer comes later than it.
/// </summary>
internal sealed class CallBudget : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly TimeSpan? _defaultDeadline;
    private readonly long _started = Stopwatch.GetTimestamp();

    private CallBudget(CancellationTokenSource source, TimeSpan? defaultDeadline)
    {
        _source = source;
        _defaultDeadline = defaultDeadline;
    }

    /// <summary>The token the work observes.</summary>
    public CancellationToken Token => _source.Token;

    public static CallBudget Start(ServerCallContext context, TimeSpan defaultDeadline, CancellationToken callToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(callToken);
        if (context.Deadline != DateTime.MaxValue)
        {
            return new CallBudget(source, null);
        }

        source.CancelAfter(defaultDeadline);
        return new CallBudget(source, defaultDeadline);
    }

    /// <summary>
    /// Returns the work's <paramref name="result"/>, or throws as the fired default deadline would (an
    /// <see cref="OperationCanceledException"/> of <see cref="Token"/>) when the work ran past it.
    /// </summary>
    public T Finish<T>(T result)
    {
        if (_defaultDeadline is { } deadline && Stopwatch.GetElapsedTime(_started) >= deadline)
        {
            _source.Cancel();
            _source.Token.ThrowIfCancellationRequested();
        }

        return result;
    }

    public void Dispose() => _source.Dispose();
}
