using System.Threading.Channels;
using Boilerplate.Protos.V1;
using Boilerplate.Service.Errors;
using Grpc.Core;

namespace Boilerplate.Service.Grpc;

/// <summary>
/// Processes a request stream with bounded read-ahead: up to <c>parallelism</c> requests are worked on at once,
/// answers are written strictly in request order, and reading pauses while that many are pending, so a fast
/// sender is slowed by HTTP/2 flow control instead of filling the server's memory.
/// </summary>
internal static class OrderedParallelStream
{
    /// <summary>Runs with no admission step, no idle limit and no answers for failures; see the full overload.</summary>
    public static Task RunAsync<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requests,
        IServerStreamWriter<TResponse> responses,
        Func<TRequest, CancellationToken, TResponse> process,
        int parallelism,
        CancellationToken cancellationToken) =>
        RunAsync(requests, responses, process, parallelism, admit: null, Timeout.InfiniteTimeSpan, failed: null, cancellationToken);

    /// <summary>
    /// Runs until the request stream ends. An item whose admission or work fails is answered in its place by
    /// <paramref name="failed"/> and the stream goes on; when that gives no answer, the failure ends the call after the
    /// answers before it are written, and the items after it are cancelled.
    /// </summary>
    /// <param name="requests">The request stream.</param>
    /// <param name="responses">Where answers go, in request order.</param>
    /// <param name="process">The work for one item.</param>
    /// <param name="parallelism">Most items worked on at once.</param>
    /// <param name="admit">
    /// Waits for a permit to work on one item, released when that work ends; null: none needed. Items are admitted in
    /// request order. A refusal (its exception) is a failing item: answered by <paramref name="failed"/>, or the end.
    /// </param>
    /// <param name="idleTimeout">
    /// How long the stream may wait for its next request while no item is in flight or unanswered; past it the call
    /// ends with DEADLINE_EXCEEDED. <see cref="Timeout.InfiniteTimeSpan"/>: no limit.
    /// </param>
    /// <param name="failed">
    /// The answer for an item whose admission or work threw, or null to end the call with that exception; never asked
    /// once the call is cancelled. Null: every failure ends the call.
    /// </param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    public static async Task RunAsync<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requests,
        IServerStreamWriter<TResponse> responses,
        Func<TRequest, CancellationToken, TResponse> process,
        int parallelism,
        Func<CancellationToken, ValueTask<IDisposable>>? admit,
        TimeSpan idleTimeout,
        Func<TRequest, Exception, TResponse?>? failed,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var idle = new IdleClock(idleTimeout);
        // One item is awaited by the writer loop outside the channel, so capacity parallelism - 1 keeps at most
        // `parallelism` items in flight.
        var pending = Channel.CreateBounded<Task<TResponse>>(new BoundedChannelOptions(Math.Max(1, parallelism - 1))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var reading = ReadAsync(requests, pending.Writer, process, admit, failed, idle, stop.Token);
        try
        {
            await foreach (var work in pending.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var response = await work.ConfigureAwait(false);
                await responses.WriteAsync(response, stop.Token).ConfigureAwait(false);
                idle.Answered();
            }

            await reading.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await DrainAsync(reading, pending.Reader).ConfigureAwait(false);
        }
    }

    private static async Task ReadAsync<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requests,
        ChannelWriter<Task<TResponse>> pending,
        Func<TRequest, CancellationToken, TResponse> process,
        Func<CancellationToken, ValueTask<IDisposable>>? admit,
        Func<TRequest, Exception, TResponse?>? failed,
        IdleClock idle,
        CancellationToken cancellationToken)
    {
        try
        {
            using var waitForNext = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
            while (await MoveNextAsync(requests, idle, waitForNext.Token, cancellationToken).ConfigureAwait(false))
            {
                var request = requests.Current;
                idle.Received();
                // Wait for room before starting the work, so at most `parallelism` items are in flight.
                if (!await pending.WaitToWriteAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                IDisposable? permit;
                try
                {
                    permit = admit is null ? null : await admit(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (failed is not null && !cancellationToken.IsCancellationRequested)
                {
                    // A refused admission answers this item in its place; the items after it are still worked on.
                    var refused = failed(request, e);
                    if (refused is null)
                    {
                        throw;
                    }

                    pending.TryWrite(Task.FromResult(refused));
                    continue;
                }

                // No token for Task.Run: a task cancelled before it starts would never release its permit. The work
                // watches the token itself.
                pending.TryWrite(Task.Run(() =>
                {
                    using (permit)
                    {
                        try
                        {
                            return process(request, cancellationToken);
                        }
                        catch (Exception e) when (failed is not null && !cancellationToken.IsCancellationRequested)
                        {
                            var answer = failed(request, e);
                            if (answer is null)
                            {
                                throw;
                            }

                            return answer;
                        }
                    }
                }));
            }

            pending.TryComplete();
        }
        catch (Exception e)
        {
            pending.TryComplete(e);
            throw;
        }
    }

    private static async Task<bool> MoveNextAsync<TRequest>(
        IAsyncStreamReader<TRequest> requests, IdleClock idle, CancellationToken waitForNext, CancellationToken cancellationToken)
    {
        try
        {
            return await requests.MoveNext(waitForNext).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw ErrorStatuses.Create(
                StatusCode.DeadlineExceeded,
                ErrorReasons.StreamIdle,
                $"No request arrived for {idle.Timeout.TotalSeconds:0.###} s while no page was in progress " +
                "(Limits:StreamIdleTimeout); the stream was closed. Open a new one when there are pages to send.").ToRpcException();
        }
    }

    /// <summary>Waits for abandoned work so nothing outlives the call, swallowing its (already reported) failures.</summary>
    private static async Task DrainAsync<TResponse>(Task reading, ChannelReader<Task<TResponse>> pending)
    {
        await Task.WhenAny(reading).ConfigureAwait(false);
        MarkObserved(reading);
        while (pending.TryRead(out var work))
        {
            await Task.WhenAny(work).ConfigureAwait(false);
            MarkObserved(work);
        }
    }

    // Reading Task.Exception marks a failure as observed, so it is not raised again as an unobserved task exception.
    private static void MarkObserved(Task task)
    {
        _ = task.Exception;
    }

    /// <summary>
    /// Fires after <see cref="Timeout"/> with nothing in flight: it stops while a received item awaits its answer, so a
    /// client waiting for a slow page, or for each answer before it sends the next page, is never idle.
    /// </summary>
    private sealed class IdleClock : IDisposable
    {
        private readonly CancellationTokenSource _fired = new();
        private readonly Lock _gate = new();
        private int _unanswered;

        public IdleClock(TimeSpan timeout)
        {
            Timeout = timeout;
            _fired.CancelAfter(timeout);
        }

        public TimeSpan Timeout { get; }

        public CancellationToken Token => _fired.Token;

        /// <summary>An item arrived: the clock stops until every item received is answered.</summary>
        public void Received()
        {
            lock (_gate)
            {
                _unanswered++;
                _fired.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan);
            }
        }

        /// <summary>An item was answered: with none left, the clock starts again from zero.</summary>
        public void Answered()
        {
            lock (_gate)
            {
                if (--_unanswered == 0)
                {
                    _fired.CancelAfter(Timeout);
                }
            }
        }

        public void Dispose() => _fired.Dispose();
    }
}
