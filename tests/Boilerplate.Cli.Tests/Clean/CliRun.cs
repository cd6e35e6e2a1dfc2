using System.CommandLine;
using System.Text.Json.Nodes;
using Boilerplate.Cli.Commands;

namespace Boilerplate.Cli.Tests.Clean;

/// <summary>Runs `boilerplate` commands in-process, the way Program.cs wires them.</summary>
internal static class CliRun
{
    public static Task<int> InvokeAsync(params string[] args)
    {
        var root = new RootCommand { CleanCommand.Create(), HealthCommand.Create() };
        return root.Parse(args).InvokeAsync();
    }

    /// <summary>Runs `clean` into a temporary file and returns the exit code and the JSON lines written.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<JsonObject> Pages)> CleanAsync(params string[] args)
    {
        var output = Path.Combine(Path.GetTempPath(), $"clean-{Guid.NewGuid():N}.jsonl");
        try
        {
            var code = await InvokeAsync(["clean", .. args, "--out", output, "--quiet"]);
            var pages = File.Exists(output)
                ? (await File.ReadAllLinesAsync(output)).Select(line => JsonNode.Parse(line)!.AsObject()).ToList()
                : [];
            return (code, pages);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Runs `clean` into a temporary file and returns the exit code and the file's text as written.</summary>
    public static async Task<(int ExitCode, string Output)> CleanRawAsync(params string[] args)
    {
        var output = Path.Combine(Path.GetTempPath(), $"clean-{Guid.NewGuid():N}.out");
        try
        {
            var code = await InvokeAsync(["clean", .. args, "--out", output, "--quiet"]);
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
