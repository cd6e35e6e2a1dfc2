using System.Diagnostics;
using System.Text;
using Boilerplate.Cli.Peers;

namespace Boilerplate.Throughput;

/// <summary>A decoded page and its size as fetched.</summary>
/// <param name="Page">What every system is handed.</param>
/// <param name="Bytes">Size of the page's HTML in UTF-8 bytes.</param>
internal sealed record TimedPage(PageToExtract Page, long Bytes)
{
    /// <summary>Wraps <paramref name="page"/>, measuring it once.</summary>
    public static TimedPage Of(PageToExtract page) => new(page, Encoding.UTF8.GetByteCount(page.Html));
}

/// <summary>Runs one system over every page on this thread: warm-up first, then timed pages until the budget ends.</summary>
internal static class ThroughputRun
{
    /// <summary>Times <paramref name="system"/> over <paramref name="pages"/>.</summary>
    /// <param name="system">The extractor.</param>
    /// <param name="pages">All pages, timed in this order.</param>
    /// <param name="warmup">Pages run untimed first (spread over all sizes) so JIT tiering or V8 warm-up is not counted.</param>
    /// <param name="budget">Wall-clock bound on the timed pass; pages after it are skipped and the timing says so.</param>
    /// <param name="cancellationToken">Stops between pages.</param>
    public static async Task<SystemTiming> RunAsync(IArticleExtractor system, IReadOnlyList<TimedPage> pages, int warmup, TimeSpan budget, CancellationToken cancellationToken)
    {
        var stride = Math.Max(1, pages.Count / Math.Max(1, warmup));
        for (var i = 0; i < pages.Count && i / stride < warmup; i += stride)
        {
            await system.ExtractAsync(pages[i].Page, cancellationToken).ConfigureAwait(false);
        }

        var timing = new SystemTiming(system.Name);
        var wall = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (wall.Elapsed > budget)
            {
                timing.Truncated = true;
                break;
            }

            var article = await system.ExtractAsync(page.Page, cancellationToken).ConfigureAwait(false);
            timing.Add(page.Bytes, article.Elapsed, article.Error is not null);
        }

        return timing;
    }
}
