using Microsoft.Extensions.Logging;

namespace Boilerplate.Client;

/// <summary>
/// Where the service is and how calls to it behave. Set exactly one of <see cref="Address"/> and
/// <see cref="Addresses"/>.
/// </summary>
public sealed class BoilerplateClientOptions
{
    /// <summary>
    /// One service address: <c>http://host:port</c> (plaintext HTTP/2), <c>https://host:port</c> (TLS), or
    /// <c>dns:///host:port</c> to resolve every address of a name (e.g. a Kubernetes headless service) and spread
    /// calls over them round-robin; DNS targets use TLS when <see cref="UseTls"/> is set.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>
    /// Several service addresses (<c>http://host:port</c> or <c>https://host:port</c>, one scheme for all); calls
    /// are spread over them round-robin and skip an instance whose connection is down.
    /// </summary>
    public IList<string> Addresses { get; } = new List<string>();

    /// <summary>Whether a <c>dns:///</c> target is reached over TLS. Ignored for http and https addresses.</summary>
    public bool UseTls { get; set; }

    /// <summary>How often a <c>dns:///</c> target is resolved again, so replicas added later receive calls too.</summary>
    public TimeSpan DnsRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of each attempt of a unary call; every retry gets a fresh one.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of calls the service answered UNAVAILABLE (and only those).</summary>
    public ClientRetryOptions Retry { get; } = new();

    /// <summary>The circuit breaker that stops calling a failing service for a while.</summary>
    public ClientCircuitBreakerOptions CircuitBreaker { get; } = new();

    /// <summary>API key sent as <c>x-api-key</c> on every call, when the service requires one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest response accepted, in bytes.</summary>
    public int MaxReceiveMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest request sent, in bytes.</summary>
    public int MaxSendMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Adjusts the HTTP handler before use, e.g. to trust a private certificate authority through
    /// <c>SslOptions.RemoteCertificateValidationCallback</c>.
    /// </summary>
    public Action<SocketsHttpHandler>? ConfigureHttpHandler { get; set; }

    /// <summary>Logger factory for gRPC and resilience events (retries, circuit state changes); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        var hasAddress = !string.IsNullOrWhiteSpace(Address);
        if (hasAddress == (Addresses.Count > 0))
        {
            throw new ArgumentException("Set exactly one of BoilerplateClientOptions.Address and BoilerplateClientOptions.Addresses.");
        }

        if (Addresses.Any(address => !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException("Every entry of BoilerplateClientOptions.Addresses must be an absolute http:// or https:// address.");
        }

        if (Addresses.Select(address => new Uri(address).Scheme).Distinct().Count() > 1)
        {
            throw new ArgumentException("BoilerplateClientOptions.Addresses mixes http and https; use one scheme.");
        }

        if (hasAddress && !Uri.TryCreate(Address, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"BoilerplateClientOptions.Address '{Address}' is not an absolute address.");
        }

        if (DnsRefreshInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("BoilerplateClientOptions.DnsRefreshInterval must be positive.");
        }

        if (Deadline <= TimeSpan.Zero)
        {
            throw new ArgumentException("BoilerplateClientOptions.Deadline must be positive.");
        }

        Retry.Validate();
        CircuitBreaker.Validate();
    }
}
