using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Boilerplate.Protos.V1;
using Grpc.Core;

namespace Boilerplate.Client;

/// <summary>
/// One <c>CleanStreamAsync</c> call with <see cref="ClientStreamRetryOptions"/> on, over as many gRPC streams as it
/// takes. Pages are matched to answers by position (a stream answers in the order it was sent), not by id, so ids
/// need not be unique. Each page is answered to the caller exactly once, in the caller's order: a page answered by
/// the service is never sent again; one refused as AT_CAPACITY is queued for a resend after its delay; the pages a
/// failed stream had sent but not had answered are sent first on the next one.
/// </summary>
internal sealed class ResilientStream
{
    private readonly BoilerplateService.BoilerplateServiceClient _service;
    private readonly ClientResilience _resilience;
    private readonly ClientRetryOptions _retry;
    private readonly ClientStreamRetryOptions _streamRetry;
    private readonly DateTime? _deadline;

    // Caller's order: pages are taken off the front once answered and handed out.
    private readonly Queue<Page> _ledger = new();
    private readonly Lock _gate = new();

    // Read ahead by one page only, so the caller's pages are still read as the service accepts them.
    private readonly Channel<Page> _fresh = Channel.CreateBounded<Page>(1);
    private readonly Channel<Page> _resends = Channel.CreateUnbounded<Page>();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _unanswered;
    private int _awaitingResend;
    private Exception? _feedFailure;

    public ResilientStream(
        BoilerplateService.BoilerplateServiceClient service,
        ClientResilience resilience,
        BoilerplateClientOptions options,
        DateTime? deadline)
    {
        _service = service;
        _resilience = resilience;
        _retry = options.Retry;
        _streamRetry = options.StreamRetry;
        _deadline = deadline;
    }

