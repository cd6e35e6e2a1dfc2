namespace Boilerplate.Client;

/// <summary>
/// Hedging of Clean calls, which have no side effects: when an attempt has not answered within <see cref="Delay"/>
/// (or failed with UNAVAILABLE or its attempt timeout), another starts, on the next instance when there are several;
/// the first answer wins and the others are cancelled. It takes the retry's place for Clean: AT_CAPACITY is not
/// hedged (more calls to a full service fill it further) and surfaces as <see cref="RetryLaterException"/>.
/// Off by default: every hedge is extra work for the service.
/// </summary>
public sealed class ClientHedgingOptions
{
    /// <summary>Whether Clean calls are hedged.</summary>
    public bool Enabled { get; set; }

    /// <summary>Extra attempts at most, besides the first.</summary>
    public int MaxHedgedAttempts { get; set; } = 1;

    /// <summary>How long an attempt may go unanswered before the next one starts.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(2);

    internal void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        // Polly's bounds for hedged attempts.
        if (MaxHedgedAttempts is < 1 or > 10)
        {
            throw new ArgumentException("Hedging.MaxHedgedAttempts must lie in [1, 10].");
        }

        if (Delay <= TimeSpan.Zero)
        {
            throw new ArgumentException("Hedging.Delay must be positive.");
        }
    }

    internal void CopyTo(ClientHedgingOptions target)
    {
        target.Enabled = Enabled;
        target.MaxHedgedAttempts = MaxHedgedAttempts;
        target.Delay = Delay;
    }
}
