using Boilerplate.Client;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;
using Boilerplate.Protos.V1;
using Boilerplate.Tests.Shared;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Google.Rpc;
using Grpc.Core;
using CleanOptions = Boilerplate.Protos.V1.CleanOptions;

namespace Boilerplate.Service.Tests;

/// <summary>Every refusal reaches the caller with the documented status and an actionable message.</summary>
[Collection(DefaultServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class StatusCodeTests(DefaultServiceFixture fixture)
{
    private readonly ServiceHost _host = fixture.Host;

    [Fact]
    public async Task A_request_without_content_is_invalid()
    {
        var error = await Assert.ThrowsAsync<PageRefusedException>(() => _host.Client.CleanAsync(new CleanRequest { Id = "empty" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("no content", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ErrorReasons.EmptyPage, error.Reason);
        Assert.Equal(ErrorReasons.Domain, error.Error.Domain);
        Assert.Equal(ErrorDisposition.NeverRetry, error.Error.Disposition);
    }

    [Fact]
    public async Task Empty_content_is_invalid()
    {
        var error = await Assert.ThrowsAsync<PageRefusedException>(() => _host.Client.CleanHtmlAsync(string.Empty));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(ErrorReasons.EmptyPage, error.Reason);
        Assert.Equal("html", Assert.Single(error.Error.FieldViolations).Field);
    }

    [Fact]
    public async Task An_unknown_keep_label_is_invalid_and_the_message_lists_the_model_labels()
    {
        var error = await Assert.ThrowsAsync<PageRefusedException>(() =>
            _host.Client.CleanTextAsync(SeedPage.Text, options: new CleanOptions { KeepLabels = { "body", "advert" } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("\"advert\"", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("navigation", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(ErrorReasons.UnknownLabel, error.Reason);
        var violation = Assert.Single(error.Error.FieldViolations);
        Assert.Equal("options.keep_labels", violation.Field);
        Assert.Contains("\"advert\"", violation.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.5f, 0f, "options.bias")]
    [InlineData(0f, -0.1f, "options.threshold")]
    [InlineData(float.NaN, 0f, "options.bias")]
    public async Task Out_of_range_options_are_invalid_naming_the_field(float bias, float threshold, string field)
    {
        var error = await Assert.ThrowsAsync<PageRefusedException>(() =>
            _host.Client.CleanTextAsync(SeedPage.Text, options: new CleanOptions { Bias = bias, Threshold = threshold }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(ErrorReasons.InvalidOption, error.Reason);
        Assert.Equal(field, Assert.Single(error.Error.FieldViolations).Field);
    }

    [Theory]
    [MemberData(nameof(RefusedOptions.Names), MemberType = typeof(RefusedOptions))]
    public async Task Options_are_refused_over_grpc_exactly_as_the_library_refuses_them(string refused)
    {
        var (proto, domain) = RefusedOptions.ByName[refused];
        using var model = BoilerplateModel.LoadDefault();
        using var pipeline = new CleaningPipeline(SegmentationLimits.Default);
        var library = Assert.Throws<PageRejectedException>(() =>
            pipeline.Clean(new PageInput.Text(SeedPage.Text), model, domain, CancellationToken.None));

        var error = await Assert.ThrowsAsync<PageRefusedException>(() => _host.Client.CleanTextAsync(SeedPage.Text, options: proto));

        var (code, reason) = Errors.ErrorStatuses.Classify(library.Reason);
        Assert.Equal((code, reason), (error.StatusCode, error.Reason));
        Assert.Equal(library.Message, error.Status.Detail);
        var violation = Assert.Single(error.Error.FieldViolations);
        Assert.Equal(library.Field, violation.Field);
        Assert.Equal(library.Message, violation.Description);
    }

    [Fact]
    public async Task A_label_in_another_case_is_unknown_over_grpc_as_in_the_library()
    {
        var error = await Assert.ThrowsAsync<PageRefusedException>(() =>
            _host.Client.CleanTextAsync(SeedPage.Text, options: new CleanOptions { KeepLabels = { "Body" } }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(ErrorReasons.UnknownLabel, error.Reason);
        Assert.Equal("options.keep_labels", Assert.Single(error.Error.FieldViolations).Field);
        Assert.Contains("\"Body\"", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_details_travel_in_the_standard_trailer_for_any_grpc_client()
    {
        // The generated client, no wrapper: what a client in another language reads from grpc-status-details-bin.
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _host.Client.Service.CleanAsync(new CleanRequest { Html = SamplePages.Article(3), Options = new CleanOptions { Threshold = 2f } }));

        var status = error.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.Equal(error.Status.Detail, status.Message);
        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal(ErrorReasons.InvalidOption, info.Reason);
        Assert.Equal(ErrorReasons.Domain, info.Domain);
        var violation = Assert.Single(status.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("options.threshold", violation.Field);
        Assert.Null(status.GetDetail<RetryInfo>());
    }

    [Fact]
    public async Task A_tiny_client_deadline_on_a_big_page_is_deadline_exceeded()
    {
        // Far more than an idle machine uploads and cleans in 100 ms, yet under every limit (12,000 paragraphs, about 2.3 MB).
        var page = SamplePages.Article(12_000);
        var deadline = DateTime.UtcNow.AddMilliseconds(100);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _host.Client.Service.CleanAsync(new CleanRequest { Html = page }, deadline: deadline));

        // Deadlines are best effort over HTTP/2: when the server's deadline resets the stream while the client is still
        // uploading, the client can read the reset (UNAVAILABLE or CANCELLED) before its own timer fires. Either way the
        // call must have ended because of the deadline, not earlier, and the service must go on serving.
        if (error.StatusCode != StatusCode.DeadlineExceeded)
        {
            Assert.Contains(error.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Cancelled });
            Assert.True(DateTime.UtcNow >= deadline, $"{error.StatusCode} came before the deadline: {error.Status.Detail}");
        }

        var next = await _host.Client.CleanHtmlAsync(SamplePages.Article(3));
        Assert.NotEmpty(next.Text);
    }
}
