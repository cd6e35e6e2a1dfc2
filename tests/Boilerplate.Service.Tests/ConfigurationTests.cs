using Boilerplate.Client;
using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Tests;

/// <summary>Bad settings stop the service at start-up with the key named, instead of failing calls later.</summary>
[Trait("Category", "Functional")]
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Model:Path", "/nonexistent/boilerplate/model.zip", "Model:Path")]
    [InlineData("Limits:MaxConcurrentRequests", "0", "MaxConcurrentRequests")]
    [InlineData("Limits:MaxBlocks", "5", "MaxBlocks")]
    [InlineData("Limits:MaxParagraphs", "5", "MaxParagraphs")]
    [InlineData("Limits:StreamIdleTimeout", "00:00:00", "StreamIdleTimeout")]
    [InlineData("Security:ApiKeys:0", " ", "Security:ApiKeys")]
    [InlineData("Metrics:Port", "70000", "Port")]
    public async Task An_invalid_setting_fails_start_up_naming_it(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHost.StartAsync(options => options.Settings[key] = value));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deprecated_MaxParagraphs_key_still_limits_blocks()
    {
        await using var host = await ServiceHost.StartAsync(options => options.Settings["Limits:MaxParagraphs"] = "32");

        var error = await Assert.ThrowsAsync<PageRefusedException>(() => host.Client.CleanHtmlAsync(SamplePages.Article(60)));
        Assert.Equal(ErrorReasons.TooManyParagraphs, error.Reason);
        Assert.NotEmpty((await host.Client.CleanHtmlAsync(SamplePages.Article(3))).Text);
        Assert.Single(host.Logs.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("Limits:MaxParagraphs (32) is deprecated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Setting_both_block_limit_keys_fails_start_up()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHost.StartAsync(options =>
        {
            options.Settings["Limits:MaxBlocks"] = "100";
            options.Settings["Limits:MaxParagraphs"] = "100";
        }));

        Assert.Contains("Limits:MaxBlocks only", error.Message, StringComparison.Ordinal);
    }
}
