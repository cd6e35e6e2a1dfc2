using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Boilerplate.Client;

/// <summary>The names registered with <c>AddBoilerplateClient</c>.</summary>
internal sealed class BoilerplateClientFactoryOptions
{
    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
}

/// <summary>One client per name, created on first use from its options (validated) and disposed with the container.</summary>
internal sealed class BoilerplateClientFactory(
    IOptionsMonitor<BoilerplateClientOptions> options,
    IOptions<BoilerplateClientFactoryOptions> registered,
    ILoggerFactory? loggerFactory = null) : IBoilerplateClientFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<BoilerplateClient>> _clients = new(StringComparer.Ordinal);

    public IBoilerplateClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!registered.Value.Names.Contains(name))
        {
            throw new InvalidOperationException($"No Boilerplate client named '{name}' is registered; call AddBoilerplateClient(\"{name}\", ...) first.");
        }

        // Lazy: two threads asking at once must not open two channels, one of them never disposed.
        return _clients.GetOrAdd(name, key => new Lazy<BoilerplateClient>(() => new BoilerplateClient(options.Get(key), loggerFactory))).Value;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(client => client.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }
}

/// <summary>Reports what <see cref="BoilerplateClientOptions.Validate"/> refuses, with the client's name.</summary>
internal sealed class BoilerplateClientOptionsValidator : IValidateOptions<BoilerplateClientOptions>
{
    public ValidateOptionsResult Validate(string? name, BoilerplateClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            var client = string.IsNullOrEmpty(name) ? "The default Boilerplate client" : $"Boilerplate client '{name}'";
            return ValidateOptionsResult.Fail($"{client}: {e.Message}");
        }
    }
}
