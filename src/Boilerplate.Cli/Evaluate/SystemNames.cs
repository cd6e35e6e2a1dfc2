using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Evaluate;

/// <summary>How our two models are named in reports, so the table, the JSON and the gate agree.</summary>
internal static class SystemNames
{
    /// <summary>The evaluated model (--model, or the default one), in any mode.</summary>
    public const string OursModel = "ours";

    /// <summary>The serving model (--against), in any mode.</summary>
    public const string CurrentModel = "current";

    /// <summary>The evaluated model (--model, or the default one) in <paramref name="mode"/>.</summary>
    public static string Ours(EvaluationMode mode) => $"{OursModel}-{ModeName(mode)}";

    /// <summary>The serving model it is compared with (--against) in <paramref name="mode"/>.</summary>
    public static string Current(EvaluationMode mode) => $"{CurrentModel}-{ModeName(mode)}";

    /// <summary>"html", "text", "text-nodes" or "text-source".</summary>
    public static string ModeName(EvaluationMode mode) => mode.Name();
}
