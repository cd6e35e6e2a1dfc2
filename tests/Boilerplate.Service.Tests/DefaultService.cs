using Boilerplate.Testing.Service;

namespace Boilerplate.Service.Tests;

/// <summary>One service with default settings, shared by the tests that need nothing special.</summary>
public sealed class DefaultServiceFixture : IAsyncLifetime
{
    public ServiceHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ServiceHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DefaultServiceCollection : ICollectionFixture<DefaultServiceFixture>
{
    public const string Name = "Default service";
}
