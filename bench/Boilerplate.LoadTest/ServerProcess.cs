using System.Globalization;

namespace Boilerplate.LoadTest;

/// <summary>Reads a process's CPU time and memory from /proc (Linux), so the service is measured from outside.</summary>
internal sealed class ServerProcess(int pid)
{
    // Kernel clock ticks per second for utime/stime; 100 on every Linux configuration .NET runs on.
    private const double TicksPerSecond = 100.0;

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public TimeSpan CpuTime()
    {
        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15 (1-based).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Resident set size now and its peak since the process started, in MiB.</summary>
    public (double RssMiB, double PeakRssMiB) Memory()
    {
        double rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kibibytes(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kibibytes(line) / 1024.0;
            }
        }

        return (rss, peak);
    }

    private static long Kibibytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
