using Boilerplate.Testing;

namespace Boilerplate.Core.Tests.Model;

/// <summary>Tests that share one <see cref="TinyModelFixture"/> (the committed model, loaded once per run).</summary>
[CollectionDefinition(Name)]
public sealed class TinyModelCollection : ICollectionFixture<TinyModelFixture>
{
    public const string Name = "tiny model";
}
