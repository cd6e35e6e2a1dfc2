namespace Boilerplate.Service.Telemetry;

/// <summary>Attribute names of the OpenTelemetry RPC conventions, shared by the server span and the call metrics.</summary>
internal static class RpcTags
{
    public const string System = "rpc.system";
    public const string Service = "rpc.service";
    public const string Method = "rpc.method";
    public const string StatusCode = "rpc.grpc.status_code";

    /// <summary>The value of <see cref="System"/> for every call this service answers.</summary>
    public const string Grpc = "grpc";
}
