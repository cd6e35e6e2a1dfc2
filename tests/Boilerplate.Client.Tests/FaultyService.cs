using Boilerplate.Testing.Service;

namespace Boilerplate.Client.Tests;

/// <summary>An in-process service whose clean calls fail on purpose, as a test's <see cref="FaultPlan"/> says.</summary>
public sealed class FaultyService : IAsyncLifetime
{
    public FaultPlan Faults { get; } = new();

    public ServiceHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await ServiceHost.StartAsync(options => options.InjectFaults(Faults));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Tests sharing one faulty service run one after another, so their fault plans do not mix.</summary>
[CollectionDefinition(Name)]
public sealed class FaultyServiceCollection : ICollectionFixture<FaultyService>
{
    public const string Name = "Faulty service";
}
