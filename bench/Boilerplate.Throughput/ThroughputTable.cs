using System.Globalization;
using Spectre.Console;

namespace Boilerplate.Throughput;

/// <summary>Prints the timings side by side, with the ratio of our pages/s to each peer's.</summary>
internal static class ThroughputTable
{
    /// <summary>Writes one row per system: overall pages/s, MB/s, pages/s and µs/KiB per size bucket, and the speed-up over it.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<SystemTiming> timings)
    {
        var ours = timings.FirstOrDefault(t => t.System.StartsWith("ours", StringComparison.Ordinal));
        var table = new Table()
            .AddColumn("system")
            .AddColumn(new TableColumn("pages").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned())
            .AddColumn(new TableColumn("seconds").RightAligned())
            .AddColumn(new TableColumn("pages/s").RightAligned())
            .AddColumn(new TableColumn("MB/s").RightAligned());
        foreach (var label in SizeBucket.Labels)
        {
            table.AddColumn(new TableColumn($"{label} pages/s (µs/KiB)").RightAligned());
        }

        table.AddColumn(new TableColumn("ours is x faster").RightAligned());
        foreach (var timing in timings)
        {
            var cells = new List<string>
            {
                Markup.Escape(timing.System) + (timing.Truncated ? " (budget hit)" : string.Empty),
                F(timing.Pages, "0"),
                F(timing.Failed, "0"),
                F(timing.Elapsed.TotalSeconds, "0.0"),
                F(timing.PagesPerSecond, "0.0"),
                F(timing.MegabytesPerSecond, "0.00"),
            };
            for (var b = 0; b < SizeBucket.Labels.Count; b++)
            {
                cells.Add(timing.BucketPages(b) == 0 ? "-" : $"{F(timing.BucketPagesPerSecond(b), "0.0")} ({F(timing.BucketMicrosPerKiB(b), "0")})");
            }

            cells.Add(ours is null || ReferenceEquals(ours, timing) ? "-" : F(ours.PagesPerSecond / timing.PagesPerSecond, "0.0"));
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
    }

    /// <summary>The figures as plain objects for JSON.</summary>
    public static object ToJson(IReadOnlyList<SystemTiming> timings) => timings.Select(t => new
    {
        system = t.System,
        pages = t.Pages,
        failed = t.Failed,
        truncated = t.Truncated,
        seconds = t.Elapsed.TotalSeconds,
        pagesPerSecond = t.PagesPerSecond,
        megabytesPerSecond = t.MegabytesPerSecond,
        buckets = SizeBucket.Labels.Select((label, b) => new
        {
            bucket = label,
            pages = t.BucketPages(b),
            pagesPerSecond = t.BucketPagesPerSecond(b),
            microsPerKiB = t.BucketMicrosPerKiB(b),
        }),
    }).ToList();

    private static string F(double value, string format) =>
        double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
