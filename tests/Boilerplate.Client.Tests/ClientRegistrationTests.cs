using Boilerplate.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boilerplate.Client.Tests;

/// <summary>Microsoft.Extensions conventions: configuration binding, named clients, start-up validation, the caller's options left alone.</summary>
[Collection(FaultyServiceCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ClientRegistrationTests(FaultyService service)
{
    [Fact]
    public async Task The_default_client_binds_from_a_configuration_section_and_answers()
    {
        var configuration = Configuration(new()
        {
            ["Boilerplate:Address"] = service.Host.Address,
            ["Boilerplate:AttemptTimeout"] = "00:00:07",
            ["Boilerplate:Retry:MaxAttempts"] = "2",
            ["Boilerplate:CircuitBreaker:Enabled"] = "false",
        });
        var services = new ServiceCollection();
        services.AddBoilerplateClient(configuration.GetSection("Boilerplate"));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IBoilerplateClient>();
        var options = provider.GetRequiredService<IOptionsMonitor<BoilerplateClientOptions>>().Get(Options.DefaultName);

        Assert.Same(client, provider.GetRequiredService<BoilerplateClient>());
        Assert.Equal(TimeSpan.FromSeconds(7), options.AttemptTimeout);
        Assert.Equal(2, options.Retry.MaxAttempts);
        Assert.False(options.CircuitBreaker.Enabled);
        Assert.NotEmpty((await client.CleanHtmlAsync(SamplePages.Article(3))).Text);
    }

    [Fact]
    public async Task Named_clients_have_their_own_options_and_one_instance_each()
    {
        var configuration = Configuration(new()
        {
            ["Clients:Fast:Address"] = service.Host.Address,
            ["Clients:Fast:Retry:MaxAttempts"] = "1",
        });
        var services = new ServiceCollection();
        services.AddBoilerplateClient("fast", configuration.GetSection("Clients:Fast"));
        services.AddBoilerplateClient("patient", options =>
        {
            options.Address = service.Host.Address;
            options.Retry.MaxAttempts = 6;
        });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IBoilerplateClientFactory>();
        var monitor = provider.GetRequiredService<IOptionsMonitor<BoilerplateClientOptions>>();

        var fast = factory.CreateClient("fast");
        var patient = factory.CreateClient("patient");

        Assert.NotSame(fast, patient);
        Assert.Same(fast, factory.CreateClient("fast"));
        Assert.Same(patient, provider.GetRequiredKeyedService<IBoilerplateClient>("patient"));
        Assert.Equal(1, monitor.Get("fast").Retry.MaxAttempts);
        Assert.Equal(6, monitor.Get("patient").Retry.MaxAttempts);
        Assert.Null(provider.GetService<IBoilerplateClient>());
        Assert.Contains("'slow'", Assert.Throws<InvalidOperationException>(() => factory.CreateClient("slow")).Message, StringComparison.Ordinal);
        Assert.NotEmpty((await fast.CleanTextAsync(SeedText)).Text);
        Assert.NotEmpty((await patient.GetModelInfoAsync()).Version);
    }

    [Fact]
    public async Task A_host_with_a_client_that_cannot_work_fails_to_start_and_names_client_and_setting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Clients:Fast:Address"] = service.Host.Address,
            ["Clients:Fast:AttemptTimeout"] = "00:02:00",
            ["Clients:Fast:TotalTimeout"] = "00:01:00",
        });
        builder.Services.AddBoilerplateClient("fast", builder.Configuration.GetSection("Clients:Fast"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Boilerplate client 'fast'", error.Message, StringComparison.Ordinal);
        Assert.Contains("TotalTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_options_are_copied_never_changed()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBoilerplateClient(options => options.Address = service.Host.Address);
        await using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IBoilerplateClient>();

        // The container's logger factory serves the client without being written into the registered options.
        Assert.NotNull(provider.GetService<ILoggerFactory>());
        Assert.Null(provider.GetRequiredService<IOptionsMonitor<BoilerplateClientOptions>>().Get(Options.DefaultName).LoggerFactory);

        var mine = new BoilerplateClientOptions { Address = service.Host.Address };
        using var client = new BoilerplateClient(mine);
        mine.Address = "http://127.0.0.1:1";
        mine.Retry.MaxAttempts = 0;

        Assert.NotEmpty((await client.CleanTextAsync(SeedText)).Text);
    }

    private const string SeedText = "A first paragraph that says something of substance about night trains.\n\nA second one.";

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
