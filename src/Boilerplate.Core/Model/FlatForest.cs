using System.Numerics;
using System.Runtime.CompilerServices;
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
/// the row exits at the lowest bit left. Every node is tested on 16 rows at a time side by side (one 512-bit or two
/// 256-bit vectors; 32 rows in two 512-bit vectors where there are enough), with no branch on the data, so the walk's
/// mispredicted branches are gone. The leaves are added in tree order, as the walk adds them, so both give the same
/// sums to the bit.
/// </remarks>
internal sealed class FlatForest
{
    /// <summary>Rows in a block tested side by side: one 512-bit or two 256-bit vectors of features or bitvectors.</summary>
    private const int Lanes = 16;

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

    /// <summary>Number of split nodes over all trees.</summary>
    public int Nodes => _feature.Length;

    /// <summary>Number of trees.</summary>
    public int Trees => _treeRoots.Length;

    /// <summary>Whether rows are summed with bitvectors (every tree has at most 32 leaves) rather than by walking.</summary>
    public bool UsesBitvectors => _tests is not null;

    /// <summary>Adds up the trees for every row of <paramref name="dimension"/> features, bias first, then tree by tree.</summary>
    public void SumRows(ReadOnlySpan<float> rows, int dimension, Span<double> sums) =>
        SumRows(rows, dimension, sums, Vector512.IsHardwareAccelerated);

