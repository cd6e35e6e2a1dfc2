using Boilerplate.Client;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Boilerplate.Service.Tests;

/// <summary>GetModelInfo and ReloadModel.</summary>
[Collection(DefaultServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ModelServiceTests(DefaultServiceFixture fixture)
{
    [Fact]
    public async Task Model_info_describes_the_embedded_default_model()
    {
        var info = await fixture.Host.Client.GetModelInfoAsync();

        Assert.NotEmpty(info.Version);
        Assert.Equal("embedded:default", info.Source);
        Assert.Subset(info.Labels.ToHashSet(), new HashSet<string> { "body", "navigation", "legal" });
        Assert.NotEmpty(info.MlnetVersion);
        Assert.True(info.FeatureSchemaVersion > 0);
        Assert.NotEmpty(info.Trainer);
        Assert.NotEmpty(info.TrainingData);
        Assert.NotEmpty(info.Metrics);
        Assert.Subset(info.PageTypes.ToHashSet(), new HashSet<string> { "article", "forum", "product", "collection", "listing", "documentation", "service" });
        Assert.Equal(7, info.PageTypes.Count);
        Assert.InRange(info.LoadedAt.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow);
        Assert.True(info.CreatedAt.ToDateTimeOffset() < info.LoadedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Reload_serves_the_file_and_refuses_a_corrupt_one_keeping_the_old_model()
    {
        var directory = ModelFiles.TempDirectory();
        var path = Path.Combine(directory, "model.zip");
        var version = ModelFiles.WriteDefault(path);
        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Model:Path"] = path;
            // Only ReloadModel may notice the change in this test.
            options.Settings["Model:PollInterval"] = "01:00:00";
        });

        var reloaded = await host.Client.ReloadModelAsync();
        Assert.Equal(version, reloaded.Version);
        Assert.Equal(path, reloaded.Source);

        await File.WriteAllBytesAsync(path, ModelFiles.Corrupt());
        var error = await Assert.ThrowsAsync<BoilerplateException>(() => host.Client.ReloadModelAsync());

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(path, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(version, (await host.Client.GetModelInfoAsync()).Version);
        Assert.Equal(version, (await host.Client.CleanTextAsync(SeedPage.Text)).ModelVersion);
        Assert.Contains(host.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("Refused model file", StringComparison.Ordinal));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task In_a_directory_the_newest_valid_model_serves_and_a_newer_broken_one_is_reported()
    {
        var directory = ModelFiles.TempDirectory();
        var older = Path.Combine(directory, "model-2025-01.zip");
        var newer = Path.Combine(directory, "model-2025-02.zip");
        var version = ModelFiles.WriteDefault(older);
        File.SetLastWriteTimeUtc(older, DateTime.UtcNow.AddHours(-1));
        await File.WriteAllBytesAsync(newer, ModelFiles.Corrupt());
        await File.WriteAllTextAsync(Path.Combine(directory, "notes.txt"), "not a model");
        await using var host = await ServiceHost.StartAsync(options => options.Settings["Model:Path"] = directory);

        var info = await host.Client.GetModelInfoAsync();
        Assert.Equal(version, info.Version);
        Assert.Equal(older, info.Source);

        var error = await Assert.ThrowsAsync<BoilerplateException>(() => host.Client.ReloadModelAsync());
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(newer, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(version, (await host.Client.GetModelInfoAsync()).Version);
        Directory.Delete(directory, recursive: true);
    }
}
