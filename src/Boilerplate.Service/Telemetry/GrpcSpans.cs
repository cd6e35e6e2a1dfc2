using System.Diagnostics;
using System.Globalization;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Boilerplate.Service.Telemetry;

/// <summary>
/// Turns ASP.NET Core's HTTP server span of a gRPC call into an RPC span as the OpenTelemetry RPC conventions name it:
/// "package.Service/Method", with <c>rpc.system</c>, <c>rpc.service</c>, <c>rpc.method</c> and
/// <c>rpc.grpc.status_code</c>, and an error status for the codes that mean a server fault.
/// </summary>
internal static class GrpcSpans
{
    /// <summary>The tag Grpc.AspNetCore puts the final status on (as the trailer's number).</summary>
    private const string GrpcStatusTag = "grpc.status_code";

    /// <summary>Called as the server span stops, when routing has resolved the method and the status is written.</summary>
    public static void Enrich(Activity activity, HttpContext context)
    {
        // The routed method, not the raw path: a path in other letter case would mint a new span name.
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null)
        {
            return;
        }

        activity.DisplayName = $"{method.ServiceName}/{method.Name}";
        activity.SetTag(RpcTags.System, RpcTags.Grpc);
        activity.SetTag(RpcTags.Service, method.ServiceName);
        activity.SetTag(RpcTags.Method, method.Name);
        if (StatusOf(activity, context) is not { } status)
        {
            return;
        }

        activity.SetTag(RpcTags.StatusCode, (int)status);
        if (IsServerFault(status))
        {
            activity.SetStatus(ActivityStatusCode.Error, status.ToString());
        }
    }

    /// <summary>The codes the RPC conventions count as a server span error; the rest are the caller's doing.</summary>
    internal static bool IsServerFault(StatusCode status) => status is StatusCode.Unknown or StatusCode.DeadlineExceeded
        or StatusCode.Unimplemented or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss;

    private static StatusCode? StatusOf(Activity activity, HttpContext context)
    {
        var text = activity.GetTagItem(GrpcStatusTag) as string;
        if (string.IsNullOrEmpty(text))
        {
            // A trailers-only response carries the status in its headers.
            var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
            text = trailers?["grpc-status"].ToString() is { Length: > 0 } trailer ? trailer : context.Response.Headers["grpc-status"].ToString();
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? (StatusCode)code : null;
    }
}