    /// <summary>
    /// The same, in 512-bit vectors when <paramref name="wide"/> and the hardware has them, else in 256-bit ones;
    /// walked when there are no bitvectors or no hardware vectors.
    /// </summary>
    internal void SumRows(ReadOnlySpan<float> rows, int dimension, Span<double> sums, bool wide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(dimension, _maxFeature);
        if (_tests is null || !Vector256.IsHardwareAccelerated)
        {
            WalkRows(rows, dimension, sums);
            return;
        }

        SumRowsWithBitvectors(rows, dimension, sums, wide && Vector512.IsHardwareAccelerated);
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

    private void SumRowsWithBitvectors(ReadOnlySpan<float> rows, int dimension, Span<double> sums, bool wide)
    {
        var tests = _tests!;
        var testEnds = _testEnds!;
        var orderedLeaves = _orderedLeaves!;
        sums.Fill(_bias);

        // Sixteen rows at a time (thirty-two in two 512-bit vectors while more than sixteen are left), turned into
        // columns: feature f of the block's rows is at columns[f * width]. Every tree's exits are kept, then added up
        // tree by tree, so each loop stays small.
        var maxWidth = wide ? 2 * Lanes : Lanes;
        var columnCount = dimension * maxWidth;
        var exitCount = testEnds.Length * maxWidth;
        Span<float> columns = columnCount <= 4096 ? stackalloc float[columnCount] : new float[columnCount];
        Span<uint> exits = exitCount <= 8192 ? stackalloc uint[exitCount] : new uint[exitCount];
        ref var column0 = ref MemoryMarshal.GetReference(columns);
        ref var exit0 = ref MemoryMarshal.GetReference(exits);
        ref var test0 = ref MemoryMarshal.GetArrayDataReference(tests);
        ref var leaf0 = ref MemoryMarshal.GetArrayDataReference(orderedLeaves);
        for (var first = 0; first < sums.Length;)
        {
            var width = sums.Length - first > Lanes ? maxWidth : Lanes;
            var lanes = Math.Min(width, sums.Length - first);
            for (var lane = 0; lane < width; lane++)
            {
                // Lanes past the last row repeat the first row; their exits are not read.
                var row = rows.Slice((first + (lane < lanes ? lane : 0)) * dimension, dimension);
                for (var f = 0; f < dimension; f++)
                {
                    columns[(f * width) + lane] = row[f];
                }
            }

            for (var t = 0; t < testEnds.Length; t++)
            {
                ref var test = ref Unsafe.Add(ref test0, t == 0 ? 0 : testEnds[t - 1]);
                ref var end = ref Unsafe.Add(ref test0, testEnds[t]);
                ref var treeExits = ref Unsafe.Add(ref exit0, t * width);
                if (width > Lanes)
                {
                    Test512Twice(ref test, ref end, ref column0, ref treeExits);
                }
                else if (wide)
                {
                    Test512(ref test, ref end, ref column0, ref treeExits);
                }
                else
                {
                    Test256(ref test, ref end, ref column0, ref treeExits);
                }
            }

            AddLeaves(exits[..(testEnds.Length * width)], width, ref leaf0, sums.Slice(first, lanes));
            first += lanes;
        }
    }

    /// <summary>
    /// Tests one tree's nodes [test, end) on thirty-two rows as two 512-bit vectors (columns 32 wide), writing their
    /// exits: one read of each node for twice the rows.
    /// </summary>
    private static void Test512Twice(ref NodeTest test, ref NodeTest end, ref float column0, ref uint exits)
    {
        var low = Vector512<uint>.AllBitsSet;
        var high = Vector512<uint>.AllBitsSet;
        for (; Unsafe.IsAddressLessThan(ref test, ref end); test = ref Unsafe.Add(ref test, 1))
        {
            ref var x = ref Unsafe.Add(ref column0, 2 * test.Column);
            var threshold = Vector512.Create(test.Threshold);
            var mask = Vector512.Create(test.Mask);
            low = Vector512.ConditionalSelect(~Vector512.LessThanOrEqual(Vector512.LoadUnsafe(ref x), threshold).AsUInt32(), low & mask, low);
            high = Vector512.ConditionalSelect(~Vector512.LessThanOrEqual(Vector512.LoadUnsafe(ref x, (nuint)Lanes), threshold).AsUInt32(), high & mask, high);
        }

        low.StoreUnsafe(ref exits);
        high.StoreUnsafe(ref exits, (nuint)Lanes);
    }

    /// <summary>Tests one tree's nodes [test, end) on sixteen rows as one 512-bit vector, writing their exits.</summary>
    private static void Test512(ref NodeTest test, ref NodeTest end, ref float column0, ref uint exits)
    {
        var bits = Vector512<uint>.AllBitsSet;
        for (; Unsafe.IsAddressLessThan(ref test, ref end); test = ref Unsafe.Add(ref test, 1))
        {
            var x = Vector512.LoadUnsafe(ref Unsafe.Add(ref column0, test.Column));
            bits = Vector512.ConditionalSelect(~Vector512.LessThanOrEqual(x, Vector512.Create(test.Threshold)).AsUInt32(), bits & Vector512.Create(test.Mask), bits);
        }

        bits.StoreUnsafe(ref exits);
    }

    /// <summary>Tests one tree's nodes [test, end) on sixteen rows as two 256-bit vectors, writing their exits.</summary>
    private static void Test256(ref NodeTest test, ref NodeTest end, ref float column0, ref uint exits)
    {
        var low = Vector256<uint>.AllBitsSet;
        var high = Vector256<uint>.AllBitsSet;
        for (; Unsafe.IsAddressLessThan(ref test, ref end); test = ref Unsafe.Add(ref test, 1))
        {
            ref var x = ref Unsafe.Add(ref column0, test.Column);
            var threshold = Vector256.Create(test.Threshold);
            var mask = Vector256.Create(test.Mask);
            low &= Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref x), threshold).AsUInt32() | mask;
            high &= Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref x, (nuint)Vector256<float>.Count), threshold).AsUInt32() | mask;
        }

        low.StoreUnsafe(ref exits);
        high.StoreUnsafe(ref exits, (nuint)Vector256<uint>.Count);
    }

    /// <summary>
    /// Adds each tree's exit leaf to the sums of a block's rows, tree by tree for each row; four rows at once keep four
    /// running sums in registers, so one row's adds do not wait on each other.
    /// </summary>
    private static void AddLeaves(ReadOnlySpan<uint> exits, int width, ref double leaf0, Span<double> blockSums)
    {
        const int Rows = 4;
        var trees = exits.Length / width;
        Span<double> padded = stackalloc double[2 * Lanes];
        blockSums.CopyTo(padded);
        ref var exit0 = ref MemoryMarshal.GetReference(exits);
        for (var lane = 0; lane < blockSums.Length; lane += Rows)
        {
            double sum0 = padded[lane], sum1 = padded[lane + 1], sum2 = padded[lane + 2], sum3 = padded[lane + 3];
            ref var exit = ref Unsafe.Add(ref exit0, lane);
            ref var leaves = ref leaf0;
            for (var t = 0; t < trees; t++)
            {
                sum0 += Unsafe.Add(ref leaves, BitOperations.TrailingZeroCount(exit) & (MaxBitvectorLeaves - 1));
                sum1 += Unsafe.Add(ref leaves, BitOperations.TrailingZeroCount(Unsafe.Add(ref exit, 1)) & (MaxBitvectorLeaves - 1));
                sum2 += Unsafe.Add(ref leaves, BitOperations.TrailingZeroCount(Unsafe.Add(ref exit, 2)) & (MaxBitvectorLeaves - 1));
                sum3 += Unsafe.Add(ref leaves, BitOperations.TrailingZeroCount(Unsafe.Add(ref exit, 3)) & (MaxBitvectorLeaves - 1));
                exit = ref Unsafe.Add(ref exit, width);
                leaves = ref Unsafe.Add(ref leaves, MaxBitvectorLeaves);
            }

            padded[lane] = sum0;
            padded[lane + 1] = sum1;
            padded[lane + 2] = sum2;
            padded[lane + 3] = sum3;
        }

        padded[..blockSums.Length].CopyTo(blockSums);
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

    /// <summary>One node of the bitvector form: its feature's offset in the columns, threshold, and leaf mask (16 bytes, a shift apart).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 16)]
    private readonly record struct NodeTest(int Column, float Threshold, uint Mask);
}
