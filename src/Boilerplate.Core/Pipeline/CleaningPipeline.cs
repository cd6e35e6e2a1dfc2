using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Decoding;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Core.Metadata;
using Boilerplate.Core.Model;
using Boilerplate.Core.Repair;
using Boilerplate.Core.Segmentation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Boilerplate.Core.Pipeline;

/// <summary>
/// The whole cleaning path for one page: decode, segment, score, clean. HTML work runs on an
/// <see cref="IsolatedParser"/> so that a hostile page costs at most its time budget and never the process.
/// One instance serves the whole process; it is thread-safe.
/// </summary>
public sealed class CleaningPipeline : IDisposable
{
    private readonly SegmentationLimits _limits;
    private readonly HtmlSegmenter _html;
    private readonly TextSegmenter _text;
    private readonly IsolatedParser _parser;
    private readonly ILogger<CleaningPipeline> _logger;

    /// <summary>Creates the pipeline with its own parser pool.</summary>
    public CleaningPipeline(SegmentationLimits limits, ILogger<CleaningPipeline>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits.Validate();
        _html = new HtmlSegmenter(_limits);
        _text = new TextSegmenter(_limits);
        _logger = logger ?? NullLogger<CleaningPipeline>.Instance;
        _parser = new IsolatedParser(logger: _logger);
    }

    /// <summary>Parser threads stuck on a page that would not stop; a health check can refuse traffic above a bound.</summary>
    public int AbandonedWorkers => _parser.AbandonedWorkers;

    /// <summary>Splits <paramref name="input"/> into blocks.</summary>
    /// <exception cref="PageRejectedException">No content, over a limit, or past the time budget.</exception>
    public SegmentedPage Segment(PageInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input switch
        {
            PageInput.Html { Content.Length: > 0 } html => SegmentHtml(html.Content, null, null, input.Url, cancellationToken),
            PageInput.HtmlBytes { Content.Length: > 0 } bytes => SegmentHtml(null, bytes.Content, bytes.ContentType, input.Url, cancellationToken),
            PageInput.Text { Content.Length: > 0 } text => _text.Segment(text.Content, input.Url),
            PageInput.Paragraphs { Items.Count: > 0 } paragraphs => _text.FromParagraphs(paragraphs.Items, input.Url),
            _ => throw new PageRejectedException(
                PageRejection.EmptyPage,
                "The request has no content: set one of html, html_bytes, text or paragraphs to a non-empty value."),
        };
    }

    /// <summary>Segments, repairs, scores and cleans <paramref name="input"/>.</summary>
    /// <exception cref="PageRejectedException">No content, over a limit, past the time budget, or options the model cannot honour.</exception>
    public CleanResult Clean(PageInput input, IBlockClassifier classifier, CleanOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(options);
        // Text segmentation takes no token: a call whose deadline passed while it queued must not start.
        cancellationToken.ThrowIfCancellationRequested();
        // Repaired before scoring: the model learned from undamaged text (docs/repair.md).
        var page = PageRepairer.Repair(Segment(input, cancellationToken), options.RepairText, TextRepairer.Default, cancellationToken);
        var scores = classifier.Score(page, cancellationToken);
        var result = Cleaner.Clean(page, scores, options, classifier.Version, cancellationToken);
        result = result with { Metadata = MetadataResolver.Resolve(page, result) };
        _logger.LogDebug(
            "Cleaned a {Format} page of {Blocks} blocks, kept {Kept}",
            page.Format, page.Blocks.Count, result.Paragraphs.Count(p => p.Kept));
        return result;
    }

    /// <summary>Stops the parser pool.</summary>
    public void Dispose() => _parser.Dispose();

    private SegmentedPage SegmentHtml(string? html, ReadOnlyMemory<byte> bytes, string? contentType, string? url, CancellationToken cancellationToken)
    {
        if (html is null && bytes.Length > 4L * _limits.MaxInputChars)
        {
            // Checked before decoding so an oversized body costs nothing; no encoding needs more than 4 bytes a char.
            _limits.CheckInputLength((int)Math.Min(bytes.Length / 4L, int.MaxValue));
        }

        return _parser.Run(
            token =>
            {
                var text = html ?? HtmlDecoder.Decode(bytes.Span, contentType);
                return _html.Segment(text, url, token);
            },
            _limits.ParseTimeout,
            cancellationToken);
    }
}
