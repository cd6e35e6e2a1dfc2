using System.Globalization;
using Boilerplate.Protos.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Boilerplate.Attack;

/// <summary>
/// Issue 23, item 5: request header blocks of 40 KB to 1 MB (one huge field, and many small ones), sent raw over
/// HTTP/2 (HttpClient refuses to send past the server's advertised limit). Each must be refused (HTTP 431, or the
/// HTTP/2 equivalent: the stream or the connection reset) without reaching the service, and the service must go on
/// answering a real client.
/// </summary>
internal static class HeadersMode
{
    public static async Task<int> RunAsync(ModeArgs args)
    {
        using var channel = args.Channel();
        var client = new BoilerplateService.BoilerplateServiceClient(channel);
        var body = RawGrpcCall.Frame(new CleanRequest { Html = Probe.Article(3) }.ToByteArray());
        var results = new List<(string Case, string Outcome)>();
        foreach (var size in new[] { 40_000, 100_000, 500_000, 1_000_000 })
        {
            results.Add(($"one field of {size / 1000} KB", await CallAsync(args.Address, [("x-padding", new string('a', size))], body).ConfigureAwait(false)));
            results.Add(($"{size / 1000} fields of 1 KB", await CallAsync(args.Address,
                Enumerable.Range(0, size / 1000).Select(i => ($"x-pad-{i}", new string('b', 1000))).ToArray(), body).ConfigureAwait(false)));
        }

        foreach (var (name, outcome) in results)
        {
            Console.WriteLine($"  {name,-24} {outcome}");
        }

        var answered = 0;
        for (var i = 0; i < 10; i++)
        {
            try
            {
                var response = await client.CleanAsync(new CleanRequest { Html = Probe.Article(12) }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync.ConfigureAwait(false);
                answered += response.Text.Length > 0 ? 1 : 0;
            }
            catch (RpcException)
            {
                // Counted as not answered.
            }
        }

        // Reaching the service would mean a gRPC status (OK or any other): the refusal comes from Kestrel before it.
        var reached = results.Count(r => !Refused(r.Outcome));
        var pass = reached == 0 && answered == 10 && Probe.IsAlive(args.ServerPid);
        var byOutcome = string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{g.Count()} {g.Key}"));
        return Probe.Result("5 large headers", pass, string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} header blocks of 40 KB-1 MB: {byOutcome}; {reached} reached the service; a client after them got {answered} of 10 answered, RSS {Probe.RssMiB(args.ServerPid):0} MiB"));
    }

    /// <summary>An HTTP status (431 and the like), a reset stream or connection: Kestrel's refusals, before any gRPC code runs.</summary>
    public static bool Refused(string outcome) =>
        outcome.StartsWith("HTTP ", StringComparison.Ordinal) || outcome.StartsWith("RST_STREAM", StringComparison.Ordinal)
        || outcome.StartsWith("GOAWAY", StringComparison.Ordinal) || outcome.StartsWith("connection closed", StringComparison.Ordinal);

    private static Task<string> CallAsync(Uri address, (string, string)[] extra, byte[] body) => RawHttp2Connection.CallOnceAsync(
        address, "/boilerplate.v1.BoilerplateService/Clean", extra, body, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5));
}
