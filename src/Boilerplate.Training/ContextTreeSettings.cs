using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Boilerplate.Training;

/// <summary>
/// What the context stage's tree learners are told alike, written once, so that choosing FastTree or LightGBM
/// (<see cref="ContextTrainer"/>) changes the algorithm and nothing else. Each call gives fresh options for one fit.
/// </summary>
/// <param name="Label">Column of the label (one label against the rest).</param>
/// <param name="Features">Column of the context features.</param>
/// <param name="Weight">Column of the example weight.</param>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="LearningRate">Shrinkage per round.</param>
/// <param name="Seed">Seed of the learner's random choices.</param>
internal sealed record ContextTreeSettings(string Label, string Features, string Weight, int Trees, int Leaves, double LearningRate, int Seed)
{
    /// <summary>Fewest examples in a leaf: a smaller leaf learns one page's quirks rather than a pattern.</summary>
    public const int MinimumExamplesPerLeaf = 20;

    /// <summary>One thread per fit: the labels' fits already run side by side, and one thread keeps each fit deterministic.</summary>
    public const int Threads = 1;

    /// <summary>Options for one FastTree binary fit.</summary>
    public FastTreeBinaryTrainer.Options FastTree() => WithColumns(new FastTreeBinaryTrainer.Options
    {
        NumberOfTrees = Trees,
        NumberOfLeaves = Leaves,
        MinimumExampleCountPerLeaf = MinimumExamplesPerLeaf,
        LearningRate = LearningRate,
        NumberOfThreads = Threads,
        Seed = Seed,
    });

    /// <summary>Options for one LightGBM binary fit.</summary>
    public LightGbmBinaryTrainer.Options LightGbm() => WithColumns(new LightGbmBinaryTrainer.Options
    {
        NumberOfIterations = Trees,
        NumberOfLeaves = Leaves,
        MinimumExampleCountPerLeaf = MinimumExamplesPerLeaf,
        LearningRate = LearningRate,
        NumberOfThreads = Threads,
        Seed = Seed,
        Silent = true,
    });

    private T WithColumns<T>(T options)
        where T : TrainerInputBaseWithWeight
    {
        options.LabelColumnName = Label;
        options.FeatureColumnName = Features;
        options.ExampleWeightColumnName = Weight;
        return options;
    }
}
