using System.Collections.Concurrent;
using System.Diagnostics;
using Boilerplate.Protos.V1;
using Grpc.Core;

namespace Boilerplate.LoadTest;

/// <summary>Drives the service with unary calls (closed or open loop) or pipelined streams, bounded in count and time.</summary>
internal sealed class LoadRunner(BoilerplateService.BoilerplateServiceClient client, RequestCorpus corpus, LoadTestOptions options)
{
    // Generous per-call deadline: a call that takes longer is a failure worth seeing, not a hang.
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    private long _issued;

    /// <summary>Sends <paramref name="count"/> unmeasured requests so both sides are warm.</summary>
    public async Task WarmAsync(int count, CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder();
        await ClosedLoopAsync(count, options.Concurrency, recorder, cancellationToken).ConfigureAwait(false);
        _issued = 0;
    }

    /// <summary>Runs the measured load and returns what was recorded.</summary>
    public async Task<LatencyRecorder> RunAsync(CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Duration);
        var task = options switch
        {
            { Mode: CallMode.Stream } => StreamsAsync(recorder, deadline.Token),
            { Rate: { } rate } => OpenLoopAsync(rate, recorder, deadline.Token),
            _ => ClosedLoopAsync(options.Requests, options.Concurrency, recorder, deadline.Token),
        };
        await task.ConfigureAwait(false);
        return recorder;
    }

    private bool TryTake(int limit, CancellationToken stop, out long sequence)
    {
        sequence = Interlocked.Increment(ref _issued) - 1;
        return sequence < limit && !stop.IsCancellationRequested;
    }

    private async Task ClosedLoopAsync(int count, int concurrency, LatencyRecorder recorder, CancellationToken stop)
    {
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (TryTake(count, stop, out var sequence))
            {
                await CallAsync(corpus[sequence], Stopwatch.GetTimestamp(), recorder).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private async Task OpenLoopAsync(double rate, LatencyRecorder recorder, CancellationToken stop)
    {
        using var inFlight = new SemaphoreSlim(LoadTestOptions.MaxInFlight);
        var calls = new List<Task>(options.Requests);
        var start = Stopwatch.GetTimestamp();
        for (var sequence = 0; sequence < options.Requests && !stop.IsCancellationRequested; sequence++)
        {
            // Latency counts from when the request was due, so a server falling behind shows up as latency
            // instead of silently slowing the generator down (coordinated omission).
            var due = start + (long)(sequence / rate * Stopwatch.Frequency);
            var wait = TimeSpan.FromTicks((due - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, CancellationToken.None).ConfigureAwait(false);
            }

            await inFlight.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            var request = corpus[sequence];
            calls.Add(Task.Run(async () =>
            {
                try
                {
                    await CallAsync(request, due, recorder).ConfigureAwait(false);
                }
                finally
                {
                    inFlight.Release();
                }
            }, CancellationToken.None));
        }

        await Task.WhenAll(calls).ConfigureAwait(false);
    }

    private async Task CallAsync(CleanRequest request, long startTimestamp, LatencyRecorder recorder)
    {
        try
        {
            await client.CleanAsync(request, deadline: DateTime.UtcNow.Add(CallDeadline)).ConfigureAwait(false);
            recorder.Success(startTimestamp);
        }
        catch (RpcException ex)
        {
            recorder.Failure(ex.StatusCode);
        }
    }

    private async Task StreamsAsync(LatencyRecorder recorder, CancellationToken stop)
    {
        var streams = Enumerable.Range(0, options.Concurrency).Select(_ => OneStreamAsync(recorder, stop));
        await Task.WhenAll(streams).ConfigureAwait(false);
    }

    private async Task OneStreamAsync(LatencyRecorder recorder, CancellationToken stop)
    {
        using var call = client.CleanStream(deadline: DateTime.UtcNow.Add(options.Duration + CallDeadline), cancellationToken: CancellationToken.None);
        using var window = new SemaphoreSlim(options.Window);
        using var abort = new CancellationTokenSource();
        var sent = new ConcurrentQueue<long>();
        var writer = Task.Run(async () =>
        {
            while (TryTake(options.Requests, stop, out var sequence))
            {
                await window.WaitAsync(abort.Token).ConfigureAwait(false);
                sent.Enqueue(Stopwatch.GetTimestamp());
                await call.RequestStream.WriteAsync(corpus[sequence], abort.Token).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }, CancellationToken.None);

        try
        {
            // Responses come back in request order, so the oldest send time belongs to each response read.
            while (await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
            {
                sent.TryDequeue(out var started);
                // A failed page (AT_CAPACITY under overload, say) comes back in its place and the stream goes on.
                if (call.ResponseStream.Current.Error is { } error)
                {
                    recorder.Failure((StatusCode)error.Code);
                }
                else
                {
                    recorder.Success(started);
                }

                window.Release();
            }

            await writer.ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            // A failed stream loses the pages still in flight on it; each counts as a failure.
            await abort.CancelAsync().ConfigureAwait(false);
            for (var lost = Math.Max(1, sent.Count); lost > 0; lost--)
            {
                recorder.Failure(ex.StatusCode);
            }

            await Task.WhenAny(writer).ConfigureAwait(false);
        }
    }
}
