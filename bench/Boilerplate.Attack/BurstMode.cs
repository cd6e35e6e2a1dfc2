using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Boilerplate.Protos.V1;
using Grpc.Core;

namespace Boilerplate.Attack;

/// <summary>
/// Issue 23, item 2: <c>--calls</c> (200) calls of a <c>--page-bytes</c> (2 MB) article at once, through the real
/// client; the calls past the slots and the queue must get RESOURCE_EXHAUSTED, and none UNAVAILABLE (which clients
/// retry into a storm).
/// </summary>
internal static class BurstMode
{
    public static async Task<int> RunAsync(ModeArgs args)
    {
        var calls = args.Int("--calls", 200);
        var pageBytes = args.Int("--page-bytes", 2_000_000);
        var paragraph = "<p>The council voted on Tuesday to extend the tram network by four stops, citing rising ridership, the cost of road repairs and the city's air quality targets for the decade.</p>\n";
        var html = new StringBuilder("<html><body><article><h1>Council extends the tram network</h1>");
        while (html.Length < pageBytes)
        {
            html.Append(paragraph);
        }

        var request = new CleanRequest { Html = html.Append("</article></body></html>").ToString() };
        using var channel = args.Channel();
        var client = new BoilerplateService.BoilerplateServiceClient(channel);
        await client.CleanAsync(new CleanRequest { Html = Probe.Article(12) }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync.ConfigureAwait(false);

        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var details = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        var peak = 0.0;
        using var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Probe.RssMiB(args.ServerPid) is var rss && double.IsNaN(rss) ? 0 : rss);
                await Task.Delay(200, CancellationToken.None).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, calls).Select(async _ =>
        {
            string outcome;
            try
            {
                await client.CleanAsync(request, deadline: DateTime.UtcNow.AddSeconds(120)).ResponseAsync.ConfigureAwait(false);
                outcome = "OK";
            }
            catch (RpcException e)
            {
                outcome = e.StatusCode.ToString();
                if (e.StatusCode != StatusCode.ResourceExhausted)
                {
                    // What an operator needs to tell a client-side transport error from a server's status.
                    var detail = $"{e.StatusCode}: {e.Status.Detail} {e.Status.DebugException?.GetBaseException().Message}";
                    details.AddOrUpdate(detail[..Math.Min(200, detail.Length)], 1, (_, n) => n + 1);
                }
            }

            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        })).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync().ConfigureAwait(false);
        await watch.ConfigureAwait(false);

        foreach (var (detail, count) in details)
        {
            Console.WriteLine($"  {count} x {detail}");
        }

        var summary = string.Join(", ", outcomes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
        var exhausted = outcomes.GetValueOrDefault("ResourceExhausted");
        var ok = outcomes.GetValueOrDefault("OK");
        var unavailable = outcomes.GetValueOrDefault("Unavailable");
        var pass = unavailable == 0 && exhausted > 0 && ok + exhausted == calls && Probe.IsAlive(args.ServerPid);
        return Probe.Result("2 200 x 2 MB at once", pass, string.Create(CultureInfo.InvariantCulture,
            $"{calls} calls of {request.CalculateSize():N0} bytes: {summary}; all ended after {seconds:0.0} s; service peak RSS {peak:0} MiB"));
    }
}
