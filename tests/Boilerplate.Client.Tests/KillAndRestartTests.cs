using System.Collections.Concurrent;
using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;

namespace Boilerplate.Client.Tests;

/// <summary>A service killed mid-run and restarted on the same port: every page is cleaned exactly once.</summary>
[Collection(HeavyTests.Name)]
[Trait("Category", "Functional")]
public sealed class KillAndRestartTests
{
    [Fact]
    public async Task Pages_in_flight_when_the_service_dies_are_retried_after_it_restarts()
    {
        const int pages = 300;
        var process = await ServiceProcess.StartAsync();
        var port = process.Port;
        try
        {
            using var client = process.CreateClient(options =>
            {
                // Enough retry budget to outlast a restart (a few seconds); the breaker would turn the outage into errors.
                options.Retry.MaxAttempts = 60;
                options.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
                options.Retry.MaxDelay = TimeSpan.FromMilliseconds(500);
                options.CircuitBreaker.Enabled = false;
                options.AttemptTimeout = TimeSpan.FromSeconds(10);
            });
            var results = new ConcurrentDictionary<string, int>();
            var failures = new ConcurrentQueue<Exception>();
            var completed = 0;
            var work = Parallel.ForEachAsync(
                Enumerable.Range(0, pages),
                new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (i, cancellationToken) =>
                {
                    try
                    {
                        var response = await client.CleanAsync(new CleanRequest { Id = $"page-{i}", Html = SamplePages.Article(4, seed: i) }, cancellationToken);
                        results.AddOrUpdate(response.Id, 1, (_, count) => count + 1);
                        Assert.Contains($"({i}.0)", response.Text, StringComparison.Ordinal);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                    }

                    Interlocked.Increment(ref completed);
                });

            while (Volatile.Read(ref completed) < pages / 4)
            {
                await Task.Delay(5);
            }

            process.Kill();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(10));
            await process.DisposeAsync();
            process = await ServiceProcess.StartAsync(port);
            await work;

            Assert.Empty(failures);
            Assert.Equal(pages, results.Count);
            Assert.All(results.Values, count => Assert.Equal(1, count));
        }
        finally
        {
            await process.DisposeAsync();
        }
    }
}
