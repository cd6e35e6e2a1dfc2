using System.Diagnostics;

namespace Boilerplate.Cli.Tests.Tool;

/// <summary>What a child process did.</summary>
internal sealed record ToolRun(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>The whole run, for an assertion's message.</summary>
    public string Describe() => $"{Command} exited {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs dotnet and the installed tool as a user's shell would, isolated from the user's NuGet caches.</summary>
internal static class ToolProcess
{
    /// <summary>The dotnet that runs this test (the test host sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static async Task<ToolRun> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        string? standardInput = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A package folder of its own: the test's Boilerplate.Cli must never land in (or come from) the user's cache.
        start.Environment["NUGET_PACKAGES"] = Path.Combine(workingDirectory, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (Path.IsPathRooted(Dotnet))
        {
            // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not installed where it looks.
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(Dotnet);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(standardInput ?? string.Empty);
        process.StandardInput.Close();

        using var timer = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} ran past {timeout}.");
        }

        return new ToolRun($"{fileName} {string.Join(' ', start.ArgumentList)}", process.ExitCode, await output, await error);
    }
}
