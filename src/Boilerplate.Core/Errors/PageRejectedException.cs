namespace Boilerplate.Core.Errors;

/// <summary>Why a page could not be cleaned; each reason maps to one gRPC status in the service.</summary>
public enum PageRejection
{
    /// <summary>No content, or content that cannot be a page (maps to InvalidArgument).</summary>
    InvalidInput,

    /// <summary>Over a configured size, node or paragraph limit (maps to ResourceExhausted).</summary>
    TooLarge,

    /// <summary>Parsing or scoring ran past its time budget (maps to DeadlineExceeded).</summary>
    TimedOut,
}

/// <summary>
/// A page the domain refuses, with a message a caller can act on. Anything else thrown from the
/// domain is a bug and is reported as Internal.
/// </summary>
public sealed class PageRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PageRejectedException(PageRejection reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>Why the page was refused.</summary>
    public PageRejection Reason { get; }
}
