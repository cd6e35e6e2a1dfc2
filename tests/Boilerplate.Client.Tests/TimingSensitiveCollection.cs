namespace Boilerplate.Client.Tests;

/// <summary>
/// Tests that hold a service's only slot for a while or stop a service mid-stream, run alone: beside other classes a
/// busy thread pool stretches the holds and stops they depend on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitiveCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "timing-sensitive";
}
