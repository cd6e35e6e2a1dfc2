namespace Boilerplate.Service.Tests;

/// <summary>
/// Tests whose outcome depends on timers or on a freshly trained model, run alone. Beside other classes (two of which
/// train models with parallel loops) the in-process server's thread pool was busy enough that a 1 ms deadline's timer
/// callback ran only after the page was cleaned, and the small promo model's training ran under different scheduling.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "timing-sensitive";
}
