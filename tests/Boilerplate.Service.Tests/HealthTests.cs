using Boilerplate.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace Boilerplate.Service.Tests;

/// <summary>Health follows the model: NOT_SERVING while none is loaded, SERVING once one is loaded and warmed.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_is_not_serving_until_a_model_appears_in_the_model_directory()
    {
        var directory = ModelFiles.TempDirectory();
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Model:Path"] = directory;
            options.Settings["Model:Debounce"] = "00:00:00.100";
            options.WaitUntilServing = false;
        });
        var health = new HealthClient(host.Channel);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        var client = host.CreateClient(options => options.Retry.MaxAttempts = 1);
        var error = await Assert.ThrowsAsync<RpcException>(() => client.CleanTextAsync(SeedPage.Text));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);

        // Written under another name, then renamed into place, as a deployment would.
        var staging = Path.Combine(directory, "incoming.tmp");
        var version = ModelFiles.WriteDefault(staging);
        File.Move(staging, Path.Combine(directory, "model-v1.zip"));
        await host.WaitUntilServingAsync(TimeSpan.FromSeconds(30));

        var info = await host.Client.GetModelInfoAsync();
        Assert.Equal(version, info.Version);
        Assert.Equal(Path.Combine(directory, "model-v1.zip"), info.Source);
        Assert.NotEmpty((await host.Client.CleanTextAsync(SeedPage.Text)).Text);
        Directory.Delete(directory, recursive: true);
    }
}
