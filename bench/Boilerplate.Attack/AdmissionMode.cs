using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Boilerplate.Protos.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Boilerplate.Attack;

/// <summary>
/// Issue 23's admission attack (the default mode): N unauthenticated and N authenticated calls of 15 MB at once, sent
/// raw, while a legitimate client with its own key cleans small pages. Prints the outcome of every call by status,
/// the legitimate client's answered ratio and the service's peak RSS (VmHWM).
/// </summary>
internal static class AdmissionMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        AttackOptions options;
        try
        {
            options = AttackOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        const string CleanPath = "/boilerplate.v1.BoilerplateService/Clean";
        var payload = RawGrpcCall.Frame(new CleanRequest
        {
            Id = "attack",
            Html = "<html><body><p>" + new string('x', options.PayloadBytes) + "</p></body></html>",
        }.ToByteArray());
        var legitimatePage = "<html><body><article><h1>Council extends the tram network</h1>" + string.Concat(Enumerable.Range(0, 12).Select(i =>
            $"<p>Paragraph {i}: the council voted on Tuesday to extend the tram network by four stops, citing rising ridership and the cost of road repairs.</p>")) +
            "</article><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></body></html>";

        using var stop = new CancellationTokenSource();
        var legitimate = new ConcurrentDictionary<string, int>();
        var legitimateTask = RunLegitimateAsync(options, legitimatePage, legitimate, stop.Token);
        var peakWatch = Task.Run(() => WatchPeak(options.ServerPid, stop.Token));

        // Give the legitimate client a moment to establish its rate before the attack starts.
        await Task.Delay(2000).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        using var attackHttp = new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }) { Timeout = TimeSpan.FromSeconds(120) };
        var outcomes = new ConcurrentDictionary<string, int>();
        var attack = Enumerable.Range(0, options.Unauthenticated).Select(_ => (Key: (string?)null, Kind: "unauthenticated"))
            .Concat(Enumerable.Range(0, options.Authenticated).Select(_ => (Key: options.AttackerKey, Kind: "authenticated")))
            .Select(async call =>
            {
                var status = await RawGrpcCall.SendAsync(attackHttp, options.Address, CleanPath, payload, call.Key, CancellationToken.None).ConfigureAwait(false);
                outcomes.AddOrUpdate($"{call.Kind} {status}", 1, (_, n) => n + 1);
            })
            .ToList();
        await Task.WhenAll(attack).ConfigureAwait(false);
        var attackSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // The legitimate client runs on until its time is up, so its ratio covers the attack and the recovery after it.
        await legitimateTask.ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        var peakMiB = await peakWatch.ConfigureAwait(false);

        var alive = options.ServerPid is not { } pid || IsAlive(pid);
        var answered = legitimate.GetValueOrDefault("OK");
        var total = legitimate.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attack: {options.Unauthenticated} unauthenticated + {options.Authenticated} authenticated calls of {payload.Length:N0} bytes, all ended after {attackSeconds:0.0} s"));
        foreach (var (outcome, count) in outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {outcome}: {count}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"legitimate client: {answered} of {total} calls answered OK ({(total == 0 ? 0 : 100.0 * answered / total):0.00}%)"));
        foreach (var (outcome, count) in legitimate.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {outcome}: {count}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"service: {(alive ? "alive" : "DEAD")}, peak RSS (VmHWM) {peakMiB:0} MiB"));
        return alive && total > 0 && answered >= 0.99 * total ? 0 : 1;

        static async Task RunLegitimateAsync(AttackOptions options, string page, ConcurrentDictionary<string, int> outcomes, CancellationToken cancellationToken)
        {
            using var channel = GrpcChannel.ForAddress(options.Address);
            var client = new BoilerplateService.BoilerplateServiceClient(channel);
            var headers = new Metadata { { "x-api-key", options.LegitimateKey } };
            var until = Stopwatch.GetTimestamp() + (long)(options.LegitimateFor.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, options.LegitimateConcurrency).Select(async _ =>
            {
                while (Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested)
                {
                    string outcome;
                    try
                    {
                        await client.CleanAsync(new CleanRequest { Html = page }, headers, DateTime.UtcNow.AddSeconds(30)).ConfigureAwait(false);
                        outcome = "OK";
                    }
                    catch (RpcException e)
                    {
                        outcome = e.StatusCode.ToString();
                        // A refusal is answered too, but not cleaned: pause as the client would before trying again.
                        await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
                    }

                    outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                }
            })).ConfigureAwait(false);
        }

        static double WatchPeak(int? pid, CancellationToken cancellationToken)
        {
            if (pid is null)
            {
                return double.NaN;
            }

            var peak = 0.0;
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                    {
                        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        {
                            peak = Math.Max(peak, double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024);
                        }
                    }
                }
                catch (IOException)
                {
                    break;
                }

                Thread.Sleep(200);
            }

            return peak;
        }

        static bool IsAlive(int pid)
        {
            try
            {
                return !Process.GetProcessById(pid).HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }
}
