using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace Boilerplate.Service.Interceptors;

/// <summary>
/// The method routing resolved a call to. <see cref="ServerCallContext.Method"/> is the raw request path, which routing
/// matches case-insensitively: a rule or metric keyed on it lets "/BOILERPLATE.V1.BoilerplateService/Clean" dodge the
/// rule or mint a new series per spelling.
/// </summary>
internal static class ResolvedMethod
{
    /// <summary>Metric value for a call without gRPC method metadata (none reaches an interceptor in practice).</summary>
    public const string Unknown = "unknown";

    /// <summary>The routed method, or null when the endpoint carries no gRPC method metadata.</summary>
    public static IMethod? Of(ServerCallContext context) =>
        context.GetHttpContext().GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;

    /// <summary>The routed method's canonical name ("/package.Service/Method"), safe to log and to use as a metric tag.</summary>
    public static string NameOf(ServerCallContext context) => Of(context)?.FullName ?? Unknown;

    /// <summary>Whether the call was routed to a method of <paramref name="serviceFullName"/> (e.g. "grpc.health.v1.Health").</summary>
    public static bool IsOfService(ServerCallContext context, string serviceFullName) =>
        string.Equals(Of(context)?.ServiceName, serviceFullName, StringComparison.Ordinal);
}
