using Boilerplate.Cli.Tests.Clean;
using Boilerplate.Testing.Service;

namespace Boilerplate.Cli.Tests.Health;

[Trait("Category", "Functional")]
public class HealthCommandTests
{
    [Fact]
    public async Task A_serving_server_exits_0()
    {
        await using var host = await ServiceHost.StartAsync();

        Assert.Equal(0, await CliRun.InvokeAsync("health", "--server", host.Address));
    }

    [Fact]
    public async Task No_server_exits_1()
    {
        Assert.Equal(1, await CliRun.InvokeAsync("health", "--server", $"http://127.0.0.1:{FreePort.Next()}", "--timeout", "00:00:02"));
    }
}
