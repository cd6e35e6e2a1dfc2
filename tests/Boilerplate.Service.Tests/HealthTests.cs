using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Grpc.Health.V1;
using Microsoft.Extensions.Logging;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace Boilerplate.Service.Tests;

/// <summary>Health follows the model: SERVING once a model is loaded and warmed, the embedded one when the path holds none.</summary>
[Trait("Category", "Functional")]
public sealed class HealthTests
{
    [Fact]
    public async Task The_service_reports_serving_only_after_the_configured_warm_up()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var host = await ServiceHost.StartAsync(options => options.Settings["Model:Warmup"] = "00:00:01.500");

        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(1.5), $"SERVING after {started.Elapsed.TotalSeconds:F2} s");
        var loaded = Assert.Single(host.Logs.Entries, entry => entry.Message.Contains("loaded and warmed in", StringComparison.Ordinal));
        var milliseconds = double.Parse(
            System.Text.RegularExpressions.Regex.Match(loaded.Message, @"warmed in (\d+) ms").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(milliseconds, 1500, 60_000);
        Assert.StartsWith("SERVING:", loaded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_is_its_own_health_service_beside_the_overall_status()
    {
        await using var host = await ServiceHost.StartAsync();
        var health = new HealthClient(host.Channel);

        // Kubernetes probes ask "" for readiness and "liveness" for liveness; any other name is unknown.
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(
            HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest { Service = Boilerplate.Service.Health.HealthServices.Liveness })).Status);
        var unknown = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(
            async () => await health.CheckAsync(new HealthCheckRequest { Service = "readiness" }));
        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_empty_model_directory_serves_the_embedded_model_until_a_file_is_renamed_into_it()
    {
        var directory = ModelFiles.TempDirectory();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Model:Path"] = directory;
            options.Settings["Model:Debounce"] = "00:00:00.100";
        });
        var health = new HealthClient(host.Channel);

        // A fresh volume: the replica is ready on the embedded model rather than waiting for a training job.
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal("embedded:default", (await host.Client.GetModelInfoAsync()).Source);
        Assert.NotEmpty((await host.Client.CleanTextAsync(SeedPage.Text)).Text);
        Assert.Contains(host.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("embedded default model serves", StringComparison.Ordinal));

        // Written under another name, then renamed into place, as a deployment would: the watcher swaps it in.
        var staging = Path.Combine(directory, "incoming.tmp");
        var version = ModelFiles.WriteDefault(staging);
        var target = Path.Combine(directory, "model-v1.zip");
        File.Move(staging, target);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        ModelInfo info;
        while ((info = await host.Client.GetModelInfoAsync()).Source != target && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(target, info.Source);
        Assert.Equal(version, info.Version);
        Assert.NotEmpty((await host.Client.CleanTextAsync(SeedPage.Text)).Text);
        Directory.Delete(directory, recursive: true);
    }
}
