namespace Boilerplate.Cli.Evaluate;

/// <summary>Which pages of each corpus are evaluated (the fixed split of Training.DatasetSplit).</summary>
internal enum EvaluationSplit
{
    /// <summary>The held-out pages: the honest figure.</summary>
    Dev,

    /// <summary>The pages models train on: a fit check.</summary>
    Train,

    /// <summary>Every page.</summary>
    All,
}
