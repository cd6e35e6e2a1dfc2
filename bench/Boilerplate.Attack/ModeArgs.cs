using System.Globalization;
using Grpc.Net.Client;

namespace Boilerplate.Attack;

/// <summary><c>--name value</c> pairs for the modes other than the admission attack; the address must be loopback.</summary>
internal sealed class ModeArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private ModeArgs(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            _values[args[i]] = args[i + 1];
        }

        Address = new Uri(Get("--address") ?? "http://127.0.0.1:5000");
        // Attack traffic never leaves the machine.
        if (!Address.IsLoopback)
        {
            throw new ArgumentException($"--address must be a loopback address, not {Address}.");
        }

        ServerPid = Get("--server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null;
    }

    public Uri Address { get; }

    public int? ServerPid { get; }

    public static ModeArgs Parse(string[] args) => new(args);

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public string Required(string name) => Get(name) ?? throw new ArgumentException($"{name} is required.");

    public int Int(string name, int fallback) => Get(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A channel for the real gRPC client, with room for large pages both ways.</summary>
    public GrpcChannel Channel() => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        MaxReceiveMessageSize = 64 * 1024 * 1024,
        MaxSendMessageSize = 64 * 1024 * 1024,
    });
}

/// <summary>The service process as /proc shows it, and the one line per item that holding.sh collects.</summary>
internal static class Probe
{
    /// <summary>Resident memory in MiB (VmRSS), or NaN without a pid or once it has exited.</summary>
    public static double RssMiB(int? pid)
    {
        if (pid is null)
        {
            return double.NaN;
        }

        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    public static bool IsAlive(int? pid) => pid is not { } id || Directory.Exists($"/proc/{id}");

    /// <summary>The line holding.sh reads: the item, PASS or FAIL, and the figure.</summary>
    public static int Result(string item, bool pass, string figure)
    {
        Console.WriteLine($"RESULT\t{item}\t{(pass ? "PASS" : "FAIL")}\t{figure}");
        return pass ? 0 : 1;
    }

    /// <summary>A plain news article of <paramref name="paragraphs"/> paragraphs, the page a legitimate client sends.</summary>
    public static string Article(int paragraphs) =>
        "<html><body><article><h1>Council extends the tram network</h1>" + string.Concat(Enumerable.Range(0, paragraphs).Select(i =>
            $"<p>Paragraph {i}: the council voted on Tuesday to extend the tram network by four stops, citing rising ridership and the cost of road repairs.</p>")) +
        "</article><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></body></html>";
}
