using System.Collections.Concurrent;
using System.Diagnostics;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Xunit.Abstractions;

namespace Boilerplate.Client.Tests;

/// <summary>64 concurrent callers through one client against an in-process service: no call fails.</summary>
[Collection(HeavyTests.Name)]
[Trait("Category", "Functional")]
public sealed class LoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sixty_four_concurrent_callers_get_every_page_cleaned()
    {
        const int calls = 3_000;
        await using var host = await ServiceHost.StartAsync();
        var pages = Enumerable.Range(0, 50).Select(seed => SamplePages.Article(3 + seed % 5, seed)).ToArray();
        var failures = new ConcurrentQueue<Exception>();
        var watch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, calls),
            new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (i, cancellationToken) =>
            {
                try
                {
                    var response = await host.Client.CleanHtmlAsync(pages[i % pages.Length], cancellationToken: cancellationToken);
                    Assert.NotEmpty(response.Text);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            });

        output.WriteLine($"{calls} calls, 64 concurrent: {watch.Elapsed.TotalSeconds:F1} s, {calls / watch.Elapsed.TotalSeconds:F0} calls/s");
        Assert.Empty(failures);
    }
}
