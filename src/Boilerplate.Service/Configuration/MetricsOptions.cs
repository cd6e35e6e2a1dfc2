using System.ComponentModel.DataAnnotations;

namespace Boilerplate.Service.Configuration;

/// <summary>The Prometheus scrape endpoint (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Metrics";

    /// <summary>
    /// Port of the HTTP/1.1 scrape endpoint (<c>/metrics</c>), separate from the HTTP/2 gRPC port because a
    /// plaintext port speaks only one protocol. 0: metrics are not exported.
    /// </summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Host part of the listener prefix: "+" for every interface, or e.g. "127.0.0.1".</summary>
    [Required]
    public string Host { get; set; } = "+";
}
