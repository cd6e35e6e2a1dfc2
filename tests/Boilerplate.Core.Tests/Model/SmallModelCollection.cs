using Boilerplate.Testing;

namespace Boilerplate.Core.Tests.Model;

/// <summary>Tests that share one <see cref="SmallModelFixture"/> (trained once per run).</summary>
[CollectionDefinition(Name)]
public sealed class SmallModelCollection : ICollectionFixture<SmallModelFixture>
{
    public const string Name = "small model";
}
