using System.CommandLine;
using System.Text.Json.Nodes;

namespace Boilerplate.Cli.Tests.Clean;

/// <summary>Runs `boilerplate` commands in-process, through the same command tree and exit-code mapping as Program.cs.</summary>
internal static class CliRun
{
    public static Task<int> InvokeAsync(params string[] args) => CliApp.InvokeAsync(CliApp.CreateRoot(), args);

    /// <summary>Runs a command with <paramref name="standardInput"/> as its standard input; returns the code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> CaptureAsync(Stream? standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = CliApp.CreateRoot(standardInput is null ? null : () => standardInput);
        var code = await CliApp.InvokeAsync(root, args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs `clean` into a temporary file and returns the exit code and the JSON lines written.</summary>
    public static Task<(int ExitCode, IReadOnlyList<JsonObject> Pages)> CleanAsync(params string[] args) => CleanAsync(null, args);

    /// <summary>Runs `clean` reading <paramref name="standardInput"/> for <c>-</c>; returns the exit code and the JSON lines written.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<JsonObject> Pages)> CleanAsync(Stream? standardInput, params string[] args)
    {
        var (code, output) = await CleanRawAsync(standardInput, args);
        return (code, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject()).ToList());
    }

    /// <summary>Runs `clean` into a temporary file and returns the exit code and the file's text as written.</summary>
    public static Task<(int ExitCode, string Output)> CleanRawAsync(params string[] args) => CleanRawAsync(null, args);

    /// <summary>Runs `clean` reading <paramref name="standardInput"/> for <c>-</c>; returns the exit code and the file's text.</summary>
    public static async Task<(int ExitCode, string Output)> CleanRawAsync(Stream? standardInput, params string[] args)
    {
        var output = Path.Combine(Path.GetTempPath(), $"clean-{Guid.NewGuid():N}.out");
        try
        {
            var root = CliApp.CreateRoot(standardInput is null ? null : () => standardInput);
            var code = await CliApp.InvokeAsync(root, ["clean", .. args, "--out", output, "--quiet"]);
            return (code, File.Exists(output) ? await File.ReadAllTextAsync(output) : string.Empty);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>A page without its timing, the one field that differs between two runs of the same page.</summary>
    public static string WithoutTiming(JsonObject page)
    {
        var copy = page.DeepClone().AsObject();
        (copy["stats"] as JsonObject)?.Remove("elapsed_micros");
        return copy.ToJsonString();
    }
}
