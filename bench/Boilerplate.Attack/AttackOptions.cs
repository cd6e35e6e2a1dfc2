using System.Globalization;

namespace Boilerplate.Attack;

/// <summary>What to send: <c>--name value</c> pairs, every one optional.</summary>
internal sealed record AttackOptions(
    Uri Address,
    string? AttackerKey,
    string LegitimateKey,
    int Unauthenticated,
    int Authenticated,
    int PayloadBytes,
    int LegitimateConcurrency,
    TimeSpan LegitimateFor,
    int? ServerPid)
{
    public static AttackOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
        int Int(string name, int fallback) => Get(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        var options = new AttackOptions(
            new Uri(Get("--address") ?? "http://127.0.0.1:5000"),
            Get("--attacker-key"),
            Get("--key") ?? throw new ArgumentException("--key (the legitimate client's key) is required."),
            Int("--unauthenticated", 150),
            Int("--authenticated", 150),
            Int("--payload-bytes", 15_000_000),
            Int("--legitimate-concurrency", 2),
            TimeSpan.FromSeconds(Int("--legitimate-seconds", 60)),
            Get("--server-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
        // Attack traffic never leaves the machine.
        if (!options.Address.IsLoopback)
        {
            throw new ArgumentException($"--address must be a loopback address, not {options.Address}.");
        }

        return options;
    }
}
