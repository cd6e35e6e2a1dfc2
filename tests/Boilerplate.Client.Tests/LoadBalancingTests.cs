using System.Collections.Concurrent;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;

namespace Boilerplate.Client.Tests;

/// <summary>Round-robin over three service processes; killing one loses no call.</summary>
[Collection(HeavyTests.Name)]
[Trait("Category", "Functional")]
public sealed class LoadBalancingTests
{
    private const string RequestLog = "Request finished HTTP/2 POST";

    [Fact]
    public async Task Calls_spread_over_three_instances_and_survive_one_being_killed()
    {
        var environment = new Dictionary<string, string>
        {
            // One log line per request, to count which instance served what.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        var instances = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServiceProcess.StartAsync(environment: environment)));
        try
        {
            // Six attempts rather than the default four: on a loaded machine the balancer can keep picking the killed
            // instance for over a second (a fresh-clone CI run lost one call after four refused connections).
            var options = new BoilerplateClientOptions { Retry = { MaxAttempts = 6 } };
            foreach (var instance in instances)
            {
                options.Addresses.Add(instance.Address);
            }

            // The default back-off: at 50 ms, four attempts could all land on the killed instance before the
            // balancer had seen its connection refused (a fresh-clone CI run lost one call that way).
            using var client = new BoilerplateClient(options);
            var failures = new ConcurrentQueue<Exception>();
            var completed = 0;
            const int calls = 600;
            var work = Parallel.ForEachAsync(
                Enumerable.Range(0, calls),
                new ParallelOptions { MaxDegreeOfParallelism = 6 },
                async (i, cancellationToken) =>
                {
                    try
                    {
                        await client.CleanHtmlAsync(SamplePages.Article(3, seed: i), cancellationToken: cancellationToken);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                    }

                    Interlocked.Increment(ref completed);
                });

            while (Volatile.Read(ref completed) < calls / 3)
            {
                await Task.Delay(5);
            }

            var servedBeforeKill = instances.Select(Served).ToArray();
            instances[0].Kill();
            await work;

            Assert.Empty(failures);
            Assert.All(servedBeforeKill, served => Assert.True(served > 0, $"served before kill: {string.Join(", ", servedBeforeKill)}"));
            Assert.True(Served(instances[1]) > servedBeforeKill[1] && Served(instances[2]) > servedBeforeKill[2]);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static int Served(ServiceProcess instance) =>
        instance.Output.Count(line => line.Contains(RequestLog, StringComparison.Ordinal) && line.Contains("/Clean", StringComparison.Ordinal));
}
