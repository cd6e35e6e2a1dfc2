using System.Globalization;
using Boilerplate.Protos.V1;

namespace Boilerplate.Attack;

/// <summary>
/// Issue 23, item 4: <c>--connections</c> (3,000) HTTP/2 connections that exchange settings and then say nothing.
/// Measures the service's RSS before, with them open for <c>--hold-seconds</c>, and whether a real client still gets
/// answers meanwhile. Passes when they cost at most <c>--max-mib</c> (30) and the client is answered.
/// </summary>
internal static class IdleMode
{
    public static async Task<int> RunAsync(ModeArgs args)
    {
        var count = args.Int("--connections", 3000);
        var hold = args.Int("--hold-seconds", 15);
        var maxMiB = args.Int("--max-mib", 30);
        using var channel = args.Channel();
        var client = new BoilerplateService.BoilerplateServiceClient(channel);
        for (var i = 0; i < 20; i++)
        {
            await client.CleanAsync(new CleanRequest { Html = Probe.Article(12) }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync.ConfigureAwait(false);
        }

        await Task.Delay(3000).ConfigureAwait(false);
        var before = Probe.RssMiB(args.ServerPid);
        var connections = new List<RawHttp2Connection>(count);
        var failed = 0;
        try
        {
            for (var opened = 0; opened < count; opened += 100)
            {
                var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(100, count - opened)).Select(async _ =>
                {
                    try
                    {
                        return await RawHttp2Connection.ConnectAsync(args.Address, 65_535, grantWindow: true, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or OperationCanceledException)
                    {
                        return null;
                    }
                })).ConfigureAwait(false);
                connections.AddRange(batch.OfType<RawHttp2Connection>());
                failed += batch.Count(c => c is null);
            }

            var open = Probe.RssMiB(args.ServerPid);
            await Task.Delay(TimeSpan.FromSeconds(hold)).ConfigureAwait(false);
            var held = Probe.RssMiB(args.ServerPid);
            var stillOpen = connections.Count(c => !c.Closed);
            var answered = 0;
            for (var i = 0; i < 20; i++)
            {
                var response = await client.CleanAsync(new CleanRequest { Html = Probe.Article(12) }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync.ConfigureAwait(false);
                answered += response.Text.Length > 0 ? 1 : 0;
            }

            var cost = Math.Max(open, held) - before;
            var pass = failed == 0 && stillOpen == count && cost <= maxMiB && answered == 20;
            return Probe.Result("4 idle connections", pass, string.Create(CultureInfo.InvariantCulture,
                $"{connections.Count} of {count} opened ({failed} failed), {stillOpen} still open after {hold} s; service RSS {before:0} MiB before, " +
                $"{open:0} with them open, {held:0} after {hold} s: +{cost:0.0} MiB ({cost * 1024 / Math.Max(1, connections.Count):0.0} KiB each); " +
                $"a client beside them got {answered} of 20 answered"));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
