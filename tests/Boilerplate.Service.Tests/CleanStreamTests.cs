using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Grpc.Core;

namespace Boilerplate.Service.Tests;

/// <summary>CleanStream answers every page in request order with its id, though pages finish out of order.</summary>
[Collection(DefaultServiceCollection.Name)]
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
    public async Task A_bad_page_ends_the_stream_with_its_status_after_the_answers_before_it()
    {
        var requests = new[]
        {
            new CleanRequest { Id = "a", Html = SamplePages.Article(3, seed: 1) },
            new CleanRequest { Id = "b", Html = SamplePages.Article(3, seed: 2) },
            new CleanRequest { Id = "bad" },
            new CleanRequest { Id = "c", Html = SamplePages.Article(3, seed: 3) },
        };

        var received = new List<string>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var response in _host.Client.CleanStreamAsync(requests.ToAsyncEnumerable()))
            {
                received.Add(response.Id);
            }
        });

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["a", "b"], received);
    }
}
