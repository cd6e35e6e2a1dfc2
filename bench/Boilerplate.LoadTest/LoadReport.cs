using System.Globalization;
using System.Text.Json;

namespace Boilerplate.LoadTest;

/// <summary>The figures of one run, printed and optionally written as JSON.</summary>
internal sealed record LoadReport(
    string Mode,
    int Concurrency,
    int Window,
    double? TargetRate,
    int DistinctPages,
    long MedianPageBytes,
    int Succeeded,
    IReadOnlyDictionary<string, int> Failures,
    double Seconds,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double ClientCpuCores,
    double? ServerCpuCores,
    double? ServerCpuMsPerRequest,
    double? ServerRssMiB,
    double? ServerPeakRssMiB)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Human-readable summary, one figure a line.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var failures = Failures.Count == 0 ? "none" : string.Join(", ", Failures.Select(kv => $"{kv.Key}={kv.Value}"));
        var load = TargetRate is { } rate ? string.Create(c, $"open loop at {rate:F0} req/s") : $"closed loop, concurrency {Concurrency}";
        var lines = new List<string>
        {
            string.Create(c, $"mode           {Mode} ({load}{(Mode == "stream" ? $", window {Window}" : string.Empty)})"),
            string.Create(c, $"pages          {DistinctPages} distinct, median {MedianPageBytes / 1024.0:F1} KiB"),
            string.Create(c, $"requests       {Succeeded} ok in {Seconds:F1} s; failures: {failures}"),
            string.Create(c, $"throughput     {RequestsPerSecond:F1} req/s"),
            string.Create(c, $"latency ms     p50 {P50Ms:F2}  p95 {P95Ms:F2}  p99 {P99Ms:F2}  max {MaxMs:F2}"),
        };
        lines.Add(string.Create(c, $"client CPU     {ClientCpuCores:F2} cores (this load generator)"));
        if (ServerCpuCores is { } cores)
        {
            lines.Add(string.Create(c, $"server CPU     {cores:F2} cores, {ServerCpuMsPerRequest:F2} ms/request"));
            lines.Add(string.Create(c, $"server memory  RSS {ServerRssMiB:F0} MiB, peak {ServerPeakRssMiB:F0} MiB"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Writes the report as JSON to <paramref name="path"/>.</summary>
    public async Task WriteJsonAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, Json, cancellationToken).ConfigureAwait(false);
    }
}
