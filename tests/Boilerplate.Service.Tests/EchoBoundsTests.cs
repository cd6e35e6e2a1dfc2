using Boilerplate.Protos.V1;
using Boilerplate.Testing.Service;
using Google.Protobuf;
using Grpc.Core;

namespace Boilerplate.Service.Tests;

/// <summary>
/// What a caller sends comes back in a status message or a log line only in bounded form: a refusal stays a clear
/// INVALID_ARGUMENT however much the request carries, and neither the service nor the gRPC framework logs the bulk.
/// </summary>
[Trait("Category", "Functional")]
public sealed class EchoBoundsTests(EchoBoundsTests.LoggedService service) : IClassFixture<EchoBoundsTests.LoggedService>
{
    // A refusal names what it must in a few hundred characters; the status trailer and a log line stay far below this.
    private const int MaxEchoChars = 2048;

    private readonly ServiceHost _host = service.Host;

    public sealed class LoggedService : IAsyncLifetime
    {
        public ServiceHost Host { get; private set; } = null!;

        // The framework's own line for every error status ("Error status code ... with detail ...") is captured too.
        public async Task InitializeAsync() => Host = await ServiceHost.StartAsync(options =>
            options.Settings["Logging:LogLevel:Grpc"] = "Information");

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    [Fact]
    public async Task Ten_thousand_unknown_keep_labels_get_a_short_invalid_argument_and_short_log_lines()
    {
        var options = new CleanOptions();
        options.KeepLabels.AddRange(Enumerable.Range(0, 10_000).Select(i => $"unknown-label-{i:D5}"));

        var error = await RefusalAsync(new CleanRequest { Id = "many-labels", Text = SeedPage.Text, Options = options });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("keep_labels", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(error.Status.Detail.Length < MaxEchoChars, $"The detail is {error.Status.Detail.Length} characters long.");
        AssertDetailsBounded(error);
        AssertLogLinesBounded("keep_labels");
    }

    [Fact]
    public async Task Sixty_four_unknown_labels_are_named_five_at_most()
    {
        var options = new CleanOptions();
        options.KeepLabels.AddRange(Enumerable.Range(0, 64).Select(i => $"unknown-{i}"));

        var error = await RefusalAsync(new CleanRequest { Text = SeedPage.Text, Options = options });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("\"unknown-4\" and 59 more", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown-5", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("navigation", error.Status.Detail, StringComparison.Ordinal);
        AssertDetailsBounded(error);
    }

    [Fact]
    public async Task An_overlong_label_is_refused_without_echoing_it()
    {
        var label = new string('q', 200_000);

        var error = await RefusalAsync(new CleanRequest { Text = SeedPage.Text, Options = new CleanOptions { KeepLabels = { label } } });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.DoesNotContain("qqqq", error.Status.Detail, StringComparison.Ordinal);
        AssertLogLinesBounded("200,000 characters");
    }

    [Fact]
    public async Task Huge_id_url_and_content_type_are_never_echoed()
    {
        var marker = "zz" + new string('y', 300_000);

        var error = await RefusalAsync(new CleanRequest
        {
            Id = marker,
            Url = marker,
            ContentType = "text/html; charset=" + marker,
            HtmlBytes = ByteString.Empty,
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.DoesNotContain("yyyy", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.Entries, entry => entry.Message.Contains("zzyyyy", StringComparison.Ordinal));
    }

    private async Task<RpcException> RefusalAsync(CleanRequest request) =>
        await Assert.ThrowsAsync<RpcException>(async () =>
            await _host.Client.Service.CleanAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)));

    /// <summary>The rich details (message, ErrorInfo, BadRequest) travel in a second trailer, which stays as small.</summary>
    private static void AssertDetailsBounded(RpcException error)
    {
        var details = error.Trailers.GetValueBytes("grpc-status-details-bin");
        Assert.NotNull(details);
        Assert.True(details.Length < MaxEchoChars, $"The details trailer is {details.Length} bytes long.");
    }

    /// <summary>The refusal mentioning <paramref name="needle"/> was logged, and no log line of the service is long.</summary>
    private void AssertLogLinesBounded(string needle)
    {
        var entries = _host.Logs.Entries;
        // Logged twice: by the status interceptor and by the framework's line for every error status.
        Assert.Contains(entries, entry => entry.Category.StartsWith("Boilerplate.", StringComparison.Ordinal)
                                          && entry.Message.Contains(needle, StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Category.StartsWith("Grpc.", StringComparison.Ordinal)
                                          && entry.Message.Contains(needle, StringComparison.Ordinal));
        var longest = entries.MaxBy(entry => entry.Message.Length)!;
        Assert.True(
            longest.Message.Length < MaxEchoChars,
            $"{longest.Category} logged {longest.Message.Length:N0} characters: {longest.Message[..200]}...");
    }
}
