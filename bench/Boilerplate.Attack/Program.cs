using Boilerplate.Attack;

// bench/Boilerplate.Attack --mode MODE [--name value]...: the admission attack (default) and the raw checks behind
// issue 23's list of promises that must keep holding (bench/reliability/holding.sh runs them).
var mode = Array.IndexOf(args, "--mode") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : "admission";
try
{
    return mode switch
    {
        "admission" => await AdmissionMode.RunAsync(args).ConfigureAwait(false),
        "hostile" => await HostileMode.RunAsync(ModeArgs.Parse(args)).ConfigureAwait(false),
        "burst" => await BurstMode.RunAsync(ModeArgs.Parse(args)).ConfigureAwait(false),
        "no-window" => await NoWindowMode.RunAsync(ModeArgs.Parse(args)).ConfigureAwait(false),
        "idle" => await IdleMode.RunAsync(ModeArgs.Parse(args)).ConfigureAwait(false),
        "headers" => await HeadersMode.RunAsync(ModeArgs.Parse(args)).ConfigureAwait(false),
        "keys" => await KeysMode.RunAsync(ModeArgs.Parse(args)).ConfigureAwait(false),
        "model-swaps" => await ModelSwapMode.RunAsync(ModeArgs.Parse(args)).ConfigureAwait(false),
        _ => throw new ArgumentException($"--mode {mode}: one of admission, hostile, burst, no-window, idle, headers, keys, model-swaps."),
    };
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
    return 2;
}
