using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Boilerplate.Core.Model;

/// <summary>
/// The regression trees of one boosted ensemble in flat arrays, summed per row in tree order. Node n tests
/// features[Feature[n]] &lt;= Threshold[n] and goes to Left[n] or Right[n] (a NaN feature goes right); a negative child
/// c is leaf ~c, whose value is in the tree's slice of LeafValues; a tree without nodes is its leaf 0.
/// </summary>
/// <remarks>
/// Rows are summed with QuickScorer's bitvectors (Lucchese et al., SIGIR 2015) when every tree has at most 32 leaves:
/// a tree's leaves are numbered left to right, each node whose test fails clears the leaves of its left subtree, and
/// the row exits at the lowest bit left. Every node is tested, eight rows at a time side by side, with no branch on
/// the data, so the walk's mispredicted branches are gone. The leaves are added in tree order, as the walk adds them,
/// so both give the same sums to the bit.
/// </remarks>
internal sealed class FlatForest
{
    /// <summary>Rows tested side by side: one 256-bit vector of features or bitvectors.</summary>
    private const int Lanes = 8;

    /// <summary>The most leaves a tree can have for the bitvector path (one bit each in a uint).</summary>
    private const int MaxBitvectorLeaves = 32;

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
    private readonly int _maxFeature;

    // The bitvector form, null when a tree has more than 32 leaves: every tree's nodes in one run (tree t's end at
    // _testEnds[t]), and each tree's leaf values in 32 slots, left to right.
    private readonly NodeTest[]? _tests;
    private readonly int[]? _testEnds;
    private readonly double[]? _orderedLeaves;

    /// <summary>
    /// Takes the flat arrays as described on the type: <paramref name="treeRoots"/> and <paramref name="leafOffsets"/>
    /// one per tree, children as node indices into the shared arrays or ~leaf within the tree.
    /// </summary>
    public FlatForest(int[] treeRoots, int[] leafOffsets, int[] feature, float[] threshold, int[] left, int[] right, double[] leafValues, double bias)
    {
        ArgumentNullException.ThrowIfNull(treeRoots);
        ArgumentNullException.ThrowIfNull(leafOffsets);
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(leafValues);
        if (leafOffsets.Length != treeRoots.Length || threshold.Length != feature.Length || left.Length != feature.Length || right.Length != feature.Length)
        {
            throw new ArgumentException("The per-tree arrays and the per-node arrays must each have one length.");
        }

        _treeRoots = treeRoots;
        _leafOffsets = leafOffsets;
        _feature = feature;
        _threshold = threshold;
        _left = left;
        _right = right;
        _leafValues = leafValues;
        _bias = bias;
        _nodes = new Node[feature.Length];
        for (var n = 0; n < _nodes.Length; n++)
        {
            _nodes[n] = new Node(feature[n], threshold[n], left[n], right[n]);
        }

        _maxFeature = feature.Length == 0 ? -1 : feature.Max();
        (_tests, _testEnds, _orderedLeaves) = Bitvectors();
    }

    /// <summary>Number of trees.</summary>
    public int Trees => _treeRoots.Length;

    /// <summary>Whether rows are summed with bitvectors (every tree has at most 32 leaves) rather than by walking.</summary>
    public bool UsesBitvectors => _tests is not null;

