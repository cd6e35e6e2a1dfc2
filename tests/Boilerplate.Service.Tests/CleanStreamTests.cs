using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Google.Rpc;
using Grpc.Core;

namespace Boilerplate.Service.Tests;

/// <summary>
/// CleanStream answers every page in request order with its id, though pages finish out of order; a page that fails
/// comes back in its place with its error, and the stream goes on.
/// </summary>
[Collection(DefaultServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class CleanStreamTests(DefaultServiceFixture fixture)
{
    private readonly ServiceHost _host = fixture.Host;

    [Fact]
    public async Task Many_pages_of_varying_size_come_back_in_order_with_their_ids()
    {
        // Sizes cycle from 1 to 120 paragraphs so small pages overtake big ones inside the server.
        var requests = Enumerable.Range(0, 150)
            .Select(i => new CleanRequest { Id = $"page-{i}", Html = SamplePages.Article(1 + (i * 37 % 120), seed: i) })
            .ToList();

        var responses = new List<CleanResponse>();
        await foreach (var response in _host.Client.CleanStreamAsync(requests.ToAsyncEnumerable()))
        {
            responses.Add(response);
        }

        Assert.Equal(requests.Select(request => request.Id), responses.Select(response => response.Id));
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Contains($"({i}.0)", responses[i].Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_pages_come_back_in_their_place_with_code_and_reason_and_the_stream_goes_on()
    {
        var requests = new[]
        {
            new CleanRequest { Id = "good-1", Html = SamplePages.Article(3, seed: 1) },
            new CleanRequest { Id = "empty" },
            // Over SegmentationLimits.MaxInputChars (8 Mi characters), under the 16 MiB message limit.
            new CleanRequest { Id = "too-large", Text = new string('a', 9_000_000) },
            new CleanRequest { Id = "good-2", Html = SamplePages.Article(3, seed: 2) },
        };

        var responses = await CleanAllAsync(requests);

        Assert.Equal(["good-1", "empty", "too-large", "good-2"], responses.Select(response => response.Id));
        Assert.Null(responses[0].Error);
        Assert.Contains("(1.0)", responses[0].Text, StringComparison.Ordinal);
        AssertError(responses[1], StatusCode.InvalidArgument, ErrorReasons.EmptyPage);
        Assert.Contains("no content", responses[1].Error.Message, StringComparison.Ordinal);
        AssertError(responses[2], StatusCode.ResourceExhausted, ErrorReasons.PageTooLarge);
        Assert.Contains("MaxInputChars", responses[2].Error.Message, StringComparison.Ordinal);
        Assert.Null(responses[3].Error);
        Assert.Contains("(2.0)", responses[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_with_bad_options_or_too_many_nodes_carry_their_details_and_the_rest_are_cleaned()
    {
        var requests = new[]
        {
            new CleanRequest { Id = "advert", Html = SamplePages.Article(3, seed: 1), Options = new CleanOptions { KeepLabels = { "body", "advert" } } },
            new CleanRequest { Id = "bias", Html = SamplePages.Article(3, seed: 2), Options = new CleanOptions { Bias = 2f } },
            // One element over Limits:MaxNodes (200,000 by default).
            new CleanRequest { Id = "nodes", Html = "<p>" + string.Concat(Enumerable.Repeat("<i>x</i>", 200_001)) },
            new CleanRequest { Id = "fine", Html = SamplePages.Article(3, seed: 3) },
        };

        var responses = await CleanAllAsync(requests);

        Assert.Equal(requests.Select(request => request.Id), responses.Select(response => response.Id));
        var unknown = AssertError(responses[0], StatusCode.InvalidArgument, ErrorReasons.UnknownLabel);
        var violation = Assert.Single(unknown.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("options.keep_labels", violation.Field);
        Assert.Contains("\"advert\"", violation.Description, StringComparison.Ordinal);
        var bias = AssertError(responses[1], StatusCode.InvalidArgument, ErrorReasons.InvalidOption);
        Assert.Equal("options.bias", Assert.Single(bias.GetDetail<BadRequest>().FieldViolations).Field);
        AssertError(responses[2], StatusCode.ResourceExhausted, ErrorReasons.TooManyNodes);
        Assert.Null(responses[3].Error);
        Assert.Contains("(3.0)", responses[3].Text, StringComparison.Ordinal);
    }

    private async Task<List<CleanResponse>> CleanAllAsync(IEnumerable<CleanRequest> requests)
    {
        var responses = new List<CleanResponse>();
        await foreach (var response in _host.Client.CleanStreamAsync(requests.ToAsyncEnumerable()))
        {
            responses.Add(response);
        }

        return responses;
    }

    /// <summary>The page failed with <paramref name="code"/> and an ErrorInfo of <paramref name="reason"/>, and carries nothing else.</summary>
    private static Google.Rpc.Status AssertError(CleanResponse response, StatusCode code, string reason)
    {
        Assert.NotNull(response.Error);
        Assert.Equal((int)code, response.Error.Code);
        var info = response.Error.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(reason, info.Reason);
        Assert.Equal(ErrorReasons.Domain, info.Domain);
        Assert.Equal(string.Empty, response.Text);
        Assert.Null(response.Stats);
        return response.Error;
    }
}
