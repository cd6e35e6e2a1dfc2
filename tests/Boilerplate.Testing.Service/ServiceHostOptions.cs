using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Testing.Service;

/// <summary>How a test wants its in-process service configured.</summary>
public sealed class ServiceHostOptions
{
    /// <summary>Configuration overrides, in the service's own keys (e.g. <c>Limits:MaxConcurrentRequests</c>).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Extra registrations after the service's own, e.g. a test-only interceptor.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
