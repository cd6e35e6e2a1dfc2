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

/// <summary>
/// Runs every system over the pages on this thread. Systems take turns page by page, so a change in machine load
/// during the run hits all of them alike and the ratios between them stay fair; each is warmed up first.
/// </summary>
internal static class ThroughputRun
{
    /// <summary>Times <paramref name="systems"/> over <paramref name="pages"/>.</summary>
    /// <param name="systems">The extractors.</param>
    /// <param name="pages">All pages, timed in this order.</param>
    /// <param name="warmup">
    /// How long each system runs untimed over the pages first, in page order and round again if it gets through them.
    /// A count of pages is not enough: .NET's tiered JIT (with dynamic PGO) took about two passes over the corpus, some
    /// 15 s, before our pipeline reached its steady rate (127, 169, then 202 pages/s pass by pass), and SmartReader
    /// tiers up the same way.
    /// </param>
    /// <param name="budget">Wall-clock bound on the timed pass; pages after it are skipped by every system and the timings say so.</param>
    /// <param name="cancellationToken">Stops between pages.</param>
    public static async Task<IReadOnlyList<SystemTiming>> RunAsync(
        IReadOnlyList<IArticleExtractor> systems, IReadOnlyList<TimedPage> pages, TimeSpan warmup, TimeSpan budget, CancellationToken cancellationToken)
    {
        foreach (var system in systems)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; pages.Count > 0 && clock.Elapsed < warmup; i = (i + 1) % pages.Count)
            {
                await system.ExtractAsync(pages[i].Page, cancellationToken).ConfigureAwait(false);
            }
        }

        var timings = systems.Select(s => new SystemTiming(s.Name)).ToList();
        var wall = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (wall.Elapsed > budget)
            {
                timings.ForEach(t => t.Truncated = true);
                break;
            }

            for (var s = 0; s < systems.Count; s++)
            {
                var article = await systems[s].ExtractAsync(page.Page, cancellationToken).ConfigureAwait(false);
                timings[s].Add(page.Bytes, article.Elapsed, article.Error is not null);
            }
        }

        return timings;
    }
}
