using BenchmarkDotNet.Attributes;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Decoding;
using Boilerplate.Core.Features;
using Boilerplate.Core.Input;
using Boilerplate.Core.Metadata;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;
using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Benchmarks;

/// <summary>
/// Each stage of cleaning one page, measured on its own with its inputs prepared in setup, so the means show where
/// the time goes: decode, parse + walk (= segment), text features, first stage (features + linear scores),
/// context features, full scoring (both stages), clean to text or Markdown, metadata, and the whole pipeline from bytes.
/// </summary>
public class StageBenchmarks
{
    private static readonly CleanOptions WithMarkdown = CleanOptions.Default with { IncludeMarkdown = true };

    private byte[] _bytes = [];
    private string _html = string.Empty;
    private LiteDocument _document = null!;
    private HtmlSegmenter _segmenter = null!;
    private SegmentedPage _page = null!;
    private PreparedPage _prepared = null!;
    private TextFeatureExtractor _textFeatures = null!;
    private float[] _firstStage = [];
    private PageScores _scores = null!;
    private CleanResult _cleaned = null!;
    private BoilerplateModel _model = null!;
    private CleaningPipeline _pipeline = null!;

    /// <summary>Page size class: p10, p50 or p90 of the dataset's page sizes.</summary>
    [ParamsSource(nameof(Sizes))]
    public string Page { get; set; } = "p50";

    /// <summary>The size classes.</summary>
    public static IEnumerable<string> Sizes => BenchmarkPages.Sizes;

    /// <summary>Loads the page and model, and runs the stages once to build each stage's input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var page = BenchmarkPages.Get(Page);
        _bytes = page.Bytes;
        _html = CharsetDecoder.Decode(_bytes, null);
        _document = LiteTreeBuilder.Parse(_html, SegmentationLimits.Default, CancellationToken.None);
        _segmenter = new HtmlSegmenter(SegmentationLimits.Default);
        _page = _segmenter.Segment(_html, null, CancellationToken.None);
        _model = BoilerplateModel.LoadDefault();
        _prepared = new PreparedPage(_page);
        _textFeatures = new TextFeatureExtractor(_model.FeatureGroups);
        _firstStage = _model.ScoreFirstStage(_prepared);
        _scores = _model.Score(_page, CancellationToken.None);
        _cleaned = ArticleAssembler.Clean(_page, _scores, CleanOptions.Default, _model.Version, CancellationToken.None);
        _pipeline = new CleaningPipeline(SegmentationLimits.Default);
        Console.WriteLine($"// {Page}: {page.Corpus}/{page.Id}, {page.Bytes.Length / 1024.0:F0} KiB, {_page.Blocks.Count} blocks");
    }

    /// <summary>Releases the parser pool and the parsed page.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _document.Dispose();
        _pipeline.Dispose();
        _model.Dispose();
    }

    /// <summary>Bytes to text: charset detection and decoding.</summary>
    [Benchmark]
    public string Decode() => CharsetDecoder.Decode(_bytes, null);

    /// <summary>Text to element tree (tokenize + tree building), the document returned to the pools right away.</summary>
    [Benchmark]
    public int Parse()
    {
        using var document = LiteTreeBuilder.Parse(_html, SegmentationLimits.Default, CancellationToken.None);
        return document.NodeCount;
    }

    /// <summary>Tree to blocks: the iterative walk alone, on an already parsed page.</summary>
    [Benchmark]
    public int Walk() => new HtmlBlockWalker(SegmentationLimits.Default, CancellationToken.None).Walk(_document.Root).Count;

    /// <summary>Text to blocks: parse and walk together, as the pipeline runs them.</summary>
    [Benchmark]
    public SegmentedPage Segment() => _segmenter.Segment(_html, null, CancellationToken.None);

    /// <summary>Page statistics and the hashed text features of every block (no scoring).</summary>
    [Benchmark]
    public int Features()
    {
        var prepared = new PreparedPage(_page);
        var features = new SparseFeatures();
        var total = 0;
        for (var i = 0; i < prepared.Count; i++)
        {
            _textFeatures.Extract(prepared, i, features);
            total += features.Count;
        }

        return total;
    }

    /// <summary>First stage: text features and the linear model's scores for every block.</summary>
    [Benchmark]
    public float[] FirstStage() => _model.ScoreFirstStage(_prepared);

    /// <summary>Second-stage inputs: neighbours' first-stage scores, page facts and the page's type per block.</summary>
    [Benchmark]
    public float[] ContextFeatures() => _model.ContextFeatures(_prepared, _firstStage);

    /// <summary>Both stages, as the pipeline scores a page (first stage + context features + second-stage trees).</summary>
    [Benchmark]
    public PageScores Score() => _model.Score(_page, CancellationToken.None);

    /// <summary>Keep decisions, duplicate removal and the text output.</summary>
    [Benchmark]
    public CleanResult CleanText() => ArticleAssembler.Clean(_page, _scores, CleanOptions.Default, _model.Version, CancellationToken.None);

    /// <summary>The same with Markdown rendered too.</summary>
    [Benchmark]
    public CleanResult CleanMarkdown() => ArticleAssembler.Clean(_page, _scores, WithMarkdown, _model.Version, CancellationToken.None);

    /// <summary>Metadata after cleaning: the markup's, then the byline and dateline text, and the language detected when undeclared.</summary>
    [Benchmark]
    public PageMetadata Metadata() => MetadataResolver.Resolve(_page, _cleaned);

    /// <summary>The whole pipeline from fetched bytes, including the hand-off to the isolated parser thread.</summary>
    [Benchmark]
    public CleanResult EndToEnd() =>
        _pipeline.Clean(new PageInput.HtmlBytes(_bytes, null), _model, CleanOptions.Default, CancellationToken.None);
}
