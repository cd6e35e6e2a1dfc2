namespace Boilerplate.Client;

/// <summary>
/// Retries inside <c>CleanStreamAsync</c> (off unless enabled): a page answered with a per-page AT_CAPACITY error is
/// sent again after the service's RetryInfo delay, and a stream that ends with UNAVAILABLE (SHUTTING_DOWN included) is
/// reopened through the circuit breaker to send the pages not yet answered. Answers still come in request order. Opt-in
/// because it changes what the caller sees: a page waiting for its resend holds back the answers after it, and the
/// client keeps every unanswered page in memory to send it again. Delays come from <see cref="ClientRetryOptions"/>.
/// </summary>
public sealed class ClientStreamRetryOptions
{
    /// <summary>Whether streams retry; false hands AT_CAPACITY pages to the caller and throws when the stream ends.</summary>
    public bool Enabled { get; set; }

    /// <summary>Sends of one page refused as AT_CAPACITY, the first included; past it the refusal is the page's answer.</summary>
    public int MaxPageAttempts { get; set; } = 4;

    /// <summary>Times a stream that ended with UNAVAILABLE is reopened; past it the failure is thrown.</summary>
    public int MaxReconnects { get; set; } = 3;

    internal void CopyTo(ClientStreamRetryOptions target)
    {
        target.Enabled = Enabled;
        target.MaxPageAttempts = MaxPageAttempts;
        target.MaxReconnects = MaxReconnects;
    }

    internal void Validate()
    {
        if (MaxPageAttempts < 1 || MaxReconnects < 0)
        {
            throw new ArgumentException("StreamRetry.MaxPageAttempts must be at least 1 and StreamRetry.MaxReconnects non-negative.");
        }
    }
}
