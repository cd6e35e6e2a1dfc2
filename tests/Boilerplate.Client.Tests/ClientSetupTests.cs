using Boilerplate.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Client.Tests;

/// <summary>Registration through DI, DNS targets, and refusing options that cannot work.</summary>
[Collection(FaultyServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ClientSetupTests(FaultyService service)
{
    [Fact]
    public async Task AddBoilerplateClient_registers_a_working_shared_client()
    {
        var services = new ServiceCollection();
        services.AddBoilerplateClient(options => options.Address = service.Host.Address);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<BoilerplateClient>();

        Assert.Same(client, provider.GetRequiredService<BoilerplateClient>());
        Assert.Contains("(1.0)", (await client.CleanHtmlAsync(SamplePages.Article(4, seed: 1))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dns_target_resolves_and_balances_over_the_names_addresses()
    {
        var port = new Uri(service.Host.Address).Port;
        using var client = new BoilerplateClient(new BoilerplateClientOptions { Address = $"dns:///localhost:{port}" });

        var info = await client.GetModelInfoAsync();

        Assert.NotEmpty(info.Version);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused_with_the_setting_named()
    {
        var both = new BoilerplateClientOptions { Address = "http://127.0.0.1:1" };
        both.Addresses.Add("http://127.0.0.1:2");
        Assert.Contains("exactly one", Assert.Throws<ArgumentException>(() => new BoilerplateClient(both)).Message, StringComparison.Ordinal);

        var mixed = new BoilerplateClientOptions();
        mixed.Addresses.Add("http://127.0.0.1:1");
        mixed.Addresses.Add("https://127.0.0.1:2");
        Assert.Throws<ArgumentException>(() => new BoilerplateClient(mixed));

        var noRetry = new BoilerplateClientOptions { Address = "http://127.0.0.1:1" };
        noRetry.Retry.MaxAttempts = 0;
        Assert.Contains("Retry.MaxAttempts", Assert.Throws<ArgumentException>(() => new BoilerplateClient(noRetry)).Message, StringComparison.Ordinal);
    }
}
