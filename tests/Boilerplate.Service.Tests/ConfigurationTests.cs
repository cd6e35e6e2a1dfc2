using Boilerplate.Testing;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Tests;

/// <summary>Bad settings stop the service at start-up with the key named, instead of failing calls later.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Model:Path", "/nonexistent/boilerplate/model.zip", "Model:Path")]
    [InlineData("Limits:MaxConcurrentRequests", "0", "MaxConcurrentRequests")]
    [InlineData("Limits:MaxParagraphs", "5", "MaxParagraphs")]
    [InlineData("Limits:StreamIdleTimeout", "00:00:00", "StreamIdleTimeout")]
    [InlineData("Security:ApiKeys:0", " ", "Security:ApiKeys")]
    [InlineData("Metrics:Port", "70000", "Port")]
    public async Task An_invalid_setting_fails_start_up_naming_it(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ServiceHost.StartAsync(options => options.Settings[key] = value));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
