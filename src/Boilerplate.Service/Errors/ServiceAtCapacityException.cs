namespace Boilerplate.Service.Errors;

/// <summary>
/// The request limiter refused a page: every slot busy and the queue full. Becomes RESOURCE_EXHAUSTED, reason
/// AT_CAPACITY, with <see cref="RetryAfter"/> as the RetryInfo delay.
/// </summary>
internal sealed class ServiceAtCapacityException(string message, TimeSpan retryAfter) : Exception(message)
{
    /// <summary>How long the client should wait before sending the page again.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
