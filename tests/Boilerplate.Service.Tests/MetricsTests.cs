using Boilerplate.Testing;

namespace Boilerplate.Service.Tests;

/// <summary>The Prometheus endpoint on its own HTTP/1.1 port shows the service's counters.</summary>
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
        // The stream's empty page, counted by its reason although the stream itself succeeded. At least 1: the
        // exporter listens to every meter of this name in the process, and tests running beside this one in other
        // hosts refuse empty pages too.
        var errors = System.Text.RegularExpressions.Regex.Match(scrape, "boilerplate_page_errors_total\\{[^}]*reason=\"EMPTY_PAGE\"[^}]*\\} (\\d+)");
        Assert.True(errors.Success, scrape);
        Assert.True(int.Parse(errors.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
