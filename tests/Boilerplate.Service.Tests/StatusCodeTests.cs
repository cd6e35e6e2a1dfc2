using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Grpc.Core;

namespace Boilerplate.Service.Tests;

/// <summary>Every refusal reaches the caller with the documented status and an actionable message.</summary>
[Collection(DefaultServiceCollection.Name)]
public sealed class StatusCodeTests(DefaultServiceFixture fixture)
{
    private readonly ServiceHost _host = fixture.Host;

    [Fact]
    public async Task A_request_without_content_is_invalid()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.CleanAsync(new CleanRequest { Id = "empty" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("no content", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_content_is_invalid()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Client.CleanHtmlAsync(string.Empty));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_keep_label_is_invalid_and_the_message_lists_the_model_labels()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.CleanTextAsync(SeedPage.Text, options: new CleanOptions { KeepLabels = { "body", "advert" } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("\"advert\"", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("navigation", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5f, 0f)]
    [InlineData(0f, -0.1f)]
    [InlineData(float.NaN, 0f)]
    public async Task Out_of_range_options_are_invalid(float bias, float threshold)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Client.CleanTextAsync(SeedPage.Text, options: new CleanOptions { Bias = bias, Threshold = threshold }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task A_tiny_client_deadline_on_a_big_page_is_deadline_exceeded()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _host.Client.Service.CleanAsync(
                new CleanRequest { Html = SamplePages.Article(6_000) },
                deadline: DateTime.UtcNow.AddMilliseconds(150)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }
}
