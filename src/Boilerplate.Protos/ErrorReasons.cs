namespace Boilerplate.Protos.V1;

/// <summary>
/// The stable <c>google.rpc.ErrorInfo.reason</c> values the service sends, all in <see cref="Domain"/>. Part of the
/// wire contract beside the .proto (docs/errors.md): the service sends them and the client reads them, so both use these.
/// </summary>
public static class ErrorReasons
{
    /// <summary>The <c>ErrorInfo.domain</c> of every reason here.</summary>
    public const string Domain = "boilerplate.v1";

    /// <summary>The request has no content, or empty content (INVALID_ARGUMENT).</summary>
    public const string EmptyPage = "EMPTY_PAGE";

    /// <summary>An option is out of range or too long (INVALID_ARGUMENT, with a BadRequest field violation).</summary>
    public const string InvalidOption = "INVALID_OPTION";

    /// <summary>The request is invalid in a way no finer reason names (INVALID_ARGUMENT).</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary><c>options.keep_labels</c> names a label the serving model lacks (INVALID_ARGUMENT, with BadRequest).</summary>
    public const string UnknownLabel = "UNKNOWN_LABEL";

    /// <summary>The page has more characters than the service accepts (RESOURCE_EXHAUSTED).</summary>
    public const string PageTooLarge = "PAGE_TOO_LARGE";

    /// <summary>The page has more HTML elements than the service accepts (RESOURCE_EXHAUSTED).</summary>
    public const string TooManyNodes = "TOO_MANY_NODES";

    /// <summary>The page yields more paragraphs than the service accepts (RESOURCE_EXHAUSTED).</summary>
    public const string TooManyParagraphs = "TOO_MANY_PARAGRAPHS";

    /// <summary>Decoding and parsing the page outlasted its time budget (DEADLINE_EXCEEDED).</summary>
    public const string ParseTimeout = "PARSE_TIMEOUT";

    /// <summary>Cleaning the page outlasted the deadline (DEADLINE_EXCEEDED).</summary>
    public const string DeadlineExceeded = "DEADLINE_EXCEEDED";

    /// <summary>The service is saturated; retry after the RetryInfo delay (RESOURCE_EXHAUSTED).</summary>
    public const string AtCapacity = "AT_CAPACITY";

    /// <summary>No model is loaded yet; retry shortly (UNAVAILABLE).</summary>
    public const string ModelUnavailable = "MODEL_UNAVAILABLE";

    /// <summary>A CleanStream sent no page for the idle timeout and was closed (DEADLINE_EXCEEDED).</summary>
    public const string StreamIdle = "STREAM_IDLE";

    /// <summary>
    /// The service is shutting down: a CleanStream answered the pages it had read and ended (UNAVAILABLE); send the rest
    /// again on a new stream, which reaches another replica.
    /// </summary>
    public const string ShuttingDown = "SHUTTING_DOWN";

    /// <summary>An unexpected failure in the service; the message carries a correlation id (INTERNAL).</summary>
    public const string Internal = "INTERNAL";
}
