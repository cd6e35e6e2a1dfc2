using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;
using Boilerplate.Training;

namespace Boilerplate.Core.Tests.Model;

/// <summary>
/// The second stage sums its trees with bitvectors; these tests hold those sums to walking the trees node by node,
/// bit for bit, on the default model's real rows and on made-up trees of every shape the walk accepts.
/// </summary>
public sealed class FlatForestTests
{
    private static readonly float[] Thresholds = [-1f, 0f, 1e-7f, 0.25f, 0.5f, 1f, 3f];

    [Fact]
    [Trait("Category", "Functional")]
    public void Default_model_trees_fit_in_bitvectors()
    {
        // A retrained default with trees over 32 leaves would still score right, walked node by node, at about a third
        // of the speed; this says so without timing anything.
        using var model = BoilerplateModel.LoadDefault();
        var trees = Assert.IsType<TreeEnsembleScorer>(model.Stages.Context);
        Assert.True(trees.UsesBitvectors, "The default model's trees must have at most 32 leaves, or its pages are walked node by node.");
    }

    [Fact]
    [Trait("Category", "Functional")]
    [Trait("Category", "Quality")]
    public void Default_model_scores_real_rows_as_the_walk_does_bit_for_bit()
    {
        using var model = BoilerplateModel.LoadDefault();
        var trees = Assert.IsType<TreeEnsembleScorer>(model.Stages.Context);
        var dimension = model.ContextDimension;
        var k = trees.Labels;
        var segmenter = new HtmlSegmenter(SegmentationLimits.Default);
        var rowsCompared = 0;
        foreach (var corpus in LabelledDataset.DefaultCorpora)
        {
            foreach (var labelled in LabelledDataset.Load(SharedData.PathOf("datasets", corpus)).Take(8).Pages)
            {
                var prepared = new PreparedPage(segmenter.Segment(labelled.ReadHtml(), labelled.Url, CancellationToken.None));
                var dense = model.ContextFeatures(prepared, model.ScoreFirstStage(prepared));
                var n = prepared.Count;

                // The whole page at once, and its first rows in every count up to past a 32-row block.
                foreach (var rows in Enumerable.Range(1, Math.Min(n, 33)).Append(n).Distinct())
                {
                    var walked = new float[rows * k];
                    trees.ScoreRows(dense.AsSpan(0, rows * dimension), dimension, walked, TreeSums.Walk);
                    foreach (var method in new[] { TreeSums.Vector256, TreeSums.Widest })
                    {
                        var summed = new float[rows * k];
                        trees.ScoreRows(dense.AsSpan(0, rows * dimension), dimension, summed, method);
                        Assert.Equal(walked, summed);
                    }

                    var scored = new float[rows * k];
                    trees.ScoreRows(dense.AsSpan(0, rows * dimension), dimension, scored);
                    Assert.Equal(walked, scored);
                }

                rowsCompared += n;
            }
        }

        Assert.True(rowsCompared > 500, $"Only {rowsCompared} rows compared.");
    }

    [Fact]
    [Trait("Category", "Functional")]
    public void Default_model_scores_missing_and_extreme_features_as_the_walk_does()
    {
        using var model = BoilerplateModel.LoadDefault();
        var trees = Assert.IsType<TreeEnsembleScorer>(model.Stages.Context);
        var dimension = model.ContextDimension;
        var random = new Random(18);
        float[] odd = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, 0f, 1f, float.Epsilon, float.MaxValue];
        var rows = 41;
        var dense = new float[rows * dimension];
        for (var i = 0; i < dense.Length; i++)
        {
            dense[i] = random.Next(3) == 0 ? odd[random.Next(odd.Length)] : (float)random.NextDouble();
        }

        // Whole rows of NaN and of zeros too: every test fails, or every test on a probability passes.
        dense.AsSpan(0, dimension).Fill(float.NaN);
        dense.AsSpan(dimension, dimension).Fill(0f);
        var walked = new float[rows * trees.Labels];
        trees.ScoreRows(dense, dimension, walked, TreeSums.Walk);
        foreach (var method in new[] { TreeSums.Vector256, TreeSums.Widest })
        {
            var summed = new float[rows * trees.Labels];
            trees.ScoreRows(dense, dimension, summed, method);
            Assert.Equal(walked, summed);
        }

