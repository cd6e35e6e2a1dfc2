using System.CommandLine;
using System.Globalization;
using Boilerplate.Protos.V1;
using Google.Protobuf;
using Grpc.Core;
using GrpcMetadata = Grpc.Core.Metadata;
using Grpc.Net.Client;

namespace Boilerplate.Cli.Commands;

/// <summary>
/// <c>boilerplate model-info --server URL</c> and <c>boilerplate reload --server URL</c>: an operator's two calls to
/// the model service, so checking or forcing a model roll-out needs no grpcurl. A plain generated client, one call
/// and no retries: an operator wants the server's answer, or its error, at once.
/// </summary>
internal static class ModelCommands
{
    private const string ApiKeyHeader = "x-api-key";

    internal static Command CreateInfo() => Create(
        "model-info",
        "Show the model a server is serving: version, labels, training data, metrics, where and when it was loaded.",
        TimeSpan.FromSeconds(10),
        static (client, headers, deadline, cancellationToken) =>
            client.GetModelInfoAsync(new GetModelInfoRequest(), headers, deadline, cancellationToken).ResponseAsync);

    internal static Command CreateReload() => Create(
        "reload",
        "Make a server reload its model from its configured path now, and show the model serving afterwards. If the file " +
        "is invalid the old model keeps serving and the call fails (FAILED_PRECONDITION, with the reason).",
        // A reload reads, checks and warms the new model (Model:Warmup) before it answers.
        TimeSpan.FromSeconds(60),
        static (client, headers, deadline, cancellationToken) =>
            client.ReloadModelAsync(new ReloadModelRequest(), headers, deadline, cancellationToken).ResponseAsync);

    private static Command Create(
        string name,
        string description,
        TimeSpan defaultTimeout,
        Func<ModelService.ModelServiceClient, GrpcMetadata?, DateTime, CancellationToken, Task<ModelInfo>> call)
    {
        var server = new Option<string>("--server") { Description = "The server: http://host:port or https://host:port.", Required = true };
        var apiKey = new Option<string?>("--api-key") { Description = $"API key (default: the {CleanCommand.ApiKeyVariable} environment variable)." };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long to wait for the answer.", DefaultValueFactory = _ => defaultTimeout };
        var json = new Option<bool>("--json") { Description = "Write the answer as JSON (the proto's JSON mapping, proto field names) instead of a table." };

        server.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"--server must be an http:// or https:// address, not '{value}'.");
            }
        });
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<TimeSpan>() <= TimeSpan.Zero)
            {
                result.AddError("--timeout must be positive.");
            }
        });

        var command = new Command(name, description + "\n" + ExitCodes.Help) { server, apiKey, timeout, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var address = parse.GetValue(server)!;
            var key = parse.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(CleanCommand.ApiKeyVariable);
            var output = parse.InvocationConfiguration.Output;
            try
            {
                using var channel = GrpcChannel.ForAddress(address);
                var headers = string.IsNullOrEmpty(key) ? null : new GrpcMetadata { { ApiKeyHeader, key } };
                var info = await call(new ModelService.ModelServiceClient(channel), headers, DateTime.UtcNow + parse.GetValue(timeout), cancellationToken)
                    .ConfigureAwait(false);
                await output.WriteLineAsync(parse.GetValue(json) ? JsonOf(info) : TableOf(info)).ConfigureAwait(false);
                return ExitCodes.Success;
            }
            catch (RpcException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"{address}: {e.StatusCode}: {e.Status.Detail}").ConfigureAwait(false);
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    internal static string JsonOf(ModelInfo info) =>
        new JsonFormatter(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithPreserveProtoFieldNames(true)).Format(info);

    /// <summary>One "field: value" line per field, metrics one a line, for a person at a terminal.</summary>
    internal static string TableOf(ModelInfo info)
    {
        var lines = new List<string>
        {
            $"version: {info.Version}",
            $"labels: {string.Join(", ", info.Labels)}",
            $"page_types: {string.Join(", ", info.PageTypes)}",
            $"trainer: {info.Trainer}",
            $"created_at: {Time(info.CreatedAt)}",
            $"mlnet_version: {info.MlnetVersion}",
            $"feature_schema_version: {info.FeatureSchemaVersion.ToString(CultureInfo.InvariantCulture)}",
            $"training_data: {info.TrainingData}",
            $"source: {info.Source}",
            $"loaded_at: {Time(info.LoadedAt)}",
        };
        lines.AddRange(info.Metrics.OrderBy(metric => metric.Key, StringComparer.Ordinal)
            .Select(metric => $"metric {metric.Key}: {metric.Value.ToString("0.####", CultureInfo.InvariantCulture)}"));
        return string.Join('\n', lines);
    }

    private static string Time(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null ? string.Empty : time.ToDateTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
