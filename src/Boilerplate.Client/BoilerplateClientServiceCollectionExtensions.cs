using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Boilerplate.Client;

/// <summary>
/// Registers Boilerplate clients with dependency injection, as Grpc.Net.ClientFactory does for generated clients: one
/// shared client per name, options from code or configuration, validated when the host starts.
/// </summary>
public static class BoilerplateClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default client (<see cref="IBoilerplateClient"/> and <see cref="BoilerplateClient"/>) with
    /// options bound from <paramref name="configuration"/>, e.g. <c>configuration.GetSection("Boilerplate")</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section holding <see cref="BoilerplateClientOptions"/>' settings.</param>
    public static IServiceCollection AddBoilerplateClient(this IServiceCollection services, IConfiguration configuration) =>
        AddBoilerplateClient(services, Options.DefaultName, configuration);

    /// <summary>Registers the default client with options set by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the address, timeouts, retry, circuit breaker, hedging and API key.</param>
    public static IServiceCollection AddBoilerplateClient(this IServiceCollection services, Action<BoilerplateClientOptions> configure) =>
        AddBoilerplateClient(services, Options.DefaultName, configure);

    /// <summary>
    /// Registers a named client with options bound from <paramref name="configuration"/>; resolve it with
    /// <see cref="IBoilerplateClientFactory.CreateClient"/> or <c>[FromKeyedServices(name)] IBoilerplateClient</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configuration">The section holding its settings.</param>
    public static IServiceCollection AddBoilerplateClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Register(services, name).Bind(configuration);
        return services;
    }

    /// <summary>Registers a named client with options set by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets its options.</param>
    public static IServiceCollection AddBoilerplateClient(this IServiceCollection services, string name, Action<BoilerplateClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Register(services, name).Configure(configure);
        return services;
    }

    private static OptionsBuilder<BoilerplateClientOptions> Register(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BoilerplateClientOptions>, BoilerplateClientOptionsValidator>());
        services.TryAddSingleton<IBoilerplateClientFactory, BoilerplateClientFactory>();
        services.Configure<BoilerplateClientFactoryOptions>(factory => factory.Names.Add(name));
        services.TryAddKeyedSingleton<IBoilerplateClient>(name, static (provider, key) =>
            provider.GetRequiredService<IBoilerplateClientFactory>().CreateClient((string)key!));
        if (name == Options.DefaultName)
        {
            services.TryAddSingleton(static provider => (BoilerplateClient)provider.GetRequiredService<IBoilerplateClientFactory>().CreateClient(Options.DefaultName));
            services.TryAddSingleton<IBoilerplateClient>(static provider => provider.GetRequiredService<BoilerplateClient>());
        }

        // Start-up validation: a host with a client that cannot work fails to start, with the setting named.
        return services.AddOptions<BoilerplateClientOptions>(name).ValidateOnStart();
    }
}