        Assert.DoesNotContain(walked, float.IsNaN);
    }

    [Fact]
    public void Made_up_trees_of_every_shape_sum_as_the_walk_does()
    {
        var random = new Random(2015);
        const int dimension = 5;
        for (var trial = 0; trial < 60; trial++)
        {
            // Sizes from a single leaf up to the 32 a uint holds, including the left- and right-leaning chains.
            var trees = Enumerable.Range(0, random.Next(1, 12)).Select(t => trial switch
            {
                0 => Chain(32, leftLeaning: true, random, dimension),
                1 => Chain(32, leftLeaning: false, random, dimension),
                _ => Grown(t % 5 == 0 ? 1 : random.Next(1, 33), random, dimension),
            }).ToList();
            var forest = Forest(trees, bias: random.NextDouble() - 0.5);
            Assert.True(forest.UsesBitvectors);
            AssertSameSums(forest, random, dimension);
        }
    }

    [Fact]
    public void Trees_past_32_leaves_are_walked_and_sum_the_same()
    {
        var random = new Random(33);
        const int dimension = 4;
        var forest = Forest([Grown(8, random, dimension), Grown(33, random, dimension), Grown(1, random, dimension)], bias: 0.125);
        Assert.False(forest.UsesBitvectors);
        AssertSameSums(forest, random, dimension);
    }

    [Fact]
    public void A_forest_of_only_single_leaf_trees_adds_their_leaves_to_the_bias()
    {
        var forest = Forest([new Tree([], [], [], [], [0.5]), new Tree([], [], [], [], [0.25])], bias: 1);
        Assert.True(forest.UsesBitvectors);
        foreach (var wide in new[] { false, true })
        {
            var sums = new double[19];
            forest.SumRows(new float[19 * 3], 3, sums, wide);
            Assert.All(sums, sum => Assert.Equal(1.75, sum));
        }
    }

    [Fact]
    public void A_row_shorter_than_the_features_the_trees_read_is_refused()
    {
        var forest = Forest([new Tree([4], [0.5f], [~0], [~1], [1, 2])], bias: 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => forest.SumRows(new float[8 * 4], 4, new double[8]));
    }

    private static void AssertSameSums(FlatForest forest, Random random, int dimension)
    {
        foreach (var rows in new[] { 1, 3, 8, 9, 15, 16, 17, 23, 32, 40 })
        {
            var dense = new float[rows * dimension];
            for (var i = 0; i < dense.Length; i++)
            {
                // Often exactly on a threshold (which goes left), sometimes NaN (which goes right).
                dense[i] = random.Next(10) switch
                {
                    0 => float.NaN,
                    < 6 => Thresholds[random.Next(Thresholds.Length)],
                    _ => (float)((random.NextDouble() * 5) - 1.5),
                };
            }

            var walked = new double[rows];
            forest.WalkRows(dense, dimension, walked);
            foreach (var wide in new[] { false, true })
            {
                var summed = new double[rows];
                forest.SumRows(dense, dimension, summed, wide);
                Assert.Equal(walked, summed);
            }
        }
    }

    /// <summary>A tree grown as FastTree grows one: a leaf at a time splits, keeping its number on the left.</summary>
    private static Tree Grown(int leaves, Random random, int dimension)
    {
        var left = new List<int>();
        var right = new List<int>();
        var parent = new List<(int Node, bool Left)> { (-1, false) };
        for (var node = 0; node < leaves - 1; node++)
        {
            var split = random.Next(node + 1);
            var (above, isLeft) = parent[split];
            if (above >= 0)
            {
                (isLeft ? left : right)[above] = node;
            }

            left.Add(~split);
            right.Add(~(node + 1));
            parent[split] = (node, true);
            parent.Add((node, false));
        }

        return Splits(left, right, random, dimension, leaves);
    }

    /// <summary>A tree whose every node has a leaf on one side and the next node on the other.</summary>
    private static Tree Chain(int leaves, bool leftLeaning, Random random, int dimension)
    {
        var left = new List<int>();
        var right = new List<int>();
        for (var node = 0; node < leaves - 1; node++)
        {
            var next = node == leaves - 2 ? ~(leaves - 1) : node + 1;
            left.Add(leftLeaning ? next : ~node);
            right.Add(leftLeaning ? ~node : next);
        }

        return Splits(left, right, random, dimension, leaves);
    }

    private static Tree Splits(List<int> left, List<int> right, Random random, int dimension, int leaves) => new(
        [.. left.Select(_ => random.Next(dimension))],
        [.. left.Select(_ => Thresholds[random.Next(Thresholds.Length)])],
        [.. left],
        [.. right],
        [.. Enumerable.Range(0, leaves).Select(_ => Math.Round(random.NextDouble() - 0.5, random.Next(1, 16)))]);

    /// <summary>Trees side by side in the forest's shared arrays, as the scorer lays out a model's trees.</summary>
    private static FlatForest Forest(IReadOnlyList<Tree> trees, double bias)
    {
        List<int> roots = [], leafOffsets = [], feature = [], left = [], right = [];
        List<float> threshold = [];
        List<double> leafValues = [];
        foreach (var tree in trees)
        {
            var offset = feature.Count;
            roots.Add(tree.Feature.Length == 0 ? ~0 : offset);
            leafOffsets.Add(leafValues.Count);
            feature.AddRange(tree.Feature);
            threshold.AddRange(tree.Threshold);
            left.AddRange(tree.Left.Select(c => c < 0 ? c : c + offset));
            right.AddRange(tree.Right.Select(c => c < 0 ? c : c + offset));
            leafValues.AddRange(tree.Leaves);
        }

        return new FlatForest([.. roots], [.. leafOffsets], [.. feature], [.. threshold], [.. left], [.. right], [.. leafValues], bias);
    }

    private sealed record Tree(int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Leaves);
}
