using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boilerplate.Client;

/// <summary>Registers <see cref="BoilerplateClient"/> with dependency injection.</summary>
public static class BoilerplateClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared <see cref="BoilerplateClient"/> configured by <paramref name="configure"/>. The options are
    /// validated when the client is first resolved; the container's logger factory is used unless one is set.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the address, deadline, retry, circuit breaker and API key.</param>
    public static IServiceCollection AddBoilerplateClient(this IServiceCollection services, Action<BoilerplateClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BoilerplateClientOptions>().Configure(configure);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<BoilerplateClientOptions>>().Value;
            options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            return new BoilerplateClient(options);
        });
        return services;
    }
}
