using Boilerplate.Client;
using Boilerplate.Protos.V1;
using Boilerplate.Service.Admission;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Grpc.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Tests;

/// <summary>
/// Calls are refused before their body is read (no key, over capacity, over the in-flight bytes budget), admin
/// methods need an admin key, and one key cannot take every place in the queue.
/// </summary>
[Trait("Category", "Functional")]
public sealed class AdmissionTests
{
    private const string ScraperKey = "scraper-key-51d0c2";
    private const string OtherScraperKey = "scraper-key-7be411";
    private const string AdminKey = "admin-key-90a7f3";

    // 15 MB of text: under the 16 MiB message limit, so only admission can refuse it early.
    private static readonly string HugePage = "<html><body><p>" + new string('x', 15_000_000) + "</p></body></html>";

    [Fact]
    public async Task A_large_call_without_a_key_is_refused_before_its_body_is_read_while_a_keyed_client_is_served()
    {
        var meter = new RequestBodyMeter();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Security:ApiKeys:0"] = ScraperKey;
            meter.Install(options);
        });
        var keyed = host.CreateClient(options => options.ApiKey = ScraperKey);
        var before = meter.BytesRead;

        var refused = Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Assert.ThrowsAsync<BoilerplateException>(() => host.Client.CleanHtmlAsync(HugePage))));
        var served = await keyed.CleanTextAsync(SeedPage.Text);
        var refusals = await refused;

        Assert.All(refusals, error => Assert.Equal(StatusCode.Unauthenticated, error.StatusCode));
        Assert.NotEmpty(served.Text);
        // Only the keyed call's few kilobytes were read, none of the 4 x 15 MB.
        Assert.InRange(meter.BytesRead - before, 1, 64 * 1024);
    }

    [Fact]
    public async Task Over_capacity_a_large_call_is_refused_before_its_body_is_read_and_a_queued_call_still_succeeds()
    {
        var meter = new RequestBodyMeter();
        var faults = new FaultPlan();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxConcurrentRequests"] = "1";
            options.Settings["Limits:MaxQueuedRequests"] = "1";
            options.InjectFaults(faults);
            meter.Install(options);
        });
        var impatient = host.CreateClient(options => options.Retry.RetryAtCapacity = false);

        faults.SlowNext(1, TimeSpan.FromSeconds(3));
        var holder = host.Client.CleanTextAsync(SeedPage.Text);
        while (faults.Calls == 0)
        {
            await Task.Delay(10);
        }

        var queued = host.Client.CleanTextAsync(SeedPage.Text);
        await Task.Delay(300);
        var readBefore = meter.BytesRead;
        var refusals = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Assert.ThrowsAsync<RetryLaterException>(() => impatient.CleanHtmlAsync(HugePage))));
        var readDuringRefusals = meter.BytesRead - readBefore;

        Assert.All(refusals, error =>
        {
            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            Assert.Equal(ErrorReasons.AtCapacity, error.Reason);
            Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        });
        // Of the refused 4 x 15 MB only each message's 5-byte gRPC prefix was read, to learn it is too big to drain (the
        // queued call's small body was read while it waited, before).
        Assert.Equal(4 * RefusedBody.FrameHeaderBytes, readDuringRefusals);

        // A small refused call is read to its end first, so its stream closes with the status rather than a reset.
        var readBeforeSmall = meter.BytesRead;
        var small = await Assert.ThrowsAsync<RetryLaterException>(() => impatient.CleanTextAsync(SeedPage.Text));
        Assert.Equal(StatusCode.ResourceExhausted, small.StatusCode);
        Assert.True(meter.BytesRead - readBeforeSmall > SeedPage.Text.Length, $"{meter.BytesRead - readBeforeSmall} bytes read");
        Assert.NotEmpty((await holder).Text);
        Assert.NotEmpty((await queued).Text);
    }

    [Fact]
    public async Task Queued_large_calls_on_one_connection_do_not_starve_the_running_call_of_its_body()
    {
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxConcurrentRequests"] = "1";
            options.Settings["Limits:MaxQueuedRequests"] = "8";
        });
        // host.Channel is one HTTP/2 connection: queued calls' unread bodies share its window with the running call.
        var service = host.Client.Service.OnChannel(host.Channel);
        var page = SamplePages.Article(3) + new string(' ', 2_000_000);

        var calls = Enumerable.Range(0, 6).Select(i =>
            service.CleanAsync(new CleanRequest { Id = $"large {i}", Html = page }, deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync);
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, response => Assert.NotEmpty(response.Text));
    }

    [Fact]
    public async Task A_call_over_the_in_flight_bytes_budget_is_resource_exhausted_and_a_stream_gives_bytes_back_as_it_answers()
    {
        await using var host = await ServiceHost.StartAsync(options =>
            options.Settings["Limits:MaxInFlightRequestBytes"] = (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var impatient = host.CreateClient(options => options.Retry.RetryAtCapacity = false);

        var error = await Assert.ThrowsAsync<RetryLaterException>(() => impatient.CleanHtmlAsync(SamplePages.Article(3) + new string(' ', 400_000)));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(ErrorReasons.AtCapacity, error.Reason);
        Assert.Contains("MaxInFlightRequestBytes", error.Status.Detail, StringComparison.Ordinal);

        // 24 pages of ~40 KB: four times the budget in all, never more than a few pages held at once.
        var padding = new string(' ', 40_000);
        var pages = Enumerable.Range(0, 24).Select(i => new CleanRequest { Id = $"p{i}", Html = SamplePages.Article(3, seed: i) + padding });
        var answered = new List<CleanResponse>();
        await foreach (var response in host.Client.CleanStreamAsync(pages.ToAsyncEnumerable()))
        {
            answered.Add(response);
        }

        Assert.Equal(24, answered.Count);
        Assert.All(answered, response => Assert.Null(response.Error));
        Assert.NotEmpty((await host.Client.CleanHtmlAsync(SamplePages.Article(3))).Text);
    }

    [Fact]
    public async Task One_key_may_hold_only_its_share_of_the_in_flight_bytes_budget()
    {
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Security:ApiKeys:0"] = ScraperKey;
            options.Settings["Security:ApiKeys:1"] = OtherScraperKey;
            // 512 KiB in all, 256 KiB per key.
            options.Settings["Limits:MaxInFlightRequestBytes"] = (512 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            options.Settings["Limits:MaxKeyShare"] = "0.5";
        });
        var large = host.CreateClient(options =>
        {
            options.ApiKey = ScraperKey;
            options.Retry.RetryAtCapacity = false;
        });
        var other = host.CreateClient(options => options.ApiKey = OtherScraperKey);

        // 300 KB: under the whole budget, over one key's share of it.
        var error = await Assert.ThrowsAsync<RetryLaterException>(() => large.CleanHtmlAsync(SamplePages.Article(3) + new string(' ', 300_000)));
        Assert.Equal(ErrorReasons.AtCapacity, error.Reason);
        Assert.NotEmpty((await other.CleanHtmlAsync(SamplePages.Article(3) + new string(' ', 200_000))).Text);
        Assert.NotEmpty((await large.CleanHtmlAsync(SamplePages.Article(3))).Text);
    }

    [Fact]
    public async Task Reload_model_needs_an_admin_key_and_a_scraper_key_is_permission_denied()
    {
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Security:ApiKeys:0"] = ScraperKey;
            options.Settings["Security:AdminKeys:0"] = AdminKey;
        });
        var scraper = host.CreateClient(options => options.ApiKey = ScraperKey);
        var admin = host.CreateClient(options => options.ApiKey = AdminKey);

        var denied = await Assert.ThrowsAsync<BoilerplateException>(() => scraper.ReloadModelAsync());
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("Security:AdminKeys", denied.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<BoilerplateException>(() => host.Client.ReloadModelAsync())).StatusCode);

        var serving = await scraper.GetModelInfoAsync();
        Assert.Equal(serving.Version, (await admin.ReloadModelAsync()).Version);
        // An operator's key does everything a scraper's does.
        Assert.NotEmpty((await admin.CleanTextAsync(SeedPage.Text)).Text);
    }

    [Fact]
    public async Task With_scraper_keys_and_no_admin_key_nobody_may_reload()
    {
        await using var host = await ServiceHost.StartAsync(options => options.Settings["Security:ApiKeys:0"] = ScraperKey);
        var scraper = host.CreateClient(options => options.ApiKey = ScraperKey);

        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<BoilerplateException>(() => scraper.ReloadModelAsync())).StatusCode);
        Assert.NotEmpty((await scraper.GetModelInfoAsync()).Version);
    }

    [Fact]
    public async Task One_key_flooding_gets_its_share_and_another_key_still_gets_through()
    {
        var faults = new FaultPlan();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Security:ApiKeys:0"] = ScraperKey;
            options.Settings["Security:ApiKeys:1"] = OtherScraperKey;
            // 1 slot + 3 queue places; a key's share is half of the 4: 2.
            options.Settings["Limits:MaxConcurrentRequests"] = "1";
            options.Settings["Limits:MaxQueuedRequests"] = "3";
            options.Settings["Limits:MaxKeyShare"] = "0.5";
            options.InjectFaults(faults);
        });
        var flooder = host.CreateClient(options =>
        {
            options.ApiKey = ScraperKey;
            options.Retry.RetryAtCapacity = false;
        });
        var other = host.CreateClient(options => options.ApiKey = OtherScraperKey);

        faults.SlowNext(1, TimeSpan.FromSeconds(2));
        var holder = flooder.CleanTextAsync(SeedPage.Text);
        while (faults.Calls == 0)
        {
            await Task.Delay(10);
        }

        var flood = Enumerable.Range(0, 12).Select(_ => Outcome(flooder.CleanTextAsync(SeedPage.Text))).ToList();
        await Task.Delay(300);
        var others = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Outcome(other.CleanTextAsync(SeedPage.Text))));
        var flooded = await Task.WhenAll(flood);

        Assert.All(others, outcome => Assert.Null(outcome));
        // The holder and one queued call were the flooder's share; the other 11 were refused at once.
        Assert.Equal(11, flooded.Count(outcome => outcome is { Reason: ErrorReasons.AtCapacity }));
        Assert.Contains(flooded, outcome => outcome is not null && outcome.Status.Detail.Contains("share", StringComparison.Ordinal));
        Assert.NotEmpty((await holder).Text);
    }

    [Fact]
    public void Streams_per_connection_are_capped_from_the_limits()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        Boilerplate.Service.Hosting.BoilerplateServiceExtensions.AddBoilerplateService(
            services,
            new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Limits:MaxStreamsPerConnection"] = "7" })
                .Build());
        using var provider = services.BuildServiceProvider();

        Assert.Equal(7, provider.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.Http2.MaxStreamsPerConnection);
    }

    [Theory]
    [InlineData("Security:AdminKeys:0", " ", "Security:AdminKeys")]
    [InlineData("Limits:MaxKeyShare", "0", "MaxKeyShare")]
    public async Task An_invalid_admission_setting_fails_start_up_naming_it(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHost.StartAsync(options => options.Settings[key] = value));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_in_both_sets_fails_start_up()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHost.StartAsync(options =>
        {
            options.Settings["Security:ApiKeys:0"] = ScraperKey;
            options.Settings["Security:AdminKeys:0"] = ScraperKey;
        }));

        Assert.Contains("both", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Null when the call succeeded, else its error.</summary>
    private static async Task<BoilerplateException?> Outcome(Task<CleanResponse> call)
    {
        try
        {
            await call;
            return null;
        }
        catch (BoilerplateException e)
        {
            return e;
        }
    }
}
