using System.Text.Json.Nodes;
using Boilerplate.Cli.Tests.Clean;
using Boilerplate.Cli.Tests.Tool;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;

namespace Boilerplate.Cli.Tests.Model;

/// <summary>`boilerplate model-info` and `reload` against the real service on loopback.</summary>
[Trait("Category", "Functional")]
public sealed class ModelCommandsTests : IAsyncLifetime
{
    private const string Key = "scraper-key-7f3a";

    private const string AdminKey = "operator-key-91c2";
    private readonly string _directory = ModelFiles.TempDirectory();
    private ServiceHost _host = null!;
    private string _modelPath = null!;
    private string _version = null!;

    public async Task InitializeAsync()
    {
        _modelPath = Path.Combine(_directory, "model.zip");
        _version = ModelFiles.WriteDefault(_modelPath);
        _host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Model:Path"] = _modelPath;
            options.Settings["Security:ApiKeys:0"] = Key;
            options.Settings["Security:AdminKeys:0"] = AdminKey;
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Model_info_writes_the_serving_model_as_json_or_as_a_table()
    {
        var (jsonCode, json, _) = await CliRun.CaptureAsync(null, "model-info", "--server", _host.Address, "--api-key", Key, "--json");
        var (tableCode, table, _) = await CliRun.CaptureAsync(null, "model-info", "--server", _host.Address, "--api-key", Key);

        Assert.Equal(ExitCodes.Success, jsonCode);
        var info = JsonNode.Parse(json)!;
        Assert.Equal(_version, (string)info["version"]!);
        Assert.Equal(_modelPath, (string)info["source"]!);
        Assert.Contains("body", info["labels"]!.AsArray().Select(label => (string)label!));
        Assert.True((int)info["feature_schema_version"]! > 0);

        Assert.Equal(ExitCodes.Success, tableCode);
        Assert.Contains($"version: {_version}\n", table, StringComparison.Ordinal);
        Assert.Contains($"source: {_modelPath}\n", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_answers_the_model_serving_afterwards_and_a_corrupt_file_fails_with_the_reason()
    {
        var (code, json, _) = await CliRun.CaptureAsync(null, "reload", "--server", _host.Address, "--api-key", AdminKey, "--json");
        var (scraperCode, _, scraperError) = await CliRun.CaptureAsync(null, "reload", "--server", _host.Address, "--api-key", Key);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(ExitCodes.Failed, scraperCode);
        Assert.Contains("PermissionDenied", scraperError, StringComparison.Ordinal);
        Assert.Equal(_version, (string)JsonNode.Parse(json)!["version"]!);

        await File.WriteAllBytesAsync(_modelPath, ModelFiles.Corrupt());
        var (failedCode, output, error) = await CliRun.CaptureAsync(null, "reload", "--server", _host.Address, "--api-key", AdminKey);

        Assert.Equal(ExitCodes.Failed, failedCode);
        Assert.Empty(output);
        Assert.Contains("FailedPrecondition", error, StringComparison.Ordinal);
        Assert.Contains($"Model {_version} keeps serving", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_can_come_from_the_environment_in_a_real_process()
    {
        // A child process: the variable is process-wide, and other tests must not see it.
        var cli = CliBuild.Assembly;
        string[] args = [cli, "model-info", "--server", _host.Address, "--json"];

        var withKey = await ToolProcess.RunAsync(ToolProcess.Dotnet, args, _directory, TimeSpan.FromMinutes(1), environment: new Dictionary<string, string> { [Commands.CleanCommand.ApiKeyVariable] = Key });
        var wrongKey = await ToolProcess.RunAsync(ToolProcess.Dotnet, args, _directory, TimeSpan.FromMinutes(1), environment: new Dictionary<string, string> { [Commands.CleanCommand.ApiKeyVariable] = "not-the-key" });

        Assert.True(withKey.ExitCode == ExitCodes.Success, withKey.Describe());
        Assert.Equal(_version, (string)JsonNode.Parse(withKey.Output)!["version"]!);
        Assert.True(wrongKey.ExitCode == ExitCodes.Failed, wrongKey.Describe());
        Assert.Contains("Unauthenticated", wrongKey.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_key_or_without_a_server_the_call_fails_with_code_3_and_the_status()
    {
        var (noKey, _, noKeyError) = await CliRun.CaptureAsync(null, "model-info", "--server", _host.Address);
        var (noServer, _, noServerError) = await CliRun.CaptureAsync(null, "model-info", "--server", $"http://127.0.0.1:{FreePort.Next()}", "--timeout", "00:00:05");

        Assert.Equal(ExitCodes.Failed, noKey);
        Assert.Contains("Unauthenticated", noKeyError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, noServer);
        Assert.Contains("Unavailable", noServerError, StringComparison.Ordinal);
    }
}
