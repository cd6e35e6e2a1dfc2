using Boilerplate.Testing.Service;
using Grpc.Core;

namespace Boilerplate.Client.Tests;

/// <summary>The API key travels as call credentials, and never over plaintext unless the caller says so.</summary>
[Trait("Category", "Functional")]
public sealed class CredentialsTests
{
    private const string Key = "scraper-key-0123456789";

    [Theory]
    [InlineData("http://127.0.0.1:5000", false)]
    [InlineData("dns:///boilerplate:5000", false)]
    [InlineData("https://127.0.0.1:5000", true)]
    public void A_key_over_plaintext_is_refused_unless_allowed(string address, bool secure)
    {
        var options = new BoilerplateClientOptions { Address = address, ApiKey = Key };

        if (secure)
        {
            using var client = new BoilerplateClient(options);
        }
        else
        {
            Assert.Contains("AllowInsecureCredentials", Assert.Throws<ArgumentException>(() => new BoilerplateClient(options)).Message, StringComparison.Ordinal);
            options.AllowInsecureCredentials = true;
            using var client = new BoilerplateClient(options);
        }

        var tls = new BoilerplateClientOptions { Address = "dns:///boilerplate:5000", UseTls = true, ApiKey = Key };
        using var overTls = new BoilerplateClient(tls);
    }

    [Fact]
    public async Task The_key_reaches_the_service_on_every_call_wrapped_or_not()
    {
        await using var host = await ServiceHost.StartAsync(options => options.Settings["Security:ApiKeys:0"] = Key);
        var keyed = host.CreateClient(options =>
        {
            options.ApiKey = Key;
            options.AllowInsecureCredentials = true;
        });
        var wrong = host.CreateClient(options =>
        {
            options.ApiKey = Key + "x";
            options.AllowInsecureCredentials = true;
        });

        Assert.NotEmpty((await keyed.CleanTextAsync("A paragraph about night trains and their timetables.")).Text);
        Assert.NotEmpty((await keyed.Models.GetModelInfoAsync(new Protos.V1.GetModelInfoRequest())).Version);
        var refused = await Assert.ThrowsAsync<BoilerplateException>(() => wrong.GetModelInfoAsync());
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        var keyless = await Assert.ThrowsAsync<BoilerplateException>(() => host.Client.GetModelInfoAsync());
        Assert.Equal(StatusCode.Unauthenticated, keyless.StatusCode);
    }
}
