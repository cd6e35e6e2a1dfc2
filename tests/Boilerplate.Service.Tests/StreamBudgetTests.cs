using System.Diagnostics;
using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace Boilerplate.Service.Tests;

/// <summary>
/// A CleanStream holds a concurrency slot only while one of its pages is cleaned, and is closed after
/// <c>Limits:StreamIdleTimeout</c> with nothing to do, so silent streams cannot starve unary calls.
/// </summary>
[Trait("Category", "Functional")]
public sealed class StreamBudgetTests
{
    [Fact]
    public async Task Silent_streams_do_not_block_unary_clean_calls()
    {
        var faults = new FaultPlan();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxConcurrentRequests"] = "2";
            options.Settings["Limits:MaxQueuedRequests"] = "0";
            options.InjectFaults(faults);
        });
        using var stop = new CancellationTokenSource();
        var streams = new List<AsyncDuplexStreamingCall<CleanRequest, CleanResponse>>();
        try
        {
            // Eight streams each clean a page, then fall silent without ending, as a crawler waiting for URLs does.
            for (var i = 0; i < 8; i++)
            {
                var stream = host.Client.Service.CleanStream(cancellationToken: stop.Token);
                streams.Add(stream);
                await stream.RequestStream.WriteAsync(new CleanRequest { Id = $"stream-{i}", Html = SamplePages.Article(3, seed: i) });
                Assert.True(await stream.ResponseStream.MoveNext(stop.Token));
                Assert.Equal($"stream-{i}", stream.ResponseStream.Current.Id);
            }

            for (var i = 0; i < 4; i++)
            {
                Assert.NotEmpty((await host.Client.CleanHtmlAsync(SamplePages.Article(3, seed: i))).Text);
            }

            var health = await new HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }
        finally
        {
            await stop.CancelAsync();
            streams.ForEach(stream => stream.Dispose());
        }
    }

    [Fact]
    public async Task A_page_of_a_stream_refused_while_unary_calls_hold_every_slot_comes_back_at_capacity_and_the_stream_goes_on()
    {
        var faults = new FaultPlan();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxConcurrentRequests"] = "2";
            options.Settings["Limits:MaxQueuedRequests"] = "0";
            options.Settings["Limits:CapacityRetryDelay"] = "00:00:00.25";
            options.InjectFaults(faults);
        });
        var callsBefore = faults.Calls;
        faults.SlowNext(2, TimeSpan.FromSeconds(3));
        var holders = new[] { host.Client.CleanHtmlAsync(SamplePages.Article(3)), host.Client.CleanHtmlAsync(SamplePages.Article(3)) };
        while (faults.Calls < callsBefore + 2)
        {
            await Task.Delay(10);
        }

        using var stream = host.Client.Service.CleanStream(deadline: DateTime.UtcNow.AddSeconds(60));
        await stream.RequestStream.WriteAsync(new CleanRequest { Id = "refused", Html = SamplePages.Article(3) });
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));

        var refused = stream.ResponseStream.Current;
        Assert.Equal("refused", refused.Id);
        Assert.Equal((int)StatusCode.ResourceExhausted, refused.Error.Code);
        Assert.Contains("capacity", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorReasons.AtCapacity, refused.Error.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(250), refused.Error.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan());

        // Once the slots are free, the same stream cleans the page sent again.
        foreach (var holder in holders)
        {
            Assert.NotEmpty((await holder).Text);
        }

        await stream.RequestStream.WriteAsync(new CleanRequest { Id = "resent", Html = SamplePages.Article(3) });
        await stream.RequestStream.CompleteAsync();
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("resent", stream.ResponseStream.Current.Id);
        Assert.Null(stream.ResponseStream.Current.Error);
        Assert.NotEmpty(stream.ResponseStream.Current.Text);
        Assert.False(await stream.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task A_stream_idle_past_its_timeout_is_closed_but_time_spent_on_its_pages_is_not_idle()
    {
        await using var host = await ServiceHost.StartAsync(options => options.Settings["Limits:StreamIdleTimeout"] = "00:00:00.5");
        using var stream = host.Client.Service.CleanStream(deadline: DateTime.UtcNow.AddSeconds(60));

        // A page of nearly 20,000 blocks takes longer to clean than the idle timeout: waiting for it is not idling.
        await stream.RequestStream.WriteAsync(new CleanRequest { Id = "big", Html = SamplePages.Table(19_990) });
        Assert.True(await stream.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("big", stream.ResponseStream.Current.Id);

        var silent = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("Limits:StreamIdleTimeout", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ErrorReasons.StreamIdle, error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        // No lower bound: the response can reach a loaded client late, after part of the idle time has run; that the
        // big page came back at all shows its cleaning time did not count as idle.
        Assert.True(silent.Elapsed < TimeSpan.FromSeconds(30), $"closed after {silent.Elapsed}");
    }
}
