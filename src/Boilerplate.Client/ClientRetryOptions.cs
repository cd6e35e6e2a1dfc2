namespace Boilerplate.Client;

/// <summary>
/// Retry with jittered exponential back-off. UNAVAILABLE and an attempt that ran out of its
/// <see cref="BoilerplateClientOptions.AttemptTimeout"/> are retried: every call of the service is free of side effects,
/// so repeating one is safe. AT_CAPACITY is retried after the delay the service asks for (its RetryInfo, which
/// replaces the back-off) when that is at most <see cref="MaxDelay"/>. Other statuses are answers.
/// </summary>
public sealed class ClientRetryOptions
{
    /// <summary>Attempts in all, the first included; 1 turns retries off.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Mean delay before the first retry; it doubles with each further retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Longest delay between two attempts. A service asking for a longer one is not retried here: the
    /// <see cref="RetryLaterException"/> reaches the caller with the delay.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Retry a call the service refused as AT_CAPACITY, after the delay it asks for; false surfaces the
    /// <see cref="RetryLaterException"/> at once, for a caller that queues the page itself.
    /// </summary>
    public bool RetryAtCapacity { get; set; } = true;

    internal void CopyTo(ClientRetryOptions target)
    {
        target.MaxAttempts = MaxAttempts;
        target.BaseDelay = BaseDelay;
        target.MaxDelay = MaxDelay;
        target.RetryAtCapacity = RetryAtCapacity;
    }

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
