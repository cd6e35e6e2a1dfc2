namespace Boilerplate.Core.Errors;

/// <summary>
/// Why a page could not be cleaned. The service maps each value to one gRPC status and one stable error reason in a
/// single table (Boilerplate.Service's <c>RejectionTable</c>); add a value there when adding one here.
/// </summary>
public enum PageRejection
{
    /// <summary>Content that cannot be a page, where no finer value applies (maps to InvalidArgument).</summary>
    InvalidInput,

    /// <summary>Over the character limit, or another size limit no finer value names (maps to ResourceExhausted).</summary>
    TooLarge,

    /// <summary>Parsing or scoring ran past its time budget (maps to DeadlineExceeded).</summary>
    TimedOut,

    /// <summary>No content, or empty content (maps to InvalidArgument).</summary>
    EmptyPage,

    /// <summary>An option out of range or too long; <see cref="PageRejectedException.Field"/> names it (InvalidArgument).</summary>
    InvalidOption,

    /// <summary>A keep label the model does not have (maps to InvalidArgument).</summary>
    UnknownLabel,

    /// <summary>Over the limit on HTML tags or elements (maps to ResourceExhausted).</summary>
    TooManyNodes,

    /// <summary>Over the limit on paragraphs (blocks) (maps to ResourceExhausted).</summary>
    TooManyParagraphs,
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

    /// <summary>Creates the exception for a bad request field.</summary>
    /// <param name="reason">Why the page was refused.</param>
    /// <param name="field">The request field at fault, as a path in the request (e.g. <c>options.bias</c>).</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    public PageRejectedException(PageRejection reason, string field, string message)
        : base(message)
    {
        Reason = reason;
        Field = field;
    }

    /// <summary>Why the page was refused.</summary>
    public PageRejection Reason { get; }

    /// <summary>The request field at fault (e.g. <c>options.keep_labels[2]</c>), when one is; null otherwise.</summary>
    public string? Field { get; }
}
