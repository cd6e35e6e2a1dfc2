namespace Boilerplate.Service.Tests;

/// <summary>Why the seed acceptance is skipped until the default model improves (reported to the coordinator).</summary>
internal static class ModelQuality
{
    /// <summary>
    /// Default model 4d3df8b5c73d (ca7c6e1), measured through the service: the teaser is dropped as a duplicate and
    /// the cookie banner is legal (0.99 as text, 0.91 as HTML), but as text the last article paragraph ("A senior
    /// American administration official noted ...", just above "Read More") is navigation (0.58) and is dropped, and
    /// as HTML "Read More" is body (0.82) and kept. Un-skip when a retrained default model gets both right.
    /// </summary>
    public const string SeedGap =
        "Default model 4d3df8b5c73d drops the seed's last article paragraph as navigation (text) and keeps 'Read More' as body (HTML); waiting for a retrained default model.";
}
