namespace Boilerplate.Client;

/// <summary>What a caller should do about a failed page or call.</summary>
public enum ErrorDisposition
{
    /// <summary>
    /// The service could not take the page now (AT_CAPACITY, MODEL_UNAVAILABLE, UNAVAILABLE): send it again later,
    /// after <see cref="BoilerplateError.RetryAfter"/> when the service gave one.
    /// </summary>
    RetryLater,

    /// <summary>
    /// The service refused the page itself (EMPTY_PAGE, PAGE_TOO_LARGE, TOO_MANY_NODES, UNKNOWN_LABEL, …): sending it
    /// again unchanged fails the same way.
    /// </summary>
    NeverRetry,

    /// <summary>
    /// Neither is known (INTERNAL, UNAUTHENTICATED, a deadline, cancellation, or a status without a reason, as
    /// a proxy or an older service sends): the caller decides.
    /// </summary>
    Other,
}
