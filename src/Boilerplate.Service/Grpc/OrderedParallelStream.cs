using System.Threading.Channels;
using Grpc.Core;

namespace Boilerplate.Service.Grpc;

/// <summary>
/// Processes a request stream with bounded read-ahead: up to <c>parallelism</c> requests are worked on at once,
/// answers are written strictly in request order, and reading pauses while that many are pending, so a fast
/// sender is slowed by HTTP/2 flow control instead of filling the server's memory.
/// </summary>
internal static class OrderedParallelStream
{
    /// <summary>
    /// Runs until the request stream ends. The first failing item ends the call with its exception after the
    /// answers before it are written; the items after it are cancelled.
    /// </summary>
    public static async Task RunAsync<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requests,
        IServerStreamWriter<TResponse> responses,
        Func<TRequest, CancellationToken, TResponse> process,
        int parallelism,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // One item is awaited by the writer loop outside the channel, so capacity parallelism - 1 keeps at most
        // `parallelism` items in flight.
        var pending = Channel.CreateBounded<Task<TResponse>>(new BoundedChannelOptions(Math.Max(1, parallelism - 1))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var reading = ReadAsync(requests, pending.Writer, process, stop.Token);
        try
        {
            await foreach (var work in pending.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var response = await work.ConfigureAwait(false);
                await responses.WriteAsync(response, stop.Token).ConfigureAwait(false);
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
        CancellationToken cancellationToken)
    {
        try
        {
            while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var request = requests.Current;
                // Wait for room before starting the work, so at most `parallelism` items are in flight.
                if (!await pending.WaitToWriteAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                pending.TryWrite(Task.Run(() => process(request, cancellationToken), cancellationToken));
            }

            pending.TryComplete();
        }
        catch (Exception e)
        {
            pending.TryComplete(e);
            throw;
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
}