    public async IAsyncEnumerable<CleanResponse> RunAsync(
        IAsyncEnumerable<CleanRequest> requests,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feeding = FeedAsync(requests, stop);
        IReadOnlyList<Page> replay = [];
        var reconnects = 0;
        Attempt? attempt = null;
        try
        {
            while (true)
            {
                attempt = new Attempt(this, replay, stop.Token);
                var step = await attempt.StartAsync().ConfigureAwait(false);
                var answered = false;
                while (step.Response is { } response)
                {
                    answered = true;
                    Settle(attempt.TakeSent(), response, stop.Token);
                    while (TryTakeNext(out var next))
                    {
                        yield return next;
                    }

                    step = await attempt.NextAsync().ConfigureAwait(false);
                }

                await attempt.StopAsync().ConfigureAwait(false);
                if (step.Failure is null && IsComplete)
                {
                    yield break;
                }

                // Ended with pages unanswered: a failure, or (never expected) the service closing a stream early.
                var failure = step.Failure ?? BoilerplateException.From(new RpcException(new Status(
                    StatusCode.Unavailable, "The stream ended before every page sent on it was answered.")));
                if (answered)
                {
                    // The start counted as a success once it answered; its end counts too.
                    await _resilience.RecordStreamFailureAsync(failure).ConfigureAwait(false);
                }

                if (ReconnectDelay(failure, reconnects) is not { } delay)
                {
                    throw failure;
                }

                reconnects++;
                replay = attempt.Unanswered();
                await Task.Delay(delay, stop.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (attempt is not null)
            {
                await attempt.StopAsync().ConfigureAwait(false);
            }

            // The caller's enumerable may throw on cancellation; why the call ended was reported already.
            await Task.WhenAny(feeding).ConfigureAwait(false);
        }
    }

    private bool IsComplete
    {
        get
        {
            lock (_gate)
            {
                return _fresh.Reader.Completion.IsCompleted && _unanswered == 0 && _ledger.Count == 0;
            }
        }
    }

    /// <summary>Reads the caller's pages into the ledger and the queue of pages to send.</summary>
    private async Task FeedAsync(IAsyncEnumerable<CleanRequest> requests, CancellationTokenSource stop)
    {
        await Task.Yield();
        try
        {
            await foreach (var request in requests.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                var page = new Page(request);
                lock (_gate)
                {
                    _ledger.Enqueue(page);
                    _unanswered++;
                }

                await _fresh.Writer.WriteAsync(page, stop.Token).ConfigureAwait(false);
                Pulse();
            }

            _fresh.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            _fresh.Writer.TryComplete();
        }
        catch (Exception e)
        {
            // The caller's own pages failed: end the call and throw that, as a foreach over them would.
            _feedFailure = e;
            _fresh.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
        }

        Pulse();
    }

    /// <summary>Records the service's answer to a page, or queues the page again when it was refused as AT_CAPACITY and may wait.</summary>
    private void Settle(Page page, CleanResponse response, CancellationToken cancellationToken)
    {
        if (CapacityDelay(page, response) is { } delay)
        {
            page.Attempts++;
            Interlocked.Increment(ref _awaitingResend);
            _ = ResendAfterAsync(page, delay, cancellationToken);
            return;
        }

        lock (_gate)
        {
            page.Answer = response;
            _unanswered--;
        }

        Pulse();
    }

    private async Task ResendAfterAsync(Page page, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            _resends.Writer.TryWrite(page);
            Pulse();
        }
        catch (OperationCanceledException)
        {
            // The call ended; nothing waits for this page any more.
        }
    }

    /// <summary>
    /// The service's RetryInfo delay plus up to a fifth, when the page was refused as AT_CAPACITY, has attempts left,
    /// the delay is at most <see cref="ClientRetryOptions.MaxDelay"/> and the resend fits in the deadline; else null.
    /// </summary>
    private TimeSpan? CapacityDelay(Page page, CleanResponse response)
    {
        if (!_retry.RetryAtCapacity || page.Attempts >= _streamRetry.MaxPageAttempts
            || response.GetError() is not { Reason: ErrorReasons.AtCapacity } error
            || (error.RetryAfter ?? TimeSpan.Zero) > _retry.MaxDelay)
        {
            return null;
        }

        var asked = error.RetryAfter ?? _retry.BaseDelay;
        var delay = asked + (asked * (Random.Shared.NextDouble() / 5));
        return FitsDeadline(delay) ? delay : null;
    }

    /// <summary>How long to wait before reopening after <paramref name="failure"/>; null when it must be thrown.</summary>
    private TimeSpan? ReconnectDelay(BoilerplateException failure, int reconnects)
    {
        if (!IsLostStream(failure) || reconnects >= _streamRetry.MaxReconnects)
        {
            return null;
        }

        // The service's delay when it gave one, else jittered exponential back-off, never past MaxDelay.
        var backOff = _retry.BaseDelay * Math.Pow(2, reconnects) * (0.5 + Random.Shared.NextDouble());
        var delay = failure.RetryAfter ?? backOff;
        delay = delay > _retry.MaxDelay ? _retry.MaxDelay : delay;
        return FitsDeadline(delay) ? delay : null;
    }

    /// <summary>
    /// UNAVAILABLE, or INTERNAL raised by the HTTP/2 transport rather than sent by the service: a stopping replica's
    /// connection can close before its SHUTTING_DOWN trailers are read. Either way no page was refused.
    /// </summary>
    private static bool IsLostStream(BoilerplateException failure) =>
        failure.StatusCode == StatusCode.Unavailable
        || (failure.StatusCode == StatusCode.Internal
            && failure.Status.DebugException is System.Net.Http.HttpProtocolException or IOException);

    private bool FitsDeadline(TimeSpan delay) => _deadline is not { } deadline || DateTime.UtcNow + delay < deadline;

    private bool TryTakeNext(out CleanResponse response)
    {
        lock (_gate)
        {
            if (_ledger.TryPeek(out var head) && head.Answer is { } answer)
            {
                _ledger.Dequeue();
                response = answer;
                return true;
            }
        }

        response = null!;
        return false;
    }

    private Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Wakes the sender: a page arrived, was answered or is due again.</summary>
    private void Pulse()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    /// <summary>Whether the request side may close: every page read, answered, and none waiting for a resend.</summary>
    private bool NothingLeftToSend
    {
        get
        {
            lock (_gate)
            {
                return _fresh.Reader.Completion.IsCompleted && _unanswered == 0 && Volatile.Read(ref _awaitingResend) == 0;
            }
        }
    }

    private sealed class Page(CleanRequest request)
    {
        public CleanRequest Request { get; } = request;

        public CleanResponse? Answer { get; set; }

        public int Attempts { get; set; } = 1;
    }

    /// <summary>What reading a stream gave: the next answer, its clean end (both null) or the failure that ended it.</summary>
    private readonly record struct Step(CleanResponse? Response, BoilerplateException? Failure);

    /// <summary>One gRPC stream of the call: its sender and the pages sent on it, oldest first, not yet answered.</summary>
    private sealed class Attempt(ResilientStream owner, IReadOnlyList<Page> replay, CancellationToken callToken)
    {
        // The replayed pages are owed by this stream from the start: if it fails before writing them all, the next one
        // still sends every one of them.
        private readonly Queue<Page> _sent = new(replay);
        private readonly Lock _sentGate = new();
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(callToken);
        private AsyncDuplexStreamingCall<CleanRequest, CleanResponse>? _call;
        private Task? _sending;

        /// <summary>Opens the stream through the breaker, which sees it up to its first answer.</summary>
        public async Task<Step> StartAsync()
        {
            try
            {
                return await owner._resilience.Breaker.ExecuteAsync(
                    async token =>
                    {
                        _call = owner._service.CleanStream(new CallOptions(deadline: owner._deadline, cancellationToken: _stop.Token));
                        _sending = SendAsync(_call.RequestStream, _stop.Token);
                        var first = await ReadAsync(token).ConfigureAwait(false);
                        // Thrown inside, so the breaker counts a stream that fails before answering.
                        return first.Failure is { } failure ? throw failure : first;
                    },
                    _stop.Token).ConfigureAwait(false);
            }
            catch (BoilerplateException e)
            {
                return new Step(null, e);
            }
        }

        public Task<Step> NextAsync() => ReadAsync(_stop.Token);

        /// <summary>The oldest page sent on this stream and not yet answered: the one the answer just read is for.</summary>
        public Page TakeSent()
        {
            lock (_sentGate)
            {
                return _sent.TryDequeue(out var page)
                    ? page
                    : throw BoilerplateException.From(new RpcException(new Status(
                        StatusCode.Internal, "The service answered more pages than were sent on the stream.")));
            }
        }

        /// <summary>Pages sent on this stream and not answered, in the order sent; call after <see cref="StopAsync"/>.</summary>
        public IReadOnlyList<Page> Unanswered()
        {
            lock (_sentGate)
            {
                return [.. _sent];
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            if (_sending is not null)
            {
                // The response stream already reported why the stream ended; the sender's failure adds nothing.
                await Task.WhenAny(_sending).ConfigureAwait(false);
                _ = _sending.Exception;
            }

            _call?.Dispose();
        }

        private async Task<Step> ReadAsync(CancellationToken token)
        {
            var responses = _call!.ResponseStream;
            try
            {
                return await responses.MoveNext(token).ConfigureAwait(false)
                    ? new Step(responses.Current, null)
                    : new Step(null, null);
            }
            catch (RpcException) when (owner._feedFailure is { } feedFailure)
            {
                ExceptionDispatchInfo.Throw(feedFailure);
                throw;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && token.IsCancellationRequested)
            {
                throw new OperationCanceledException("The stream was cancelled.", e, token);
            }
            catch (RpcException e)
            {
                return new Step(null, BoilerplateException.FromCall(e, owner._deadline));
            }
        }

        /// <summary>Sends the replayed pages, then resends and new pages as they come, and closes once nothing is left.</summary>
        private async Task SendAsync(IClientStreamWriter<CleanRequest> writer, CancellationToken token)
        {
            foreach (var page in replay)
            {
                await writer.WriteAsync(page.Request, token).ConfigureAwait(false);
            }

            while (true)
            {
                var changed = owner.Changed;
                if (owner._resends.Reader.TryRead(out var again))
                {
                    Interlocked.Decrement(ref owner._awaitingResend);
                    await WriteAsync(writer, again, token).ConfigureAwait(false);
                }
                else if (owner._fresh.Reader.TryRead(out var page))
                {
                    await WriteAsync(writer, page, token).ConfigureAwait(false);
                }
                else if (owner.NothingLeftToSend)
                {
                    await writer.CompleteAsync().ConfigureAwait(false);
                    return;
                }
                else
                {
                    await changed.WaitAsync(token).ConfigureAwait(false);
                }
            }
        }

        private async Task WriteAsync(IClientStreamWriter<CleanRequest> writer, Page page, CancellationToken token)
        {
            // Noted as sent before writing: if the write fails, the page is among those the next stream sends first.
            lock (_sentGate)
            {
                _sent.Enqueue(page);
            }

            await writer.WriteAsync(page.Request, token).ConfigureAwait(false);
        }
    }
}
