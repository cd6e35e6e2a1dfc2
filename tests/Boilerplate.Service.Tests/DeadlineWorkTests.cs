using System.Diagnostics;
using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Grpc.Core;

namespace Boilerplate.Service.Tests;

/// <summary>
/// Once a call's deadline passes the server stops working on it, rather than finishing a result nobody will read. The
/// evidence is the service's one concurrency slot: it is held while a page is cleaned, so it is free again at once only
/// if the work noticed the deadline. Markdown for long tables used to be quadratic and deaf to cancellation.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
[Trait("Category", "Functional")]
public sealed class DeadlineWorkTests(DeadlineWorkTests.SingleSlotService service) : IClassFixture<DeadlineWorkTests.SingleSlotService>
{
    // Near Limits:MaxBlocks (20,000 blocks with the heading and the intro).
    private const int Rows = 19_990;

    // Generous: freeing the slot takes a few milliseconds once the work notices the deadline; the quadratic Markdown of
    // this page ran for seconds past it.
    private static readonly TimeSpan PromptRelease = TimeSpan.FromSeconds(1.5);

    // Well inside the page's work on a warm server (a few hundred milliseconds), so the deadline falls while it runs.
    private const int UnaryDeadlineMs = 80;

    private static readonly string HugeTable = SamplePages.Table(Rows);

    private readonly ServiceHost _host = service.Host;

    public sealed class SingleSlotService : IAsyncLifetime
    {
        public ServiceHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxConcurrentRequests"] = "1";
            options.Settings["Limits:MaxQueuedRequests"] = "0";
        });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    /// <summary>
    /// Markdown and HTML of every row, whatever the model calls them: the work must outlast the deadline by its size,
    /// not by how many rows a model happens to keep.
    /// </summary>
    private static CleanOptions KeepEveryRow() => new() { IncludeMarkdown = true, IncludeHtml = true, KeepLabels = { "body", "navigation", "legal" } };

    [Fact]
    public async Task A_short_deadline_on_a_huge_page_is_deadline_exceeded_and_the_server_lets_go()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _host.Client.Service.CleanAsync(
            new CleanRequest { Html = HugeTable, Options = KeepEveryRow() },
            deadline: DateTime.UtcNow.AddMilliseconds(UnaryDeadlineMs)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        var released = await TimeUntilAdmittedAsync();
        Assert.True(released < PromptRelease, $"The slot stayed busy {released.TotalMilliseconds:N0} ms after the deadline.");
    }

    [Fact]
    public async Task A_stream_past_its_deadline_stops_cleaning_its_huge_page()
    {
        // The stream stays open, so the call ends in DEADLINE_EXCEEDED however fast the page is cleaned. The deadline
        // leaves time to parse and score the page, so without cancellation checks it fell in the Markdown stage.
        using var call = _host.Client.Service.CleanStream(deadline: DateTime.UtcNow.AddSeconds(2));
        await call.RequestStream.WriteAsync(new CleanRequest
        {
            Id = "huge-table",
            Html = HugeTable,
            Options = KeepEveryRow(),
        });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                // When the page is done before the deadline its answer comes first; the stream still ends at the deadline.
                Assert.Equal("huge-table", response.Id);
                Assert.Contains("| --- | --- | --- |", response.Markdown, StringComparison.Ordinal);
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        var released = await TimeUntilAdmittedAsync();
        Assert.True(released < PromptRelease, $"The slot stayed busy {released.TotalMilliseconds:N0} ms after the deadline.");
    }

    /// <summary>How long until the service's one slot admits a small call (RESOURCE_EXHAUSTED while still busy).</summary>
    private async Task<TimeSpan> TimeUntilAdmittedAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await _host.Client.Service.CleanAsync(new CleanRequest { Text = SeedPage.Text }, deadline: DateTime.UtcNow.AddSeconds(30));
                return clock.Elapsed;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }
        }
    }
}
