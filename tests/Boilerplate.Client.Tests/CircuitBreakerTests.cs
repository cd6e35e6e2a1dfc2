using Boilerplate.Testing;
using Grpc.Core;
using Polly.CircuitBreaker;

namespace Boilerplate.Client.Tests;

/// <summary>The breaker opens on a failing service, fails fast while open, and closes once the service recovers.</summary>
[Collection(FaultyServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class CircuitBreakerTests(FaultyService service)
{
    [Fact]
    public async Task A_failing_service_opens_the_circuit_and_a_recovered_one_closes_it()
    {
        var client = service.Host.CreateClient(options =>
        {
            options.Retry.MaxAttempts = 1;
            options.CircuitBreaker.MinimumThroughput = 5;
            options.CircuitBreaker.FailureRatio = 0.5;
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(1);
        });
        var page = SamplePages.Article(3);
        service.Faults.FailNext(int.MaxValue);

        for (var i = 0; i < 5; i++)
        {
            var error = await Assert.ThrowsAsync<RetryLaterException>(() => client.CleanHtmlAsync(page));
            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        }

        var callsWhenOpened = service.Faults.Calls;
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.CleanHtmlAsync(page));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.CleanHtmlAsync(page));
        Assert.Equal(callsWhenOpened, service.Faults.Calls);

        service.Faults.Heal();
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        Assert.NotEmpty((await client.CleanHtmlAsync(page)).Text);
        Assert.NotEmpty((await client.CleanHtmlAsync(page)).Text);
    }
}
