using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Grpc.Core;
using Grpc.Net.Client;

namespace Boilerplate.Service.Tests;

/// <summary>SIGTERM: pages already read are answered, open streams end with UNAVAILABLE, and the process exits cleanly.</summary>
[Trait("Category", "Functional")]
public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_answers_the_pages_read_then_ends_open_streams_with_unavailable_and_exits()
    {
        await using var process = await ServiceProcess.StartAsync();
        using var channel = GrpcChannel.ForAddress(process.Address);
        var service = process.CreateClient().Service.OnChannel(channel);
        using var call = service.CleanStream();
        await call.RequestStream.WriteAsync(new CleanRequest { Id = "before", Html = SamplePages.Article(4, seed: 1) });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("before", call.ResponseStream.Current.Id);

        // A page large enough to still be in flight when the signal lands.
        await call.RequestStream.WriteAsync(new CleanRequest { Id = "in flight", Html = SamplePages.Article(5_000, seed: 2) });
        process.Terminate();

        var answered = new List<CleanResponse>();
        var ended = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                answered.Add(call.ResponseStream.Current);
            }
        });

        // Never INTERNAL "Call ended without gRPC status": a status clients retry elsewhere, with the reason.
        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
        var status = ended.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Contains(status.Details, detail => detail.TryUnpack<Google.Rpc.ErrorInfo>(out var info) && info.Reason == ErrorReasons.ShuttingDown);
        // The page read before the signal was answered, cleaned; none was lost without a word.
        Assert.All(answered, response => Assert.Equal("in flight", response.Id));
        Assert.All(answered, response => Assert.Null(response.Error));
        Assert.Contains("pages read on this stream were answered", status.Message, StringComparison.Ordinal);

        await process.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, process.ExitCode);
        Assert.Contains(process.Output, line => line.Contains("CleanStream ended by shutdown", StringComparison.Ordinal));
        Assert.DoesNotContain(process.Output, line => line.Contains("cancel", StringComparison.OrdinalIgnoreCase));
    }
}
