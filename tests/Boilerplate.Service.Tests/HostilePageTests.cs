using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Grpc.Core;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace Boilerplate.Service.Tests;

/// <summary>Pages built to hurt the parser get a status, and the service stays healthy for the next caller.</summary>
[Collection(DefaultServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class HostilePageTests(DefaultServiceFixture fixture)
{
    private readonly ServiceHost _host = fixture.Host;

    public static TheoryData<string> Names => [.. SamplePages.Hostile().Select(page => page.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_hostile_page_is_answered_and_the_service_stays_healthy(string name)
    {
        var html = SamplePages.Hostile().Single(page => page.Name == name).Html;

        try
        {
            await _host.Client.Service.CleanAsync(new CleanRequest { Html = html }, deadline: DateTime.UtcNow.AddSeconds(20));
        }
        catch (RpcException e)
        {
            Assert.Contains(e.StatusCode, new[] { StatusCode.InvalidArgument, StatusCode.ResourceExhausted, StatusCode.DeadlineExceeded });
        }

        var health = await new HealthClient(_host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        var next = await _host.Client.CleanTextAsync(SeedPage.Text);
        Assert.True(SeedPage.ContainsRepairOf(next.Text, SeedPage.ArticleParagraphs[0]), next.Text);
    }
}
