using System.Diagnostics;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;

namespace Boilerplate.Client.Tests;

/// <summary>A call refused as AT_CAPACITY is retried after the delay the service asks for, not the client's back-off.</summary>
[Trait("Category", "Functional")]
public sealed class CapacityRetryTests(CapacityRetryTests.OneSlotService service) : IClassFixture<CapacityRetryTests.OneSlotService>
{
    // Long enough that "refused before a retry could have waited it out" holds on a loaded machine, where the first
    // refusal alone took 1.4 s in a full-suite run.
    private static readonly TimeSpan ServerDelay = TimeSpan.FromMilliseconds(2_500);

    public sealed class OneSlotService : IAsyncLifetime
    {
        public FaultPlan Faults { get; } = new();

        public ServiceHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxConcurrentRequests"] = "1";
            options.Settings["Limits:MaxQueuedRequests"] = "0";
            options.Settings["Limits:CapacityRetryDelay"] = ServerDelay.ToString();
            options.InjectFaults(Faults);
        });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task At_capacity_is_retried_after_the_services_delay_not_the_clients_back_off()
    {
        // The client's own back-off starts at a millisecond: four attempts by it alone would all meet the busy slot.
        var client = service.Host.CreateClient(options =>
        {
            options.Retry.MaxAttempts = 4;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            options.Retry.MaxDelay = TimeSpan.FromSeconds(5);
            options.CircuitBreaker.Enabled = false;
        });

        // The client's first call opens its connection, which on a loaded machine has taken longer than the slot is
        // held: the measured call would then find the slot free. Open it first.
        Assert.NotEmpty((await client.CleanHtmlAsync(SamplePages.Article(1))).Text);
        var holder = await HoldTheSlotAsync(TimeSpan.FromMilliseconds(1_000));
        var clock = Stopwatch.StartNew();

        var response = await client.CleanHtmlAsync(SamplePages.Article(3));

        Assert.NotEmpty(response.Text);
        Assert.True(clock.Elapsed >= ServerDelay, $"answered after {clock.Elapsed.TotalMilliseconds:N0} ms");
        Assert.NotEmpty((await holder).Text);
    }

    [Theory]
    [InlineData(false, 5_000)]
    [InlineData(true, 100)]
    public async Task With_capacity_retries_off_or_a_delay_past_max_delay_the_refusal_surfaces_at_once(bool retryAtCapacity, int maxDelayMs)
    {
        var client = service.Host.CreateClient(options =>
        {
            options.Retry.RetryAtCapacity = retryAtCapacity;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            options.Retry.MaxDelay = TimeSpan.FromMilliseconds(maxDelayMs);
            options.CircuitBreaker.Enabled = false;
        });
        var holder = await HoldTheSlotAsync(TimeSpan.FromSeconds(4));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RetryLaterException>(() => client.CleanHtmlAsync(SamplePages.Article(3)));

        Assert.True(clock.Elapsed < ServerDelay, $"refused after {clock.Elapsed.TotalMilliseconds:N0} ms: it waited for a retry");
        Assert.Equal(Protos.V1.ErrorReasons.AtCapacity, error.Reason);
        Assert.Equal(ServerDelay, error.RetryAfter);
        Assert.Equal(ErrorDisposition.RetryLater, error.Error.Disposition);
        Assert.NotEmpty((await holder).Text);
    }

    /// <summary>Starts a call that holds the only slot for <paramref name="duration"/>, once it holds it.</summary>
    private async Task<Task<Protos.V1.CleanResponse>> HoldTheSlotAsync(TimeSpan duration)
    {
        var before = service.Faults.Calls;
        service.Faults.SlowNext(1, duration);
        var holder = service.Host.Client.CleanHtmlAsync(SamplePages.Article(3));
        while (service.Faults.Calls == before)
        {
            await Task.Delay(10);
        }

        return holder;
    }
}
