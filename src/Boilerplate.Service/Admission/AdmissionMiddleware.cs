using System.Diagnostics;
using System.Globalization;
using Boilerplate.Protos.V1;
using Boilerplate.Service.Configuration;
using Boilerplate.Service.Errors;
using Boilerplate.Service.Telemetry;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.Options;
using RpcStatus = Google.Rpc.Status;

namespace Boilerplate.Service.Admission;

/// <summary>
/// Decides whether a gRPC call may run before its body is read: gRPC reads and deserialises a whole request message
/// before any interceptor runs, so a key check or a concurrency limit there comes after the memory is spent. Here, as
/// ASP.NET Core middleware after routing, a call is authenticated (health exempt), an admin method refused to
/// non-admin keys, a unary Clean given its slot or queue place (<see cref="SlotTicket"/>; refused when there is none),
/// and its body metered against the in-flight bytes budget. A refusal is a trailers-only gRPC response carrying the same status and
/// details as any other. A call refused for want of a slot has its body read and discarded first (bounded), so it ends
/// with its status rather than a reset; other refusals leave the unread body to Kestrel's stream reset.
/// </summary>
internal sealed partial class AdmissionMiddleware(
    RequestDelegate next,
    ApiKeyAuthenticator keys,
    RequestLimiter limiter,
    RequestBytesBudget budget,
    ServiceMetrics metrics,
    IOptions<LimitsOptions> limits,
    ILogger<AdmissionMiddleware> logger)
{
    private static readonly string HealthService = global::Grpc.Health.V1.Health.Descriptor.FullName;

    /// <summary>Methods only an admin key may call (<c>Security:AdminKeys</c>).</summary>
    private static readonly HashSet<string> AdminMethods = new(StringComparer.Ordinal)
    {
        $"/{ModelService.Descriptor.FullName}/{nameof(ModelService.ModelServiceBase.ReloadModel)}",
    };

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The routed method, not the raw path: routing accepts any letter case of it. Not a gRPC method: gRPC answers
        // UNIMPLEMENTED (or the request is not gRPC) without reading a body.
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        // Orchestrators probe health without credentials.
        string? refusal = null;
        var caller = string.Equals(method.ServiceName, HealthService, StringComparison.Ordinal)
            ? Caller.Anonymous
            : keys.Authenticate(context.Request.Headers, out refusal);
        if (caller is null)
        {
            await RefuseAsync(context, method, new RpcStatus { Code = (int)StatusCode.Unauthenticated, Message = refusal ?? "Missing or invalid API key." }, started).ConfigureAwait(false);
            return;
        }

        if (AdminMethods.Contains(method.FullName) && keys.RequiresKeys && !caller.IsAdmin)
        {
            var denied = new RpcStatus
            {
                Code = (int)StatusCode.PermissionDenied,
                Message = $"{method.FullName} is an operator's call: it needs a key from Security:AdminKeys.",
            };
            await RefuseAsync(context, method, denied, started).ConfigureAwait(false);
            return;
        }

        context.Features.Set(caller);
        var settings = limits.Value;
        var declared = context.Request.ContentLength;
        if (declared > budget.Limit - budget.InFlight || (caller.Partition is not null && declared > budget.CallerLimit))
        {
            await RefuseAsync(context, method, BudgetRefusal(settings), started).ConfigureAwait(false);
            return;
        }

        var original = context.Request.Body;
        var body = new BudgetedRequestBody(original, budget, caller, settings.CapacityRetryDelay);
        context.Request.Body = body;
        context.Features.Set(body);
        try
        {
            // Streams take a slot per page while it is cleaned (BoilerplateGrpcService), so a silent stream holds none.
            if (method.Type == MethodType.Unary && string.Equals(method.ServiceName, BoilerplateService.Descriptor.FullName, StringComparison.Ordinal))
            {
                // The slot or queue place is taken now, so a call over capacity is refused before its body is read;
                // a queued call's body is then read while it waits (bounded by the budget), because an unread body
                // holds the connection's HTTP/2 window and can stall the running calls that share the connection.
                using var ticket = new SlotTicket(limiter, caller, context.RequestAborted);
                if (ticket.Refusal is { } busy)
                {
                    await RefusedBody.DrainAsync(original, declared, context.RequestAborted).ConfigureAwait(false);
                    await RefuseAsync(context, method, ErrorStatuses.AtCapacity(busy.Message, busy.RetryAfter), started).ConfigureAwait(false);
                    return;
                }

                context.Features.Set(ticket);
                await next(context).ConfigureAwait(false);
            }
            else
            {
                await next(context).ConfigureAwait(false);
            }
        }
        finally
        {
            body.ReleaseAll();
        }
    }

    private static RpcStatus BudgetRefusal(LimitsOptions settings) => ErrorStatuses.AtCapacity(
        $"The service holds {settings.MaxInFlightRequestBytes / (1024 * 1024)} MiB of requests being read or cleaned " +
        "(Limits:MaxInFlightRequestBytes). Retry after a back-off, send smaller pages, or add replicas.",
        settings.CapacityRetryDelay);

    /// <summary>
    /// Answers with <paramref name="status"/> as a trailers-only gRPC response (status in the headers, no body), as
    /// gRPC itself answers an unknown method; the details travel in <c>grpc-status-details-bin</c> like every status.
    /// </summary>
    private async Task RefuseAsync(HttpContext context, IMethod method, RpcStatus status, long started)
    {
        var code = (StatusCode)status.Code;
        var reason = status.Details.Count > 0 && status.Details[0].TryUnpack<Google.Rpc.ErrorInfo>(out var info) ? info.Reason : null;
        LogRefused(method.FullName, code, reason ?? "-", status.Message);
        if (reason is not null)
        {
            metrics.PageFailed(reason);
        }

        metrics.CallCompleted(method, code, Stopwatch.GetElapsedTime(started));
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        // grpc-message is percent-encoded (gRPC over HTTP/2); any %XX decodes, so the stricter URI escaping is valid.
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        if (status.Details.Count > 0)
        {
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        }

        await response.CompleteAsync().ConfigureAwait(false);
    }

    // Debug, not Information: an attack is thousands of refusals a second, and the counters already show them.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} refused before its body was read: {StatusCode} {ErrorReason}: {Detail}")]
    private partial void LogRefused(string method, StatusCode statusCode, string errorReason, string detail);
}
