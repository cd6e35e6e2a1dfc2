using System.Net;
using System.Text;
using Boilerplate.Testing.Service;

namespace Boilerplate.Service.Tests;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the service pushes its spans, metrics and logs over OTLP: here to a loopback HTTP
/// receiver standing in for a collector (OTLP/HTTP, <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>).
/// </summary>
[Trait("Category", "Functional")]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task The_standard_otel_variables_send_the_calls_spans_metrics_and_logs_to_the_collector()
    {
        var port = FreePort.Next();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var traces = new List<byte[]>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var receiving = ReceiveAsync(collector, traces, paths);

        await using (var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}";
            options.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            options.Settings["OTEL_SERVICE_NAME"] = "boilerplate-under-test";
        }))
        {
            await host.Client.CleanTextAsync(SeedPage.Text);
        }

        // Stopping the host flushes the batch exporter, so every span of the call has been sent by now.
        collector.Stop();
        await receiving;
        byte[][] bodies;
        lock (traces)
        {
            bodies = [.. traces];
        }

        Assert.NotEmpty(bodies);
        // Metrics (flushed as the host stops) and logs (the model host's SERVING line) go the same way.
        lock (paths)
        {
            Assert.Contains("/v1/metrics", paths);
            Assert.Contains("/v1/logs", paths);
        }

        // Protobuf writes strings as plain UTF-8, so the names can be looked for in the bytes.
        var all = string.Join('\n', bodies.Select(body => Encoding.UTF8.GetString(body)));
        Assert.Contains("boilerplate-under-test", all, StringComparison.Ordinal);
        Assert.Contains("boilerplate.v1.BoilerplateService/Clean", all, StringComparison.Ordinal);
        Assert.Contains("boilerplate.score", all, StringComparison.Ordinal);
    }

    private static async Task ReceiveAsync(HttpListener collector, List<byte[]> traces, HashSet<string> paths)
    {
        while (collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await collector.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url?.AbsolutePath ?? string.Empty;
            lock (paths)
            {
                paths.Add(path);
            }

            if (path == "/v1/traces")
            {
                lock (traces)
                {
                    traces.Add(body.ToArray());
                }
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
