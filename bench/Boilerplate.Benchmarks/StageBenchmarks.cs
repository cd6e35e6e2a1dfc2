using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Boilerplate.Core.Decoding;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Benchmarks;

/// <summary>
/// Each stage of cleaning one page, measured on its own with its inputs prepared in setup, so the means add up to
/// (roughly) the end-to-end cost and show where the time goes.
/// </summary>
public class StageBenchmarks
{
    private byte[] _bytes = [];
    private string _html = string.Empty;
    private IHtmlDocument _document = null!;
    private HtmlSegmenter _segmenter = null!;

    /// <summary>Page size class: p10, p50 or p90 of the dataset's page sizes.</summary>
    [ParamsSource(nameof(Sizes))]
    public string Page { get; set; } = "p50";

    /// <summary>The size classes.</summary>
    public static IEnumerable<string> Sizes => BenchmarkPages.Sizes;

    /// <summary>Loads the page and runs the stages once to build each stage's input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var page = BenchmarkPages.Get(Page);
        Console.WriteLine($"// {Page}: {page.Corpus}/{page.Id}, {page.Bytes.Length / 1024.0:F0} KiB");
        _bytes = page.Bytes;
        _html = HtmlDecoder.Decode(_bytes, null);
        _document = new HtmlParser(HtmlSegmenter.ParserOptions).ParseDocument(_html);
        _segmenter = new HtmlSegmenter(SegmentationLimits.Default);
    }

    /// <summary>Bytes to text: charset detection and decoding.</summary>
    [Benchmark]
    public string Decode() => HtmlDecoder.Decode(_bytes, null);

    /// <summary>Text to DOM (AngleSharp), with the segmenter's parser options.</summary>
    [Benchmark]
    public IHtmlDocument Parse() => new HtmlParser(HtmlSegmenter.ParserOptions).ParseDocument(_html);

    /// <summary>DOM to blocks: the iterative walk alone, on an already parsed page.</summary>
    [Benchmark]
    public int Walk() => new HtmlBlockWalker(SegmentationLimits.Default, CancellationToken.None).Walk(_document.DocumentElement).Count;

    /// <summary>Text to blocks: parse and walk together, as the pipeline runs them.</summary>
    [Benchmark]
    public SegmentedPage Segment() => _segmenter.Segment(_html, null, CancellationToken.None);
}
