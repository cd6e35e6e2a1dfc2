using BenchmarkDotNet.Attributes;
using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Benchmarks;

/// <summary>
/// The second stage alone on the default model: every context row of the median page scored by walking the trees
/// node by node (the baseline) and with the bitvector sums, which give the same probabilities.
/// </summary>
public class TreeBenchmarks
{
    private BoilerplateModel _model = null!;
    private TreeEnsembleScorer _trees = null!;
    private float[] _rows = [];
    private float[] _probabilities = [];
    private int _dimension;

    /// <summary>Loads the p50 page and the default model and builds the page's context rows.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var page = BenchmarkPages.Get("p50");
        var segmented = new HtmlSegmenter(SegmentationLimits.Default).Segment(Core.Decoding.CharsetDecoder.Decode(page.Bytes, null), null, CancellationToken.None);
        _model = BoilerplateModel.LoadDefault();
        _trees = (TreeEnsembleScorer)_model.Stages.Context;
        var prepared = new PreparedPage(segmented);
        _rows = _model.ContextFeatures(prepared, _model.ScoreFirstStage(prepared));
        _dimension = _model.ContextDimension;
        _probabilities = new float[prepared.Count * _trees.Labels];
        Console.WriteLine($"// p50: {page.Corpus}/{page.Id}, {prepared.Count} rows of {_dimension} features, {_trees.Labels} labels, {_trees.Nodes} nodes, bitvectors: {_trees.UsesBitvectors}");
    }

    /// <summary>Releases the model.</summary>
    [GlobalCleanup]
    public void Cleanup() => _model.Dispose();

    /// <summary>Every tree walked node by node for each row (the scorer before bitvectors).</summary>
    [Benchmark(Baseline = true)]
    public float[] Walk()
    {
        _trees.ScoreRows(_rows, _dimension, _probabilities, TreeSums.Walk);
        return _probabilities;
    }

    /// <summary>Bitvectors, sixteen rows as two 256-bit vectors (what hardware without 512-bit vectors runs).</summary>
    [Benchmark]
    public float[] Bitvectors256()
    {
        _trees.ScoreRows(_rows, _dimension, _probabilities, TreeSums.Vector256);
        return _probabilities;
    }

    /// <summary>Bitvectors in the widest vectors the hardware has: what <see cref="BoilerplateModel.Score"/> runs.</summary>
    [Benchmark]
    public float[] Bitvectors()
    {
        _trees.ScoreRows(_rows, _dimension, _probabilities);
        return _probabilities;
    }
}
