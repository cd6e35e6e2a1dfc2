namespace Boilerplate.Cli;

/// <summary>
/// What the <c>boilerplate</c> command's exit status means, the same for every command, so a script can tell
/// "fix the call" (2) from "retry or look at the pages" (1, 3).
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>
    /// Done in part: some pages failed (<c>clean</c>), the promotion gate refused the new model
    /// (<c>evaluate --against</c>), or the server is not serving (<c>health</c>).
    /// </summary>
    public const int Partial = 1;

    /// <summary>Nothing was done: bad arguments or options, or an input, model or output that cannot be opened.</summary>
    public const int Usage = 2;

    /// <summary>Nothing succeeded: every page failed (<c>clean</c>), or the call to the server failed (<c>model-info</c>, <c>reload</c>).</summary>
    public const int Failed = 3;

    /// <summary>The table for <c>--help</c>; README.md has the same one.</summary>
    public const string Help =
        "Exit codes: 0 done; 1 some pages failed (clean), the gate refused the model (evaluate --against) or the server " +
        "is not serving (health); 2 usage error, nothing done; 3 every page failed (clean) or the call failed (model-info, reload).";
}