    /// <summary>Adds up the trees for every row of <paramref name="dimension"/> features, bias first, then tree by tree.</summary>
    public void SumRows(ReadOnlySpan<float> rows, int dimension, Span<double> sums)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dimension, _maxFeature);
        if (_tests is null || !Vector256.IsHardwareAccelerated)
        {
            WalkRows(rows, dimension, sums);
            return;
        }

        SumRowsWithBitvectors(rows, dimension, sums);
    }

    /// <summary>The same sums by walking every tree node by node for each row: the reference for the bitvectors.</summary>
    public void WalkRows(ReadOnlySpan<float> rows, int dimension, Span<double> sums)
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

    /// <summary>Feeds the trees into <paramref name="hash"/> (part of the model's content hash; the order is fixed).</summary>
    public void AddTo(IncrementalHash hash)
    {
        foreach (var array in new[] { _treeRoots, _leafOffsets, _feature, _left, _right })
        {
            hash.AppendData(MemoryMarshal.AsBytes(array.AsSpan()));
        }

        hash.AppendData(MemoryMarshal.AsBytes(_threshold.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(_leafValues.AsSpan()));
        hash.AppendData(BitConverter.GetBytes(_bias));
    }

    private void SumRowsWithBitvectors(ReadOnlySpan<float> rows, int dimension, Span<double> sums)
    {
        var tests = _tests!;
        var testEnds = _testEnds!;
        var orderedLeaves = _orderedLeaves!;
        sums.Fill(_bias);

        // Eight rows at a time, turned into columns: feature f of the eight rows is one vector at columns[f * 8].
        var columnCount = dimension * Lanes;
        Span<float> columns = columnCount <= 1024 ? stackalloc float[columnCount] : new float[columnCount];
        Span<uint> exits = stackalloc uint[Lanes];
        ref var column0 = ref MemoryMarshal.GetReference(columns);
        for (var first = 0; first < sums.Length; first += Lanes)
        {
            var lanes = Math.Min(Lanes, sums.Length - first);
            for (var lane = 0; lane < Lanes; lane++)
            {
                // Lanes past the last row repeat the first row; their exits are not read.
                var row = rows.Slice((first + (lane < lanes ? lane : 0)) * dimension, dimension);
                for (var f = 0; f < dimension; f++)
                {
                    columns[(f * Lanes) + lane] = row[f];
                }
            }

            var node = 0;
            for (var t = 0; t < testEnds.Length; t++)
            {
                var bits = Vector256<uint>.AllBitsSet;
                for (var end = testEnds[t]; node < end; node++)
                {
                    ref readonly var test = ref tests[node];
                    var x = Vector256.LoadUnsafe(ref column0, (nuint)test.Column);
                    var passes = Vector256.LessThanOrEqual(x, Vector256.Create(test.Threshold)).AsUInt32();
                    bits &= passes | Vector256.Create(test.Mask);
                }

                bits.CopyTo(exits);
                var leaves = orderedLeaves.AsSpan(t * MaxBitvectorLeaves, MaxBitvectorLeaves);
                for (var lane = 0; lane < lanes; lane++)
                {
                    sums[first + lane] += leaves[BitOperations.TrailingZeroCount(exits[lane])];
                }
            }
        }
    }

    /// <summary>
    /// Numbers each tree's leaves left to right and gives every node the mask that clears its left subtree's leaves;
    /// null when a tree has more leaves than a uint has bits, or its nodes do not form a tree from its root.
    /// </summary>
    private (NodeTest[]?, int[]?, double[]?) Bitvectors()
    {
        var tests = new List<NodeTest>(_feature.Length);
        var testEnds = new int[_treeRoots.Length];
        var orderedLeaves = new double[_treeRoots.Length * MaxBitvectorLeaves];
        var pending = new Stack<(int Child, bool Exit)>();
        var leftStart = new int[_feature.Length];
        leftStart.AsSpan().Fill(-1);
        for (var t = 0; t < _treeRoots.Length; t++)
        {
            // Depth first, left before right: leaves are met left to right; a node's left subtree holds the leaves
            // met between entering the node and leaving its left child.
            var leafCount = 0;
            pending.Push((_treeRoots[t], false));
            while (pending.Count > 0)
            {
                var (child, exit) = pending.Pop();
                if (exit)
                {
                    // Leaving node `child`'s left subtree: clear its leaves [leftStart, leafCount) in this node's mask.
                    var from = leftStart[child];
                    var width = leafCount - from;
                    var cleared = (width == 32 ? uint.MaxValue : ((1u << width) - 1)) << from;
                    tests.Add(new NodeTest(_feature[child] * Lanes, _threshold[child], ~cleared));
                    continue;
                }

                if (child < 0)
                {
                    if (leafCount == MaxBitvectorLeaves)
                    {
                        return (null, null, null);
                    }

                    orderedLeaves[(t * MaxBitvectorLeaves) + leafCount] = _leafValues[_leafOffsets[t] + ~child];
                    leafCount++;
                    continue;
                }

                if (leftStart[child] >= 0 || _feature[child] < 0)
                {
                    return (null, null, null);
                }

                leftStart[child] = leafCount;
                pending.Push((_right[child], false));
                pending.Push((child, true));
                pending.Push((_left[child], false));
            }

            testEnds[t] = tests.Count;
        }

        return ([.. tests], testEnds, orderedLeaves);
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);

    /// <summary>One node of the bitvector form: its feature's offset in the columns, threshold, and leaf mask.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct NodeTest(int Column, float Threshold, uint Mask);
}
