using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Boilerplate.Core.Model;
using Boilerplate.Testing;

namespace Boilerplate.Cli.Tests.Tool;

/// <summary>
/// The CLI as a .NET tool, the way a user gets it: packed, installed from a local folder feed (no other source) into
/// a temporary tool path, then run. Slow (a pack and an install, about 15 s here): filter it out with
/// <c>--filter "Category!=Slow"</c>.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Functional")]
public sealed class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);
    private readonly string _work = ModelFiles.TempDirectory();

    [Fact]
    public async Task The_packed_tool_installs_from_a_local_feed_and_cleans_with_the_embedded_model()
    {
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var packageVersion = version.Split('+')[0];
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var tools = Path.Combine(_work, "tools");
        var config = Path.Combine(_work, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        // --no-build: the test's own build made the CLI; packing must neither rebuild nor restore from a network.
        var pack = await ToolProcess.RunAsync(
            ToolProcess.Dotnet,
            ["pack", Repository.PathOf("src", "Boilerplate.Cli", "Boilerplate.Cli.csproj"), "-c", CliBuild.Configuration, "--no-build", "--nologo", "-o", feed],
            _work, StepTimeout);
        Assert.True(pack.ExitCode == 0, pack.Describe());
        Assert.True(File.Exists(Path.Combine(feed, $"Boilerplate.Cli.{packageVersion}.nupkg")), pack.Describe());

        var install = await ToolProcess.RunAsync(
            ToolProcess.Dotnet,
            ["tool", "install", "Boilerplate.Cli", "--version", packageVersion, "--tool-path", tools, "--configfile", config, "--ignore-failed-sources"],
            _work, StepTimeout);
        Assert.True(install.ExitCode == 0, install.Describe());
        var boilerplate = Path.Combine(tools, OperatingSystem.IsWindows() ? "boilerplate.exe" : "boilerplate");

        var versionRun = await ToolProcess.RunAsync(boilerplate, ["--version"], _work, StepTimeout);
        Assert.True(versionRun.ExitCode == 0, versionRun.Describe());
        Assert.Equal(version, versionRun.Output.Trim());

        var clean = await ToolProcess.RunAsync(boilerplate, ["clean", "-", "--format", "json", "--quiet"], _work, StepTimeout, standardInput: SamplePages.Article(6));
        Assert.True(clean.ExitCode == 0, clean.Describe());
        var page = JsonNode.Parse(clean.Output)!;
        Assert.Contains("The council approved the new cycle lanes", (string)page["text"]!, StringComparison.Ordinal);
        using (var model = BoilerplateModel.LoadDefault())
        {
            Assert.Equal(model.Version, (string)page["model_version"]!);
        }

        // ML.NET's LightGBM trainer loads its native library through the .NET host, which looks where the tool's
        // deps.json says: this platform's library must be both in the installed tool and named there.
        var native = OperatingSystem.IsWindows() ? "lib_lightgbm.dll" : OperatingSystem.IsMacOS() ? "lib_lightgbm.dylib" : "lib_lightgbm.so";
        var architecture = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var store = Path.Combine(tools, ".store");
        var library = Assert.Single(
            Directory.EnumerateFiles(store, native, SearchOption.AllDirectories),
            path => path.Contains($"-{architecture}{Path.DirectorySeparatorChar}native", StringComparison.Ordinal));
        var deps = Assert.Single(Directory.EnumerateFiles(store, "boilerplate.deps.json", SearchOption.AllDirectories));
        var relative = Path.GetRelativePath(Path.GetDirectoryName(deps)!, library).Replace(Path.DirectorySeparatorChar, '/');
        Assert.Contains($"\"{relative}\"", await File.ReadAllTextAsync(deps), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
