namespace Boilerplate.Client;

/// <summary>
/// Opens the circuit when, over <see cref="SamplingDuration"/>, at least <see cref="MinimumThroughput"/> attempts
/// were made and the share that failed with UNAVAILABLE, INTERNAL or UNKNOWN, or ran out of their attempt timeout,
/// reached <see cref="FailureRatio"/>. Unary calls and the start of <c>CleanStreamAsync</c> share one breaker.
/// While open, calls fail at once with Polly's <c>BrokenCircuitException</c> instead of adding load to a
/// struggling service; after <see cref="BreakDuration"/> one trial call decides whether it closes again.
/// </summary>
public sealed class ClientCircuitBreakerOptions
{
    /// <summary>Whether the breaker is used at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Share of failed attempts (0..1] that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts in the sampling window before the ratio is trusted.</summary>
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>Window over which the failure ratio is measured.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial call.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    internal void CopyTo(ClientCircuitBreakerOptions target)
    {
        target.Enabled = Enabled;
        target.FailureRatio = FailureRatio;
        target.MinimumThroughput = MinimumThroughput;
        target.SamplingDuration = SamplingDuration;
        target.BreakDuration = BreakDuration;
    }

    internal void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        if (FailureRatio is <= 0 or > 1)
        {
            throw new ArgumentException("CircuitBreaker.FailureRatio must lie in (0, 1].");
        }

        if (MinimumThroughput < 2)
        {
            throw new ArgumentException("CircuitBreaker.MinimumThroughput must be at least 2.");
        }

        // Polly's own lower bound for both durations.
        if (SamplingDuration < TimeSpan.FromMilliseconds(500) || BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            throw new ArgumentException("CircuitBreaker.SamplingDuration and BreakDuration must be at least 500 ms.");
        }
    }
}
