using Boilerplate.Testing;

namespace Boilerplate.Cli.Tests.Clean;

/// <summary>`boilerplate clean --server` against the real service on loopback.</summary>
public sealed class CleanServerTests : IAsyncLifetime, IDisposable
{
    private readonly PageFolder _folder = new();
    private ServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_server_gives_the_same_lines_as_cleaning_in_process()
    {
        var (remoteCode, remote) = await CliRun.CleanAsync(_folder.Root, "--server", _host.Address, "--markdown", "--paragraphs");
        var (localCode, local) = await CliRun.CleanAsync(_folder.Root, "--markdown", "--paragraphs");

        Assert.Equal(1, remoteCode);
        Assert.Equal(localCode, remoteCode);
        Assert.Equal(local.Select(page => (string)page["id"]!), remote.Select(page => (string)page["id"]!));
        var cleaned = local.Zip(remote).Where(pair => pair.First["error"] is null).ToList();
        Assert.Equal(3, cleaned.Count);
        Assert.All(cleaned, pair => Assert.Equal(CliRun.WithoutTiming(pair.First), CliRun.WithoutTiming(pair.Second)));
        // The server refuses an empty page itself, as INVALID_ARGUMENT.
        Assert.StartsWith("InvalidArgument:", (string)remote.Single(page => (string)page["id"]! == "empty")["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_fails_each_page_without_stopping_the_run()
    {
        var (code, pages) = await CliRun.CleanAsync(_folder.Root, "--server", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(1, code);
        Assert.Equal(5, pages.Count);
        Assert.All(pages, page => Assert.NotNull(page["error"]));
    }

    public void Dispose() => _folder.Dispose();
}
