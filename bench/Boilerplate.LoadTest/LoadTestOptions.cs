using System.Net;

namespace Boilerplate.LoadTest;

/// <summary>How the service is called.</summary>
internal enum CallMode
{
    /// <summary>One Clean call per page.</summary>
    Unary,

    /// <summary>Pages pipelined over long-lived CleanStream calls.</summary>
    Stream,
}

/// <summary>Which dataset pages are sent.</summary>
internal enum PageSelection
{
    /// <summary>The pages whose size lies in the middle tenth of all pages (45th to 55th percentile): a "typical page" load.</summary>
    Median,

    /// <summary>Every page, in a fixed shuffled order.</summary>
    All,

    /// <summary>The <see cref="RequestCorpus.LargestCount"/> largest pages: the soak's worst case for memory (issue 23).</summary>
    Largest,
}

/// <summary>One load run, validated before any request is sent.</summary>
/// <param name="Address">Service address; must be loopback (load tests never leave the machine).</param>
/// <param name="Dataset">Datasets root or one corpus folder (pages/*.html.gz under it).</param>
/// <param name="Pages">Which pages are sent.</param>
/// <param name="Mode">Unary calls or streams.</param>
/// <param name="Concurrency">Unary: calls in flight (closed loop). Stream: number of streams.</param>
/// <param name="Window">Stream: pages in flight on each stream.</param>
/// <param name="Rate">Unary only: when set, requests are issued open-loop at this many per second and latency counts from the scheduled time.</param>
/// <param name="Requests">Stop after this many measured requests.</param>
/// <param name="Duration">Stop issuing after this long, whichever comes first.</param>
/// <param name="Warmup">Requests sent (closed loop, unmeasured) before measuring, to warm both JITs and the connection.</param>
/// <param name="ServerPid">The service's process id, to read its CPU time and memory from /proc.</param>
/// <param name="JsonPath">Where to write the figures as JSON.</param>
internal sealed record LoadTestOptions(
    Uri Address,
    string Dataset,
    PageSelection Pages,
    CallMode Mode,
    int Concurrency,
    int Window,
    double? Rate,
    int Requests,
    TimeSpan Duration,
    int Warmup,
    int? ServerPid,
    string? JsonPath)
{
    /// <summary>Requests still in flight above this count are not issued on time; open-loop latency then shows the backlog.</summary>
    public const int MaxInFlight = 1024;

    /// <summary>Throws when the options cannot describe a sane, bounded, local run.</summary>
    public void Validate()
    {
        if (!Address.IsLoopback && !(IPAddress.TryParse(Address.Host, out var ip) && IPAddress.IsLoopback(ip)))
        {
            throw new ArgumentException($"--address must be a loopback address (localhost, 127.0.0.1, [::1]); got {Address}.");
        }

        if (Concurrency < 1 || Window < 1)
        {
            throw new ArgumentException("--concurrency and --window must be at least 1.");
        }

        if (Rate is { } rate && (rate <= 0 || Mode != CallMode.Unary))
        {
            throw new ArgumentException("--rate must be positive and applies to unary calls only.");
        }

        if (Requests < 1 || Duration <= TimeSpan.Zero || Warmup < 0)
        {
            throw new ArgumentException("--requests and --duration must be positive, --warmup not negative.");
        }

        if (ServerPid is { } pid && !File.Exists($"/proc/{pid}/stat"))
        {
            throw new ArgumentException($"--server-pid {pid}: no such process in /proc.");
        }
    }
}
