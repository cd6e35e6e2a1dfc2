using System.Diagnostics;
using System.Text.Json;
using Boilerplate.Protos.V1;
using Boilerplate.Testing.Service;
using Grpc.Core;
using Grpc.Net.Client;

namespace Boilerplate.Service.Tests;

/// <summary>The service process, told to log JSON, writes one JSON object a line with the call's trace id.</summary>
[Trait("Category", "Functional")]
public sealed class JsonLogTests
{
    [Fact]
    public async Task A_log_line_written_during_a_call_is_one_json_object_with_the_callers_trace_id()
    {
        await using var process = await ServiceProcess.StartAsync(environment: new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
        });
        var client = process.CreateClient().Service;
        var traceId = ActivityTraceId.CreateRandom();
        var traceparent = $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

        // An empty page is refused and logged (Information) inside the call.
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.CleanAsync(new CleanRequest(), new Metadata { { "traceparent", traceparent } }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);

        JsonElement? refusal = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (refusal is null && DateTime.UtcNow < deadline)
        {
            refusal = process.Output.Where(line => line.Contains("refused a page", StringComparison.Ordinal))
                .Select(line => (JsonElement?)JsonDocument.Parse(line).RootElement).FirstOrDefault();
            await Task.Delay(20);
        }

        Assert.NotNull(refusal);
        var entry = refusal.Value;
        Assert.Equal("Information", entry.GetProperty("LogLevel").GetString());
        Assert.Equal("Boilerplate.Service.Errors.ErrorStatuses", entry.GetProperty("Category").GetString());
        var ids = entry.GetProperty("Scopes").EnumerateArray().Single(scope => scope.TryGetProperty("TraceId", out _));
        Assert.Equal(traceId.ToHexString(), ids.GetProperty("TraceId").GetString());
        Assert.Equal(16, ids.GetProperty("SpanId").GetString()!.Length);
        // Every line the process wrote since start-up is one JSON object (start-up lines included).
        Assert.All(process.Output.Where(line => line.Length > 0), line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
    }
}
