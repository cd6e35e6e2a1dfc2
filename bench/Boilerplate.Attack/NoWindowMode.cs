using System.Globalization;
using System.Text;
using Boilerplate.Protos.V1;
using Google.Protobuf;

namespace Boilerplate.Attack;

/// <summary>
/// Issue 23, item 3: a CleanStream client that grants the server no flow-control window (initial window 0, never a
/// WINDOW_UPDATE) and sends pages as fast as the server takes them. The server cannot write its answers, so it must
/// stop reading: the bytes it accepts stop growing and its RSS stays flat for the rest of <c>--seconds</c>.
/// </summary>
internal static class NoWindowMode
{
    public static async Task<int> RunAsync(ModeArgs args)
    {
        var seconds = args.Int("--seconds", 20);
        var pageBytes = args.Int("--page-bytes", 1_000_000);
        var html = new StringBuilder("<html><body><article><h1>Tram network</h1>");
        while (html.Length < pageBytes)
        {
            html.Append("<p>The council voted on Tuesday to extend the tram network by four stops, citing rising ridership.</p>\n");
        }

        var message = new CleanRequest { Html = html.Append("</article></body></html>").ToString() }.ToByteArray();
        var framed = RawGrpcCall.Frame(message);

        using var run = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 30));
        await using var connection = await RawHttp2Connection.ConnectAsync(args.Address, initialWindow: 0, grantWindow: false, run.Token).ConfigureAwait(false);
        var stream = await connection.OpenStreamAsync(GrpcHeaders(args.Address, "/boilerplate.v1.BoilerplateService/CleanStream"), endStream: false, run.Token).ConfigureAwait(false);
        using var sending = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var sender = Task.Run(async () =>
        {
            try
            {
                while (!sending.IsCancellationRequested)
                {
                    await connection.SendDataAsync(stream, framed, endStream: false, sending.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // Time is up, or the server ended the stream.
            }
        });

        // Sample the bytes the server has let in and its RSS once a second.
        var samples = new List<(int Second, long Bytes, double Rss)>();
        int? endedAt = null;
        for (var second = 0; second <= seconds; second++)
        {
            samples.Add((second, stream.BytesSent, Probe.RssMiB(args.ServerPid)));
            if (endedAt is null && (connection.Closed || stream.Reset))
            {
                endedAt = second;
            }

            await Task.Delay(1000, CancellationToken.None).ConfigureAwait(false);
        }

        await sender.ConfigureAwait(false);
        try
        {
            await connection.ResetAsync(stream, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The server has closed the connection already.
        }

        var half = samples[samples.Count / 2];
        var last = samples[^1];
        var rssValues = samples.Where(s => s.Second >= samples.Count / 2).Select(s => s.Rss).ToList();
        var grewAfterHalf = last.Bytes - half.Bytes;
        var rssSpread = rssValues.Max() - rssValues.Min();
        foreach (var (second, bytes, rss) in samples.Where(s => s.Second % 2 == 0))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  t={second,3} s  accepted {bytes / 1048576.0,8:0.00} MiB  service RSS {rss:0} MiB"));
        }

        var ended = endedAt is not { } at ? "the stream stayed open"
            : stream.Reset ? $"the server reset the stream after about {at} s ({stream.Outcome(connection)})"
            : $"the server closed the connection after about {at} s (GOAWAY {(connection.GoAwayCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "none")}, response headers {(stream.Status is null ? "none" : "sent")})";
        var pass = grewAfterHalf == 0 && rssSpread < 16 && Probe.IsAlive(args.ServerPid);
        return Probe.Result("3 no flow-control window", pass, string.Create(CultureInfo.InvariantCulture,
            $"{seconds} s sending {framed.Length:N0}-byte pages: server accepted {last.Bytes / 1048576.0:0.00} MiB ({last.Bytes / framed.Length} pages), " +
            $"{grewAfterHalf:N0} bytes in the second half; {ended}; server sent {Interlocked.Read(ref stream.BytesReceivedField)} DATA bytes; " +
            $"RSS {samples[0].Rss:0} -> {last.Rss:0} MiB, spread {rssSpread:0.0} MiB over the second half"));
    }

    /// <summary>The request headers a gRPC client sends, in HTTP/2's order (pseudo-headers first).</summary>
    public static IEnumerable<(string, string)> GrpcHeaders(Uri address, string path, params (string, string)[] extra) =>
    [
        (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", $"{address.Host}:{address.Port}"),
        ("content-type", "application/grpc"), ("te", "trailers"), .. extra,
    ];
}
