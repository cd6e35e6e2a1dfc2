namespace Boilerplate.Bench;

/// <summary>Command-line options of the bench programs that do without System.CommandLine: "--name value" pairs, a bare "--flag" reading "true".</summary>
internal sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            values[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return new Arguments(values);
    }

    public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public bool Has(string name) => values.ContainsKey(name);
}
