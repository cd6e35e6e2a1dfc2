using Boilerplate.Protos.V1;
using Boilerplate.Testing;

namespace Boilerplate.Service.Tests;

/// <summary>SIGTERM lets in-flight calls finish, then the process exits cleanly.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_finishes_the_call_in_flight_then_exits()
    {
        await using var process = await ServiceProcess.StartAsync();
        using var client = process.CreateClient();
        var requests = System.Threading.Channels.Channel.CreateUnbounded<CleanRequest>();
        await using var responses = client.CleanStreamAsync(requests.Reader.ReadAllAsync()).GetAsyncEnumerator();
        await requests.Writer.WriteAsync(new CleanRequest { Id = "before", Html = SamplePages.Article(4, seed: 1) });
        Assert.True(await responses.MoveNextAsync());
        Assert.Equal("before", responses.Current.Id);

        process.Terminate();
        await Task.Delay(500);
        Assert.False(process.HasExited, "the process must wait for the open call");

        await requests.Writer.WriteAsync(new CleanRequest { Id = "during shutdown", Html = SamplePages.Article(4, seed: 2) });
        requests.Writer.Complete();
        Assert.True(await responses.MoveNextAsync());
        Assert.Equal("during shutdown", responses.Current.Id);
        Assert.False(await responses.MoveNextAsync());

        await process.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, process.ExitCode);
    }
}
