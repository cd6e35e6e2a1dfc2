using Microsoft.Extensions.Logging;

namespace Boilerplate.Client;

/// <summary>
/// Where the service is and how calls to it behave. Set exactly one of <see cref="Address"/> and
/// <see cref="Addresses"/>. Binds from configuration (e.g. a <c>Boilerplate</c> section; see docs/client.md). The
/// client copies these options when it is created: changing them afterwards changes nothing.
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

    /// <summary>
    /// Longest time one unary call may take, all attempts and the waits between them included (the outermost
    /// strategy); also sent to the service as the call's gRPC deadline, so it stops working on an abandoned page.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Longest time one attempt of a unary call may take (the innermost strategy); every retry gets a fresh one.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deadline of a whole <c>CleanStreamAsync</c> call; null for none (the caller's token alone ends it).</summary>
    public TimeSpan? StreamTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Retries of calls that did not reach a working server (UNAVAILABLE, an attempt timeout) or met a full one (AT_CAPACITY).</summary>
    public ClientRetryOptions Retry { get; } = new();

    /// <summary>Resends inside <c>CleanStreamAsync</c> of AT_CAPACITY pages and of pages a failed stream left unanswered (off unless enabled).</summary>
    public ClientStreamRetryOptions StreamRetry { get; } = new();

    /// <summary>The circuit breaker that stops calling a failing service for a while.</summary>
    public ClientCircuitBreakerOptions CircuitBreaker { get; } = new();

    /// <summary>Hedged Clean calls (off unless enabled): a second attempt when the first is slow, the first answer wins.</summary>
    public ClientHedgingOptions Hedging { get; } = new();

    /// <summary>
    /// API key, sent as <c>authorization: Bearer</c> call credentials on every call when the service requires one.
    /// Refused over plaintext (<c>http://</c>, or <c>dns:///</c> without <see cref="UseTls"/>) unless
    /// <see cref="AllowInsecureCredentials"/> is set.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Send <see cref="ApiKey"/> over plaintext HTTP/2 too, where anyone on the path can read it: only for loopback,
    /// or a network that encrypts for you (a service mesh with mTLS).
    /// </summary>
    public bool AllowInsecureCredentials { get; set; }

    /// <summary>Largest response accepted, in bytes.</summary>
    public int MaxReceiveMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest request sent, in bytes.</summary>
    public int MaxSendMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Adjusts the HTTP handler before use, e.g. to trust a private certificate authority through
    /// <c>SslOptions.RemoteCertificateValidationCallback</c>.
    /// </summary>
    public Action<SocketsHttpHandler>? ConfigureHttpHandler { get; set; }

    /// <summary>
    /// Logger factory for gRPC and resilience events (retries, hedges, circuit state changes); when null, the
    /// container's under <c>AddBoilerplateClient</c>, else none.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Whether calls travel over TLS, as the address says.</summary>
    internal bool IsSecure => Addresses.Count > 0
        ? Addresses.All(address => address.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
        : Address is { } address && (address.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
                                     || (UseTls && address.StartsWith("dns:", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work and how to fix it.</summary>
    public void Validate()
    {
        var hasAddress = !string.IsNullOrWhiteSpace(Address);
        if (hasAddress == (Addresses.Count > 0))
        {
            throw new ArgumentException("Set exactly one of Address (one service or a dns:/// name) and Addresses (several services).");
        }

        if (Addresses.Any(address => !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException("Every entry of Addresses must be an absolute http:// or https:// address.");
        }

        if (Addresses.Select(address => new Uri(address).Scheme).Distinct().Count() > 1)
        {
            throw new ArgumentException("Addresses mixes http and https; use one scheme.");
        }

        if (hasAddress && !Uri.TryCreate(Address, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"Address '{Address}' is not an absolute address (http://host:port, https://host:port or dns:///host:port).");
        }

        if (DnsRefreshInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("DnsRefreshInterval must be positive.");
        }

        if (AttemptTimeout <= TimeSpan.Zero || TotalTimeout < AttemptTimeout)
        {
            throw new ArgumentException($"AttemptTimeout ({AttemptTimeout}) must be positive and TotalTimeout ({TotalTimeout}) at least AttemptTimeout.");
        }

        if (StreamTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("StreamTimeout must be positive, or unset for no deadline.");
        }

        if (!string.IsNullOrEmpty(ApiKey) && !IsSecure && !AllowInsecureCredentials)
        {
            throw new ArgumentException(
                "ApiKey would be sent in plaintext: use an https:// address (or UseTls for dns:///), or set AllowInsecureCredentials " +
                "for loopback or a mesh that encrypts.");
        }

        if (MaxReceiveMessageBytes <= 0 || MaxSendMessageBytes <= 0)
        {
            throw new ArgumentException("MaxReceiveMessageBytes and MaxSendMessageBytes must be positive.");
        }

        Retry.Validate();
        StreamRetry.Validate();
        CircuitBreaker.Validate();
        Hedging.Validate();
    }

    /// <summary>A deep copy: the client keeps its own, so the caller's object is neither changed nor read later.</summary>
    internal BoilerplateClientOptions Copy()
    {
        var copy = new BoilerplateClientOptions
        {
            Address = Address,
            UseTls = UseTls,
            DnsRefreshInterval = DnsRefreshInterval,
            TotalTimeout = TotalTimeout,
            AttemptTimeout = AttemptTimeout,
            StreamTimeout = StreamTimeout,
            ApiKey = ApiKey,
            AllowInsecureCredentials = AllowInsecureCredentials,
            MaxReceiveMessageBytes = MaxReceiveMessageBytes,
            MaxSendMessageBytes = MaxSendMessageBytes,
            ConfigureHttpHandler = ConfigureHttpHandler,
            LoggerFactory = LoggerFactory,
        };
        foreach (var address in Addresses)
        {
            copy.Addresses.Add(address);
        }

        Retry.CopyTo(copy.Retry);
        StreamRetry.CopyTo(copy.StreamRetry);
        CircuitBreaker.CopyTo(copy.CircuitBreaker);
        Hedging.CopyTo(copy.Hedging);
        return copy;
    }
}
