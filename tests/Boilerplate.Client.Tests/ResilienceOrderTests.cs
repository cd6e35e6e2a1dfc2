using System.Diagnostics;
using System.Runtime.CompilerServices;
using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Grpc.Core;
using Polly.CircuitBreaker;

namespace Boilerplate.Client.Tests;

/// <summary>
/// Total timeout → retry or hedging → breaker → attempt timeout, against the real loopback service: a slow attempt is
/// abandoned and retried, the total bounds all retries, a hedge answers first, and streams have a deadline and the breaker.
/// </summary>
[Collection(FaultyServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ResilienceOrderTests(FaultyService service)
{
    private static readonly string Page = SamplePages.Article(3);

    [Fact]
    public async Task A_slow_attempt_is_abandoned_at_the_attempt_timeout_and_retried()
    {
        var client = service.Host.CreateClient(options =>
        {
            // Well under the slow attempt's 8 s, with room for the retry itself on a loaded machine.
            options.AttemptTimeout = TimeSpan.FromSeconds(2);
            options.Retry.MaxAttempts = 2;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
            options.CircuitBreaker.Enabled = false;
        });
        service.Faults.SlowNext(1, TimeSpan.FromSeconds(8));
        var before = service.Faults.Calls;
        var clock = Stopwatch.StartNew();

        var response = await client.CleanHtmlAsync(Page);

        Assert.NotEmpty(response.Text);
        Assert.Equal(2, service.Faults.Calls - before);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"answered after {clock.Elapsed.TotalMilliseconds:N0} ms: the slow attempt was waited for");
    }

    [Fact]
    public async Task The_total_timeout_bounds_every_retry_and_reads_as_deadline_exceeded()
    {
        var client = service.Host.CreateClient(options =>
        {
            options.TotalTimeout = TimeSpan.FromSeconds(1);
            options.AttemptTimeout = TimeSpan.FromSeconds(1);
            options.Retry.MaxAttempts = 50;
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
            options.CircuitBreaker.Enabled = false;
        });
        service.Faults.FailNext(int.MaxValue);
        var before = service.Faults.Calls;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<BoilerplateException>(() => client.CleanHtmlAsync(Page));
        service.Faults.Heal();

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {clock.Elapsed.TotalMilliseconds:N0} ms");
        Assert.InRange(service.Faults.Calls - before, 2, 49);
    }

    [Fact]
    public async Task A_hedged_clean_returns_the_first_answer_not_the_slow_one()
    {
        var client = service.Host.CreateClient(options =>
        {
            options.Hedging.Enabled = true;
            options.Hedging.Delay = TimeSpan.FromMilliseconds(200);
            options.Hedging.MaxHedgedAttempts = 1;
            options.CircuitBreaker.Enabled = false;
        });
        service.Faults.SlowNext(1, TimeSpan.FromSeconds(8));
        var before = service.Faults.Calls;
        var clock = Stopwatch.StartNew();

        var response = await client.CleanHtmlAsync(Page);

        Assert.NotEmpty(response.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"answered after {clock.Elapsed.TotalMilliseconds:N0} ms: the slow attempt was waited for");
        Assert.Equal(2, service.Faults.Calls - before);
    }

    [Fact]
    public async Task Without_hedging_the_same_slow_call_is_waited_for()
    {
        // The control for the hedging test: the same fault, no hedge, the whole delay.
        var client = service.Host.CreateClient(options => options.CircuitBreaker.Enabled = false);
        service.Faults.SlowNext(1, TimeSpan.FromSeconds(1.5));
        var clock = Stopwatch.StartNew();

        Assert.NotEmpty((await client.CleanHtmlAsync(Page)).Text);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.4), $"answered after {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public async Task An_open_circuit_refuses_a_stream_at_once()
    {
        var client = service.Host.CreateClient(options =>
        {
            options.Retry.MaxAttempts = 1;
            options.CircuitBreaker.MinimumThroughput = 2;
            options.CircuitBreaker.FailureRatio = 0.5;
            options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });
        service.Faults.FailNext(2);
        await Assert.ThrowsAsync<RetryLaterException>(() => client.CleanHtmlAsync(Page));
        await Assert.ThrowsAsync<RetryLaterException>(() => client.CleanHtmlAsync(Page));

        await Assert.ThrowsAsync<BrokenCircuitException>(async () =>
        {
            await foreach (var _ in client.CleanStreamAsync(Pages(1, hang: false)))
            {
            }
        });

        // The breaker is per client: another client streams to the same (healthy) service.
        var other = service.Host.CreateClient();
        await foreach (var response in other.CleanStreamAsync(Pages(1, hang: false)))
        {
            Assert.False(response.HasError());
        }
    }

    [Fact]
    public async Task Streams_that_fail_to_start_open_the_circuit()
    {
        // Nothing listens on the port: each stream fails with UNAVAILABLE before its first answer.
        using var client = new BoilerplateClient(new BoilerplateClientOptions
        {
            Address = $"http://127.0.0.1:{FreePort.Next()}",
            CircuitBreaker = { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) },
        });

        for (var i = 0; i < 2; i++)
        {
            var error = await Assert.ThrowsAsync<RetryLaterException>(async () =>
            {
                await foreach (var _ in client.CleanStreamAsync(Pages(1, hang: false)))
                {
                }
            });
            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(async () =>
        {
            await foreach (var _ in client.CleanStreamAsync(Pages(1, hang: false)))
            {
            }
        });
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetModelInfoAsync());
    }

    [Fact]
    public async Task A_stream_ends_at_its_deadline_with_deadline_exceeded()
    {
        var client = service.Host.CreateClient(options => options.StreamTimeout = TimeSpan.FromSeconds(1));
        var received = 0;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAnyAsync<BoilerplateException>(async () =>
        {
            await foreach (var _ in client.CleanStreamAsync(Pages(1, hang: true)))
            {
                received++;
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(1, received);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"ended after {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    /// <summary><paramref name="count"/> pages, then the end of the stream or (hang) a sender that never finishes.</summary>
    private static async IAsyncEnumerable<CleanRequest> Pages(int count, bool hang, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new CleanRequest { Id = $"page-{i}", Html = Page };
        }

        if (hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
