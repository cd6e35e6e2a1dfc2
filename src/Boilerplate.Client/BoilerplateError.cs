using System.Collections.ObjectModel;
using Boilerplate.Protos.V1;
using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Boilerplate.Client;

/// <summary>
/// Why a page or call failed, read from the service's <c>google.rpc.Status</c>: the gRPC code, the stable reason
/// (<see cref="ErrorReasons"/>), the retry delay and the fields at fault, and what to do about it
/// (<see cref="Disposition"/>).
/// </summary>
public sealed record BoilerplateError
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The gRPC status code.</summary>
    public required StatusCode Code { get; init; }

    /// <summary>The service's message: what is wrong and how to fix it.</summary>
    public required string Message { get; init; }

    /// <summary>
    /// The stable reason (one of <see cref="ErrorReasons"/>, e.g. <c>PAGE_TOO_LARGE</c>); empty when the status carried
    /// no ErrorInfo (it came from a proxy, from gRPC itself, or from an older service).
    /// </summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The reason's domain, <see cref="ErrorReasons.Domain"/> for the service's own; empty with no reason.</summary>
    public string Domain { get; init; } = string.Empty;

    /// <summary>The ErrorInfo's metadata, if any.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = NoMetadata;

    /// <summary>How long the service asked the client to wait before retrying (its RetryInfo); null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The request fields the service refused (its BadRequest); empty when none was named.</summary>
    public IReadOnlyList<FieldViolation> FieldViolations { get; init; } = [];

    /// <summary>Whether to send the page again later, never, or to decide by the code.</summary>
    public ErrorDisposition Disposition => Classify(Code, Reason);

    /// <summary>Reads the service's status, as <c>CleanResponse.error</c> carries it for one page of a stream.</summary>
    public static BoilerplateError FromStatus(RpcStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var info = status.GetDetail<ErrorInfo>();
        var retry = status.GetDetail<RetryInfo>();
        var badRequest = status.GetDetail<BadRequest>();
        return new BoilerplateError
        {
            Code = (StatusCode)status.Code,
            Message = status.Message,
            Reason = info?.Reason ?? string.Empty,
            Domain = info?.Domain ?? string.Empty,
            Metadata = info is { Metadata.Count: > 0 } ? new Dictionary<string, string>(info.Metadata) : NoMetadata,
            // A negative delay from a confused server would mean "at once"; treat it so rather than failing.
            RetryAfter = retry?.RetryDelay is { } delay ? TimeSpan.FromTicks(Math.Max(0, delay.ToTimeSpan().Ticks)) : null,
            FieldViolations = badRequest is null
                ? []
                : [.. badRequest.FieldViolations.Select(violation => new FieldViolation(violation.Field, violation.Description))],
        };
    }

    /// <summary>
    /// Reads a failed call: the details in its <c>grpc-status-details-bin</c> trailer when present, else its bare code
    /// and message.
    /// </summary>
    public static BoilerplateError FromException(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        RpcStatus? status = null;
        try
        {
            status = exception.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            // A garbled details trailer (a proxy's, say) must not hide the status itself.
        }

        // The trailer is trusted only when it agrees with the call's status, as the gRPC error model requires.
        return status is not null && status.Code == (int)exception.StatusCode
            ? FromStatus(status)
            : new BoilerplateError { Code = exception.StatusCode, Message = exception.Status.Detail };
    }

    private static ErrorDisposition Classify(StatusCode code, string reason) => reason switch
    {
        ErrorReasons.AtCapacity or ErrorReasons.ModelUnavailable => ErrorDisposition.RetryLater,
        ErrorReasons.EmptyPage or ErrorReasons.InvalidOption or ErrorReasons.UnknownLabel or ErrorReasons.InvalidArgument
            or ErrorReasons.PageTooLarge or ErrorReasons.TooManyNodes or ErrorReasons.TooManyParagraphs
            or ErrorReasons.ParseTimeout => ErrorDisposition.NeverRetry,
        _ => code switch
        {
            // UNAVAILABLE means the call reached no working server; INVALID_ARGUMENT is about the request whoever sent it.
            StatusCode.Unavailable => ErrorDisposition.RetryLater,
            StatusCode.InvalidArgument => ErrorDisposition.NeverRetry,
            _ => ErrorDisposition.Other,
        },
    };
}
