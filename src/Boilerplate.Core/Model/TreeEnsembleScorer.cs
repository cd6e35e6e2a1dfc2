using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Boilerplate.Core.Model;

/// <summary>
/// One calibrated boosted-tree ensemble per label (one label against the rest), read out of ML.NET's binary LightGBM
/// or FastTree model parameters; the per-label probabilities are normalised to sum 1. ML.NET's own multiclass tree
/// models score the per-label ensembles of every row in a <c>Parallel.For</c>, which for three labels costs more in
/// scheduling than the trees do and competes with the service's request threads; walking the flattened trees
/// inline costs well under a microsecond per block. A page's blocks are scored tree by tree (<see cref="ScoreRows"/>):
/// each tree's few nodes stay in cache while every block walks it, instead of all trees streaming through the cache
/// once per block.
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
    public void ScoreRows(ReadOnlySpan<float> rows, int dimension, Span<float> probabilities)
    {
        var n = rows.Length / dimension;
        var k = _ensembles.Length;
        var sums = n <= 256 ? stackalloc double[n] : new double[n];
        for (var label = 0; label < k; label++)
        {
            _ensembles[label].SumRows(rows, dimension, sums);
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

    /// <summary>
    /// All trees of one label in flat arrays. Node n tests features[Feature[n]] &lt;= Threshold[n] and goes to
    /// Left[n] or Right[n]; a negative child c is leaf ~c, whose value is in the tree's slice of LeafValues.
    /// </summary>
    private sealed class Ensemble
    {
        // The same nodes packed 16 bytes each, so a step of the walk touches one cache line instead of four arrays.
        private readonly Node[] _nodes;
        private readonly int[] _treeRoots;
        private readonly int[] _leafOffsets;
        private readonly int[] _feature;
        private readonly float[] _threshold;
        private readonly int[] _left;
        private readonly int[] _right;
        private readonly double[] _leafValues;
        private readonly double _bias;
        private readonly PlattCalibrator _calibrator;

        private Ensemble(int[] treeRoots, int[] leafOffsets, int[] feature, float[] threshold, int[] left, int[] right, double[] leafValues, double bias, PlattCalibrator calibrator)
        {
            _treeRoots = treeRoots;
            _leafOffsets = leafOffsets;
            _feature = feature;
            _threshold = threshold;
            _left = left;
            _right = right;
            _leafValues = leafValues;
            _bias = bias;
            _calibrator = calibrator;
            _nodes = new Node[feature.Length];
            for (var n = 0; n < _nodes.Length; n++)
            {
                _nodes[n] = new Node(feature[n], threshold[n], left[n], right[n]);
            }
        }

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

            return new Ensemble([.. roots], [.. leafOffsets], [.. feature], [.. threshold], [.. left], [.. right], [.. leafValues], ensemble.Bias, calibrator);
        }

        public float Score(ReadOnlySpan<float> features)
        {
            Span<double> sum = stackalloc double[1];
            SumRows(features, features.Length, sum);
            return Calibrate(sum[0]);
        }

        /// <summary>Adds up the trees for every row, tree by tree.</summary>
        public void SumRows(ReadOnlySpan<float> rows, int dimension, Span<double> sums)
        {
            sums.Fill(_bias);
            var nodes = _nodes;
            for (var t = 0; t < _treeRoots.Length; t++)
            {
                var root = _treeRoots[t];
                var leaves = _leafValues.AsSpan(_leafOffsets[t]);
                for (var r = 0; r < sums.Length; r++)
                {
                    var row = rows.Slice(r * dimension, dimension);
                    var node = root;
                    while (node >= 0)
                    {
                        ref readonly var split = ref nodes[node];
                        node = row[split.Feature] <= split.Threshold ? split.Left : split.Right;
                    }

                    sums[r] += leaves[~node];
                }
            }
        }

        public float Calibrate(double sum) => _calibrator.PredictProbability((float)sum);

        public void AddTo(IncrementalHash hash)
        {
            foreach (var array in new Array[] { _treeRoots, _leafOffsets, _feature, _left, _right })
            {
                hash.AppendData(MemoryMarshal.AsBytes(((int[])array).AsSpan()));
            }

            hash.AppendData(MemoryMarshal.AsBytes(_threshold.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(_leafValues.AsSpan()));
            hash.AppendData(BitConverter.GetBytes(_bias));
            hash.AppendData(BitConverter.GetBytes(_calibrator.Slope));
            hash.AppendData(BitConverter.GetBytes(_calibrator.Offset));
        }

        private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
    }
}
