using System.Security.Cryptography;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Boilerplate.Core.Model;

/// <summary>
/// One calibrated boosted-tree ensemble per label (one label against the rest), read out of ML.NET's binary LightGBM
/// or FastTree model parameters; the per-label probabilities are normalised to sum 1. ML.NET's own multiclass tree
/// models score the per-label ensembles of every row in a <c>Parallel.For</c>, which for three labels costs more in
/// scheduling than the trees do and competes with the service's request threads; the flattened trees are summed
/// inline (<see cref="FlatForest"/>: 16 or 32 blocks at a time through every tree's nodes, with no branch on the data).
/// </summary>
internal sealed class TreeEnsembleScorer : IRowScorer
{
    private readonly Ensemble[] _ensembles;

    private TreeEnsembleScorer(Ensemble[] ensembles)
    {
        _ensembles = ensembles;
    }

    /// <inheritdoc />
    public int Labels => _ensembles.Length;

    /// <summary>Reads one binary model per label; null when one of them is not a calibrated tree ensemble.</summary>
    public static TreeEnsembleScorer? TryFrom(IReadOnlyList<object> perLabel)
    {
        ArgumentNullException.ThrowIfNull(perLabel);
        var ensembles = new Ensemble[perLabel.Count];
        for (var i = 0; i < ensembles.Length; i++)
        {
            switch (perLabel[i])
            {
                case CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> lightGbm:
                    ensembles[i] = Ensemble.From(lightGbm.SubModel.TrainedTreeEnsemble, lightGbm.Calibrator);
                    break;
                case CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> fastTree:
                    ensembles[i] = Ensemble.From(fastTree.SubModel.TrainedTreeEnsemble, fastTree.Calibrator);
                    break;
                default:
                    return null;
            }
        }

        return new TreeEnsembleScorer(ensembles);
    }

    /// <inheritdoc />
    public void Score(ReadOnlySpan<float> features, Span<float> probabilities)
    {
        for (var k = 0; k < _ensembles.Length; k++)
        {
            probabilities[k] = _ensembles[k].Score(features);
        }

        Probabilities.Normalise(probabilities[.._ensembles.Length]);
    }

    /// <inheritdoc />
    public void ScoreRows(ReadOnlySpan<float> rows, int dimension, Span<float> probabilities) =>
        ScoreRows(rows, dimension, probabilities, TreeSums.Widest);

    /// <summary>
    /// <see cref="ScoreRows(ReadOnlySpan{float}, int, Span{float})"/> with the trees summed as <paramref name="method"/>
    /// says: walking them node by node is the reference the bitvector sums are held to, bit for bit.
    /// </summary>
    internal void ScoreRows(ReadOnlySpan<float> rows, int dimension, Span<float> probabilities, TreeSums method)
    {
        var n = rows.Length / dimension;
        var k = _ensembles.Length;
        var sums = n <= 256 ? stackalloc double[n] : new double[n];
        for (var label = 0; label < k; label++)
        {
            var forest = _ensembles[label].Forest;
            if (method == TreeSums.Walk)
            {
                forest.WalkRows(rows, dimension, sums);
            }
            else
            {
                forest.SumRows(rows, dimension, sums, wide: method == TreeSums.Widest);
            }

            for (var i = 0; i < n; i++)
            {
                probabilities[(i * k) + label] = _ensembles[label].Calibrate(sums[i]);
            }
        }

        for (var i = 0; i < n; i++)
        {
            Probabilities.Normalise(probabilities.Slice(i * k, k));
        }
    }

    /// <summary>Split nodes over all labels' trees: the tests a row takes with bitvectors.</summary>
    internal int Nodes => _ensembles.Sum(ensemble => ensemble.Forest.Nodes);

    /// <summary>Whether every label's trees are summed with bitvectors (see <see cref="FlatForest"/>), not walked.</summary>
    internal bool UsesBitvectors => _ensembles.All(ensemble => ensemble.Forest.UsesBitvectors);

    /// <summary>The calibrated probability of label <paramref name="label"/> alone, before normalisation.</summary>
    public float LabelProbability(int label, ReadOnlySpan<float> features) => _ensembles[label].Score(features);

    /// <inheritdoc />
    public void AddTo(IncrementalHash hash)
    {
        foreach (var ensemble in _ensembles)
        {
            ensemble.AddTo(hash);
        }
    }

    /// <summary>One label's trees and the Platt calibration of their sum.</summary>
    private sealed class Ensemble(FlatForest forest, PlattCalibrator calibrator)
    {
        public FlatForest Forest => forest;

        public static Ensemble From(RegressionTreeEnsemble ensemble, PlattCalibrator calibrator)
        {
            List<int> roots = [], leafOffsets = [], feature = [], left = [], right = [];
            List<float> threshold = [];
            List<double> leafValues = [];
            for (var t = 0; t < ensemble.Trees.Count; t++)
            {
                var tree = ensemble.Trees[t];
                if (tree.CategoricalSplitFlags.Any(flag => flag))
                {
                    throw new NotSupportedException("Categorical tree splits are not used by this model's features.");
                }

                var weight = ensemble.TreeWeights[t];
                var nodeOffset = feature.Count;
                roots.Add(tree.NumberOfNodes == 0 ? ~0 : nodeOffset);
                leafOffsets.Add(leafValues.Count);
                for (var n = 0; n < tree.NumberOfNodes; n++)
                {
                    feature.Add(tree.NumericalSplitFeatureIndexes[n]);
                    threshold.Add(tree.NumericalSplitThresholds[n]);
                    left.Add(tree.LeftChild[n] < 0 ? tree.LeftChild[n] : tree.LeftChild[n] + nodeOffset);
                    right.Add(tree.RightChild[n] < 0 ? tree.RightChild[n] : tree.RightChild[n] + nodeOffset);
                }

                leafValues.AddRange(tree.LeafValues.Select(v => v * weight));
            }

            var forest = new FlatForest([.. roots], [.. leafOffsets], [.. feature], [.. threshold], [.. left], [.. right], [.. leafValues], ensemble.Bias);
            return new Ensemble(forest, calibrator);
        }

        public float Score(ReadOnlySpan<float> features)
        {
            Span<double> sum = stackalloc double[1];
            forest.SumRows(features, features.Length, sum);
            return Calibrate(sum[0]);
        }

        public float Calibrate(double sum) => calibrator.PredictProbability((float)sum);

        public void AddTo(IncrementalHash hash)
        {
            forest.AddTo(hash);
            hash.AppendData(BitConverter.GetBytes(calibrator.Slope));
            hash.AppendData(BitConverter.GetBytes(calibrator.Offset));
        }
    }
}

/// <summary>How <see cref="TreeEnsembleScorer"/> sums a label's trees (all give the same sums to the bit).</summary>
internal enum TreeSums
{
    /// <summary>Every tree walked node by node for each row.</summary>
    Walk,

    /// <summary>Bitvectors, sixteen rows as two 256-bit vectors.</summary>
    Vector256,

    /// <summary>Bitvectors in the widest vectors the hardware has (512 bits where it has them): what scoring runs.</summary>
    Widest,
}
