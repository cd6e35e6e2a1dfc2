using System.Diagnostics.Metrics;
using Boilerplate.Protos.V1;
using Boilerplate.Testing.Service;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Service.Tests;

/// <summary>The Prometheus endpoint on its own HTTP/1.1 port shows the service's counters; the gauges read the limiter.</summary>
[Trait("Category", "Functional")]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_port_serves_call_page_paragraph_and_page_error_counters()
    {
        var port = FreePort.Next();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            options.Settings["Metrics:Host"] = "127.0.0.1";
        });
        await host.Client.CleanTextAsync(SeedPage.Text);
        await foreach (var _ in host.Client.CleanStreamAsync(new[] { new Protos.V1.CleanRequest { Id = "empty" } }.ToAsyncEnumerable()))
        {
        }

        using var http = new HttpClient();
        var scrape = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        Assert.Contains("boilerplate_pages_total", scrape, StringComparison.Ordinal);
        Assert.Contains("boilerplate_paragraphs_total", scrape, StringComparison.Ordinal);
        Assert.Contains("boilerplate_rpc_calls_total", scrape, StringComparison.Ordinal);
        Assert.Contains("boilerplate_rpc_duration_seconds_bucket", scrape, StringComparison.Ordinal);
        // Tagged per the OpenTelemetry RPC conventions: the method's short name, the status as its number.
        Assert.Matches("boilerplate_rpc_calls_total\\{[^}]*rpc_grpc_status_code=\"0\"[^}]*rpc_method=\"Clean\"[^}]*rpc_service=\"boilerplate.v1.BoilerplateService\"[^}]*rpc_system=\"grpc\"", scrape);
        // The built-in meters beside the service's own: ASP.NET Core hosting, Kestrel and the runtime.
        Assert.Contains("http_server_request_duration_seconds_bucket", scrape, StringComparison.Ordinal);
        Assert.Contains("kestrel_active_connections", scrape, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", scrape, StringComparison.Ordinal);
        Assert.Contains("boilerplate_cleaning_active", scrape, StringComparison.Ordinal);
        Assert.Contains("boilerplate_cleaning_queued", scrape, StringComparison.Ordinal);
        // The stream's empty page, counted by its reason although the stream itself succeeded. At least 1: the
        // exporter listens to every meter of this name in the process, and tests running beside this one in other
        // hosts refuse empty pages too.
        var errors = System.Text.RegularExpressions.Regex.Match(scrape, "boilerplate_page_errors_total\\{[^}]*reason=\"EMPTY_PAGE\"[^}]*\\} (\\d+)");
        Assert.True(errors.Success, scrape);
        Assert.True(int.Parse(errors.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task The_scrape_endpoint_on_the_pod_ip_also_answers_on_loopback_for_port_forward()
    {
        var port = FreePort.Next();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Stands for the pod IP: another address than 127.0.0.1, which Linux routes to this machine.
            options.Settings["Metrics:Host"] = "127.0.0.2";
        });
        await host.Client.CleanTextAsync(SeedPage.Text);

        using var http = new HttpClient();
        foreach (var address in new[] { "127.0.0.2", "127.0.0.1" })
        {
            var scrape = await http.GetStringAsync(new Uri($"http://{address}:{port}/metrics"));
            Assert.Contains("boilerplate_pages_total", scrape, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Gauges_show_the_pages_being_cleaned_and_the_pages_waiting()
    {
        var faults = new FaultPlan();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxConcurrentRequests"] = "1";
            options.Settings["Limits:MaxQueuedRequests"] = "4";
            options.InjectFaults(faults);
        });
        using var gauges = new GaugeReader(host.Services.GetRequiredService<IMeterFactory>());
        Assert.Equal((0, 0), gauges.Read());

        // The first call holds the only slot while the fault plan delays it; the second waits for that slot.
        faults.SlowNext(1, TimeSpan.FromSeconds(3));
        var client = host.CreateClient().Service;
        var holder = client.CleanAsync(new CleanRequest { Text = SeedPage.Text }).ResponseAsync;
        while (faults.Calls == 0)
        {
            await Task.Delay(10);
        }

        var waiter = client.CleanAsync(new CleanRequest { Text = SeedPage.Text }).ResponseAsync;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (gauges.Read() != (1, 1) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal((1, 1), gauges.Read());
        await Task.WhenAll(holder, waiter);
        Assert.Equal((0, 0), gauges.Read());
    }

    /// <summary>Reads the limiter gauges of one host: tests in parallel run other hosts with meters of the same name.</summary>
    private sealed class GaugeReader : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, long> _values = [];

        public GaugeReader(IMeterFactory hostMeters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == hostMeters && instrument.Meter.Name == "Boilerplate.Service"
                    && instrument.Name is "boilerplate.cleaning.active" or "boilerplate.cleaning.queued")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _values[instrument.Name] = value);
            _listener.Start();
        }

        public (long Active, long Queued) Read()
        {
            _values.Clear();
            _listener.RecordObservableInstruments();
            return (_values.GetValueOrDefault("boilerplate.cleaning.active", -1), _values.GetValueOrDefault("boilerplate.cleaning.queued", -1));
        }

        public void Dispose() => _listener.Dispose();
    }
}
