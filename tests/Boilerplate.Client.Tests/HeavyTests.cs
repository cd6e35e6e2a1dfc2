namespace Boilerplate.Client.Tests;

/// <summary>
/// Tests that saturate the machine's cores (load, several service processes) run one after another, so none of
/// them measures the others' load and each stays within its time budget on a 2-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyTests
{
    public const string Name = "Heavy";
}
