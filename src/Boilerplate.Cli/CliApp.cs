using System.CommandLine;
using Boilerplate.Cli.Commands;

namespace Boilerplate.Cli;

/// <summary>The <c>boilerplate</c> command tree, and how a run's parse errors become an exit code.</summary>
internal static class CliApp
{
    /// <summary>Every command, as Program.cs runs them.</summary>
    /// <param name="openStandardInput">Where <c>clean -</c> reads from; standard input unless a test gives its own.</param>
    public static RootCommand CreateRoot(Func<Stream>? openStandardInput = null) => new(
        "Boilerplate: split pages into paragraphs, score them as body, navigation or legal, keep the article.\n" + ExitCodes.Help)
    {
        CleanCommand.Create(openStandardInput),
        ModelCommands.CreateInfo(),
        ModelCommands.CreateReload(),
        HealthCommand.Create(),
        TrainCommand.Create(),
        EvaluateCommand.Create(),
        RepairCommands.CreateBuild(),
        RepairCommands.CreateEvaluate(),
        MetadataCommands.Evaluate(),
        MetadataCommands.Profiles(),
    };

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A parse or validation error exits <see cref="ExitCodes.Usage"/>
    /// (System.CommandLine's own is 1, which here means "some pages failed").
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var parse = root.Parse(args);
        var code = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        return parse.Errors.Count > 0 ? ExitCodes.Usage : code;
    }
}
