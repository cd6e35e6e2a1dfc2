using Boilerplate.Client;
using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Boilerplate.Service.Tests;

/// <summary>A service with small limits: size, paragraph count, one call at a time, and test-injected failures.</summary>
[Trait("Category", "Functional")]
public sealed class LimitsTests(LimitsTests.LimitedService service) : IClassFixture<LimitsTests.LimitedService>
{
    private readonly FaultPlan _faults = service.Faults;
    private readonly ServiceHost _host = service.Host;

    public sealed class LimitedService : IAsyncLifetime
    {
        public FaultPlan Faults { get; } = new();

        public ServiceHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxReceiveMessageBytes"] = "65536";
            options.Settings["Limits:MaxBlocks"] = "32";
            options.Settings["Limits:MaxConcurrentRequests"] = "1";
            options.Settings["Limits:MaxQueuedRequests"] = "0";
            options.InjectFaults(Faults);
        });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task A_message_over_the_grpc_size_limit_is_resource_exhausted()
    {
        var error = await Assert.ThrowsAsync<BoilerplateException>(() => _host.Client.CleanHtmlAsync(SamplePages.Article(600)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        // gRPC refuses the message before the service reads it: no reason, so the client cannot call it either way.
        Assert.Equal(string.Empty, error.Reason);
        Assert.Equal(ErrorDisposition.Other, error.Error.Disposition);
    }

    [Fact]
    public async Task A_page_over_the_paragraph_limit_is_resource_exhausted()
    {
        var error = await Assert.ThrowsAsync<PageRefusedException>(() => _host.Client.CleanHtmlAsync(SamplePages.Article(60)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.NotEmpty(error.Status.Detail);
        Assert.Equal(ErrorReasons.TooManyParagraphs, error.Reason);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task A_saturated_service_answers_resource_exhausted_with_advice()
    {
        var callsBefore = _faults.Calls;
        _faults.SlowNext(1, TimeSpan.FromSeconds(2));
        var holder = _host.Client.CleanHtmlAsync(SamplePages.Article(3));
        while (_faults.Calls == callsBefore)
        {
            await Task.Delay(10);
        }

        // A client that queues refused pages itself: the default one would retry after the delay and succeed.
        var impatient = _host.CreateClient(options => options.Retry.RetryAtCapacity = false);
        var error = await Assert.ThrowsAsync<RetryLaterException>(() => impatient.CleanHtmlAsync(SamplePages.Article(3)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("capacity", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ErrorReasons.AtCapacity, error.Reason);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.NotEmpty((await holder).Text);
        Assert.NotEmpty((await _host.Client.CleanHtmlAsync(SamplePages.Article(3))).Text);
    }

    [Fact]
    public async Task An_unexpected_failure_is_internal_with_a_correlation_id_in_the_message_and_the_log_but_no_details()
    {
        _faults.FailNext(1, StatusCode.Internal);

        var error = await Assert.ThrowsAsync<BoilerplateException>(() => _host.Client.CleanHtmlAsync(SamplePages.Article(3)));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Equal(ErrorReasons.Internal, error.Reason);
        Assert.Equal(ErrorDisposition.Other, error.Error.Disposition);
        Assert.DoesNotContain("secret detail", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("FaultInterceptor", error.Status.Detail, StringComparison.Ordinal);
        var correlationId = error.Status.Detail.Split("correlation id ")[1].Split(')')[0];
        Assert.Contains(_host.Logs.Entries, entry =>
            entry.Level == LogLevel.Error && entry.Message.Contains(correlationId, StringComparison.Ordinal)
                                         && entry.Exception is InvalidOperationException);
    }
}

/// <summary>A service whose default deadline is far too short for any page.</summary>
[Collection(TimingSensitiveCollection.Name)]
[Trait("Category", "Functional")]
public sealed class DefaultDeadlineTests(DefaultDeadlineTests.HurriedService service) : IClassFixture<DefaultDeadlineTests.HurriedService>
{
    private readonly ServiceHost _host = service.Host;

    public sealed class HurriedService : IAsyncLifetime
    {
        public ServiceHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await ServiceHost.StartAsync(options =>
            options.Settings["Limits:DefaultDeadline"] = "00:00:00.001");

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task A_call_without_a_deadline_gets_the_default_one()
    {
        // The deadline is a timer whose callback needs a thread-pool thread; on a busy runner it can fire tens of
        // milliseconds late, so the page is large enough (near MaxBlocks) to take far longer than that.
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _host.Client.Service.CleanAsync(new CleanRequest { Html = SamplePages.Article(19_000) }));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task The_clients_own_deadline_wins_over_the_default()
    {
        var response = await _host.Client.Service.CleanAsync(
            new CleanRequest { Html = SamplePages.Article(5) },
            deadline: DateTime.UtcNow.AddSeconds(30));

        Assert.NotEmpty(response.Text);
    }
}
