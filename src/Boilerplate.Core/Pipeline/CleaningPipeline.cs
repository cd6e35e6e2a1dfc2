using System.Diagnostics;
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
            PageInput.Text { Content.Length: > 0 } text => SegmentText(() => _text.Segment(text.Content, input.Url)),
            PageInput.Paragraphs { Items.Count: > 0 } paragraphs => SegmentText(() => _text.FromParagraphs(paragraphs.Items, input.Url)),
            _ => throw new PageRejectedException(
                PageRejection.EmptyPage,
                "The request has no content: set one of html, html_bytes, text or paragraphs to a non-empty value."),
        };
    }

    /// <summary>Segments, repairs, scores and cleans <paramref name="input"/>.</summary>
    /// <exception cref="PageRejectedException">No content, over a limit, past the time budget, or options the model cannot honour.</exception>
    public CleanResult Clean(PageInput input, IBlockClassifier classifier, CleanOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(options);
        // Refused before any parsing, so a bad option costs nothing; the keep rule checks the same way after scoring.
        CleanOptionsValidator.Validate(options, classifier.Labels);
        using var activity = PipelineActivities.Start(PipelineActivities.Page);
        activity?.SetTag("boilerplate.input.kind", input.GetType().Name);
        activity?.SetTag("boilerplate.model.version", classifier.Version);
        try
        {
            // Text segmentation takes no token: a call whose deadline passed while it queued must not start.
            cancellationToken.ThrowIfCancellationRequested();
            var page = Segment(input, cancellationToken);
            activity?.SetTag("boilerplate.blocks", page.Blocks.Count);
            using (PipelineActivities.Start(PipelineActivities.Repair))
            {
                // Repaired before scoring: the model learned from undamaged text (docs/repair.md).
                page = PageRepairer.Repair(page, options.RepairText, TextRepairer.Default, cancellationToken);
            }

            PageScores scores;
            using (var score = PipelineActivities.Start(PipelineActivities.Score))
            {
                scores = classifier.Score(page, cancellationToken);
                score?.SetTag("boilerplate.blocks", scores.BlockCount);
                score?.SetTag("boilerplate.page.type", scores.PageType);
                score?.SetTag("boilerplate.model.version", classifier.Version);
            }

            CleanResult result;
            using (var clean = PipelineActivities.Start(PipelineActivities.Clean))
            {
                result = ArticleAssembler.Clean(page, scores, options, classifier.Version, cancellationToken);
                result = result with { Metadata = MetadataResolver.Resolve(page, result) };
                clean?.SetTag("boilerplate.paragraphs.kept", result.Blocks.Count(p => p.Kept));
                clean?.SetTag("boilerplate.text.chars", result.Text.Length);
            }

            var kept = result.Blocks.Count(p => p.Kept);
            activity?.SetTag("boilerplate.page.type", result.PageType);
            activity?.SetTag("boilerplate.paragraphs.kept", kept);
            _logger.LogDebug("Cleaned a {Format} page of {Blocks} blocks, kept {Kept}", page.Format, page.Blocks.Count, kept);
            return result;
        }
        catch (Exception e)
        {
            PipelineActivities.Failed(activity, e);
            throw;
        }
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

        // Parser threads do not inherit Activity.Current: their spans name the caller's as parent.
        var parent = Activity.Current?.Context ?? default;
        return _parser.Run(
            token =>
            {
                var text = html ?? Decode(bytes, contentType, parent);
                using var segment = PipelineActivities.Start(PipelineActivities.Segment, parent);
                segment?.SetTag("boilerplate.input.chars", text.Length);
                try
                {
                    var page = _html.Segment(text, url, token);
                    segment?.SetTag("boilerplate.blocks", page.Blocks.Count);
                    return page;
                }
                catch (Exception e)
                {
                    PipelineActivities.Failed(segment, e);
                    throw;
                }
            },
            _limits.ParseTimeout,
            cancellationToken);
    }

    private static string Decode(ReadOnlyMemory<byte> bytes, string? contentType, ActivityContext parent)
    {
        using var decode = PipelineActivities.Start(PipelineActivities.Decode, parent);
        decode?.SetTag("boilerplate.input.bytes", bytes.Length);
        var text = CharsetDecoder.Decode(bytes.Span, contentType);
        decode?.SetTag("boilerplate.input.chars", text.Length);
        return text;
    }

    private SegmentedPage SegmentText(Func<SegmentedPage> segment)
    {
        using var activity = PipelineActivities.Start(PipelineActivities.Segment);
        var page = segment();
        activity?.SetTag("boilerplate.blocks", page.Blocks.Count);
        return page;
    }
}
