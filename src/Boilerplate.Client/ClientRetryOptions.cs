namespace Boilerplate.Client;

/// <summary>
/// Retry with jittered exponential back-off. Only UNAVAILABLE is retried: it means the call did not reach a
/// working server, so repeating it is safe; other statuses are answers.
/// </summary>
public sealed class ClientRetryOptions
{
    /// <summary>Attempts in all, the first included; 1 turns retries off.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Mean delay before the first retry; it doubles with each further retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentException("Retry.MaxAttempts must be at least 1.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentException("Retry.BaseDelay must be non-negative and Retry.MaxDelay at least BaseDelay.");
        }
    }
}
