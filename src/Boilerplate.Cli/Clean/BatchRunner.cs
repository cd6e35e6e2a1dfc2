using System.Diagnostics;
using System.Threading.Channels;
using Boilerplate.Core.Errors;
using Boilerplate.Protos.V1;
using Grpc.Core;

namespace Boilerplate.Cli.Clean;

/// <summary>What a run of <c>clean</c> did.</summary>
/// <param name="Pages">Page files found.</param>
/// <param name="Succeeded">Pages cleaned.</param>
/// <param name="Failed">Pages reported with an error.</param>
/// <param name="ParagraphsKept">Paragraphs kept over the cleaned pages.</param>
/// <param name="ParagraphsTotal">Paragraphs found over the cleaned pages.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
internal sealed record CleanSummary(int Pages, int Succeeded, int Failed, long ParagraphsKept, long ParagraphsTotal, TimeSpan Elapsed)
{
    /// <summary>Pages (cleaned or failed) per second of wall-clock time.</summary>
    public double PagesPerSecond => Elapsed > TimeSpan.Zero ? (Succeeded + Failed) / Elapsed.TotalSeconds : 0;

    /// <summary>The run's exit code: every page cleaned, some failed, or none cleaned.</summary>
    public int ExitCode => Failed == 0 ? ExitCodes.Success : Succeeded == 0 ? ExitCodes.Failed : ExitCodes.Partial;
}

/// <summary>
/// Cleans many page files with up to N in flight and writes the results in input order, so output is
/// reproducible whatever the parallelism. A page's failure is written as that page's error and the run goes on.
/// </summary>
internal sealed class BatchRunner(
    ICleanBackend backend,
    IPageWriter writer,
    PageReader reader,
    PageRequestBuilder requests,
    CleanOptions options,
    int parallelism)
{
    private sealed record Outcome(PageFile Page, CleanResponse? Response, string? Error);

    /// <summary>Cleans <paramref name="pages"/>; <paramref name="onPageDone"/> is called after each page is written.</summary>
    public async Task<CleanSummary> RunAsync(IReadOnlyList<PageFile> pages, Action? onPageDone, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // A slot is taken before a page starts and given back once it is written: at most `parallelism` pages
        // are being cleaned or wait to be written, whatever the input size and however slow the head page is.
        using var slots = new SemaphoreSlim(parallelism);
        var pending = Channel.CreateUnbounded<Task<Outcome>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var page in pages)
                    {
                        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                        pending.Writer.TryWrite(CleanOneAsync(page, cancellationToken));
                    }
                }
                finally
                {
                    pending.Writer.Complete();
                }
            },
            cancellationToken);

        int succeeded = 0, failed = 0;
        long kept = 0, total = 0;
        await foreach (var next in pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var outcome = await next.ConfigureAwait(false);
            if (outcome.Response is { } response)
            {
                await writer.WriteAsync(outcome.Page, response, options, cancellationToken).ConfigureAwait(false);
                succeeded++;
                kept += response.Stats?.Kept ?? 0;
                total += response.Stats?.Paragraphs ?? 0;
            }
            else
            {
                await writer.WriteErrorAsync(outcome.Page, outcome.Error!, cancellationToken).ConfigureAwait(false);
                failed++;
            }

            slots.Release();
            onPageDone?.Invoke();
        }

        await producer.ConfigureAwait(false);
        return new CleanSummary(pages.Count, succeeded, failed, kept, total, Stopwatch.GetElapsedTime(started));
    }

    private async Task<Outcome> CleanOneAsync(PageFile page, CancellationToken cancellationToken)
    {
        try
        {
            var content = await reader.ReadAsync(page, cancellationToken).ConfigureAwait(false);
            var response = await backend.CleanAsync(requests.Build(page, content), cancellationToken).ConfigureAwait(false);
            return new Outcome(page, response, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // One bad page (unreadable, refused, a server error) must not cost the rest of a long run.
            return new Outcome(page, null, Describe(e));
        }
    }

    /// <summary>A one-line reason: the gRPC status or the domain's refusal reason, then the message.</summary>
    internal static string Describe(Exception e) => e switch
    {
        RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        PageRejectedException rejected => $"{rejected.Reason}: {rejected.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
