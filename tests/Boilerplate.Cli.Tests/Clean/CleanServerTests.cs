using System.Text;
using Boilerplate.Testing.Service;

namespace Boilerplate.Cli.Tests.Clean;

/// <summary>`boilerplate clean --server` against the real service on loopback.</summary>
[Trait("Category", "Functional")]
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
    public async Task An_unreachable_server_fails_each_page_without_stopping_the_run_and_exits_3()
    {
        var (code, pages) = await CliRun.CleanAsync(_folder.Root, "--server", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Equal(5, pages.Count);
        Assert.All(pages, page => Assert.NotNull(page["error"]));
    }

    [Fact]
    public async Task Standard_input_and_its_url_reach_the_server_as_they_reach_the_in_process_backend()
    {
        var page = Encoding.UTF8.GetBytes(StandardInputTests.LinkedArticle);
        string[] args = ["-", "--url", "https://news.example/2025/seals.html", "--format", "markdown"];

        var (remoteCode, remote) = await CliRun.CleanRawAsync(new MemoryStream(page), [.. args, "--server", _host.Address]);
        var (localCode, local) = await CliRun.CleanRawAsync(new MemoryStream(page), args);

        Assert.Equal(0, remoteCode);
        Assert.Equal(0, localCode);
        Assert.Contains("https://news.example/2025/count.html", remote, StringComparison.Ordinal);
        Assert.Equal(local, remote);
    }

    public void Dispose() => _folder.Dispose();
}
