using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace Boilerplate.LoadTest;

/// <summary>Collects per-request latency and failures from many concurrent callers.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<double> _millis = [];
    private readonly ConcurrentDictionary<StatusCode, int> _failures = new();

    /// <summary>Records a success that started at <paramref name="startTimestamp"/> (Stopwatch ticks).</summary>
    public void Success(long startTimestamp)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        lock (_millis)
        {
            _millis.Add(elapsed);
        }
    }

    /// <summary>Records a failed call by its status.</summary>
    public void Failure(StatusCode status) => _failures.AddOrUpdate(status, 1, (_, n) => n + 1);

    /// <summary>Successful calls so far.</summary>
    public int Successes
    {
        get
        {
            lock (_millis)
            {
                return _millis.Count;
            }
        }
    }

    /// <summary>Failures by status.</summary>
    public IReadOnlyDictionary<string, int> Failures => _failures.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value);

    /// <summary>The latency below which <paramref name="quantile"/> of successful calls finished, in ms.</summary>
    public double Percentile(double quantile)
    {
        lock (_millis)
        {
            if (_millis.Count == 0)
            {
                return double.NaN;
            }

            _millis.Sort();
            var index = (int)Math.Ceiling(quantile * _millis.Count) - 1;
            return _millis[Math.Clamp(index, 0, _millis.Count - 1)];
        }
    }
}
