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

    /// <summary>
    /// Address the scrape endpoint listens on, e.g. "127.0.0.1" or the pod IP. The exporter's listener refuses
    /// wildcard hosts ("+", "*", "0.0.0.0"), so the default is loopback and Kubernetes passes the pod IP.
    /// </summary>
    [Required]
    [RegularExpression(@"^[^+*]+$", ErrorMessage = "Metrics:Host must be one address (e.g. 127.0.0.1 or the pod IP); wildcard hosts are not supported.")]
    public string Host { get; set; } = "127.0.0.1";
}
