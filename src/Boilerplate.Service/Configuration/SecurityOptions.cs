namespace Boilerplate.Service.Configuration;

/// <summary>Who may call, and what the service reveals about itself (section <c>Security</c>).</summary>
public sealed class SecurityOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Security";

    /// <summary>
    /// Accepted API keys, sent as <c>x-api-key</c> or <c>authorization: Bearer</c>. Empty: no authentication
    /// (for a service reachable only inside a trusted network). Several keys allow rotation.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Operators' keys: they may call everything a scraper key may, plus the admin methods (<c>ReloadModel</c>), which
    /// any other key is refused with PERMISSION_DENIED. With keys set and no admin key, nobody may call them.
    /// </summary>
    public List<string> AdminKeys { get; set; } = [];

    /// <summary>Whether any key is configured, i.e. calls must authenticate.</summary>
    internal bool RequiresKeys => ApiKeys.Count > 0 || AdminKeys.Count > 0;

    /// <summary>Serve gRPC server reflection, so tools like grpcurl can list and call methods without the .proto.</summary>
    public bool Reflection { get; set; } = true;
}
