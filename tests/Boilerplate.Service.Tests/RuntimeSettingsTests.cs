using System.Text.Json;

namespace Boilerplate.Service.Tests;

/// <summary>
/// The runtime settings the service ships with, as its runtimeconfig.json gives them to every host: switching the
/// collector back to server GC costs the memory goal (RSS above 300 MiB after 100,000 requests on a 2-core pod,
/// bench/results/performance.md), so it is a decision to re-measure, not a default to drift to.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_service_ships_concurrent_workstation_gc()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Boilerplate.Service.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
    }
}
