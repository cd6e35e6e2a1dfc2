namespace Boilerplate.Core.Repair;

/// <summary>Whether to repair text a scraper damaged (mojibake, placeholder bytes). See docs/repair.md.</summary>
public enum RepairMode
{
    /// <summary>Repair only a page that shows the damage pattern; an undamaged page is never touched.</summary>
    Auto = 0,

    /// <summary>Never repair.</summary>
    Off,

    /// <summary>Treat the page as damaged: repair every damaged-looking span except the protected ones (URLs, code).</summary>
    On,
}
