using System.Diagnostics;
using Boilerplate.Testing;
using Grpc.Core;

namespace Boilerplate.Client.Tests;

/// <summary>
/// The client retries UNAVAILABLE with a fresh deadline per attempt; other statuses without the AT_CAPACITY reason are
/// answers (AT_CAPACITY itself: <see cref="CapacityRetryTests"/>).
/// </summary>
[Collection(FaultyServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class RetryTests(FaultyService service)
{
    private static readonly string Page = SamplePages.Article(3);

    private BoilerplateClient Client(int attempts, TimeSpan? deadline = null) => service.Host.CreateClient(options =>
    {
        options.Retry.MaxAttempts = attempts;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        options.CircuitBreaker.Enabled = false;
        options.AttemptTimeout = deadline ?? TimeSpan.FromSeconds(30);
    });

    [Fact]
    public async Task Unavailable_is_retried_until_the_service_answers()
    {
        service.Faults.FailNext(3);
        var before = service.Faults.Calls;

        var response = await Client(attempts: 4).CleanHtmlAsync(Page);

        Assert.NotEmpty(response.Text);
        Assert.Equal(4, service.Faults.Calls - before);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        service.Faults.FailNext(10);
        var before = service.Faults.Calls;

        var error = await Assert.ThrowsAsync<RetryLaterException>(() => Client(attempts: 3).CleanHtmlAsync(Page));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(ErrorDisposition.RetryLater, error.Error.Disposition);
        Assert.Equal(3, service.Faults.Calls - before);
        service.Faults.Heal();
    }

    [Theory]
    [InlineData(StatusCode.ResourceExhausted, ErrorDisposition.Other)]
    [InlineData(StatusCode.Internal, ErrorDisposition.Other)]
    [InlineData(StatusCode.InvalidArgument, ErrorDisposition.NeverRetry)]
    public async Task Other_statuses_are_answers_and_not_retried(StatusCode status, ErrorDisposition disposition)
    {
        // A RESOURCE_EXHAUSTED without the AT_CAPACITY reason may refuse the page itself: it is not retried.
        service.Faults.FailNext(1, status);
        var before = service.Faults.Calls;

        var error = await Assert.ThrowsAnyAsync<BoilerplateException>(() => Client(attempts: 4).CleanHtmlAsync(Page));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(disposition, error.Error.Disposition);
        Assert.Equal(1, service.Faults.Calls - before);
    }

    [Fact]
    public async Task Each_attempt_gets_a_fresh_deadline()
    {
        // Two slow failures use up more than one deadline between them; only per-attempt deadlines let the third succeed.
        service.Faults.FailNext(2, StatusCode.Unavailable, TimeSpan.FromMilliseconds(1_600));
        var watch = Stopwatch.StartNew();

        var response = await Client(attempts: 3, deadline: TimeSpan.FromSeconds(3)).CleanHtmlAsync(Page);

        Assert.NotEmpty(response.Text);
        Assert.True(watch.Elapsed > TimeSpan.FromSeconds(3.2), $"took {watch.Elapsed}");
    }
}
