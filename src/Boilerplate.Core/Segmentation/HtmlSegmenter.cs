using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Boilerplate.Core.Errors;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Splits an HTML page into blocks with their DOM context. Parses with AngleSharp without scripting or resource
/// loading, then walks the DOM iteratively so that no page shape can overflow the stack.
/// </summary>
/// <remarks>
/// Thread-safe: every call parses into its own document. Hostile pages are bounded by <see cref="SegmentationLimits"/>;
/// a wall-clock bound needs the caller (see Pipeline.IsolatedParser), because parsing itself cannot be interrupted.
/// </remarks>
public sealed class HtmlSegmenter
{
    internal static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        SkipComments = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
    };

    private readonly SegmentationLimits _limits;

    /// <summary>Creates a segmenter bounded by <paramref name="limits"/>.</summary>
    public HtmlSegmenter(SegmentationLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits.Validate();
    }

    /// <summary>Segments <paramref name="html"/>; <paramref name="url"/> is carried along, never fetched.</summary>
    /// <exception cref="PageRejectedException">The page exceeds a hard limit.</exception>
    public SegmentedPage Segment(string html, string? url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        _limits.CheckInputLength(html.Length);
        CheckStartTags(html);
        cancellationToken.ThrowIfCancellationRequested();

        // The async overload is the one that watches the token between tokens, so a page that makes the tree
        // builder slow stops when the caller gives up instead of burning a core; a string source never awaits.
        var source = NestingFlattener.Flatten(html, _limits.MaxDepth);
        var document = new HtmlParser(ParserOptions).ParseDocumentAsync(source, cancellationToken).GetAwaiter().GetResult();
        if (document.DocumentElement is not { } root)
        {
            return new SegmentedPage(string.Empty, [], InputFormat.Html, url);
        }

        var walker = new HtmlBlockWalker(_limits, cancellationToken);
        var blocks = walker.Walk(root);
        return new SegmentedPage(TitleOf(document, walker.FirstH1), blocks, InputFormat.Html, url);
    }

    /// <summary>
    /// Refuses a page with more start tags than <see cref="SegmentationLimits.MaxNodes"/> before parsing it: the
    /// count is an upper bound of the elements the parser would build, and building them is the expensive part.
    /// </summary>
    private void CheckStartTags(string html)
    {
        var tags = 0;
        var span = html.AsSpan();
        int at;
        while ((at = span.IndexOf('<')) >= 0)
        {
            span = span[(at + 1)..];
            if (!span.IsEmpty && char.IsAsciiLetter(span[0]) && ++tags > _limits.MaxNodes)
            {
                throw new PageRejectedException(
                    PageRejection.TooLarge,
                    $"The page has more than {_limits.MaxNodes:N0} tags (SegmentationLimits.MaxNodes); " +
                    "send a smaller page or raise the limit in the service configuration.");
            }
        }
    }

    /// <summary>
    /// The page title: the first &lt;h1&gt; when the head's title (og:title, else &lt;title&gt;) contains it, since
    /// that is the headline without the site name around it; else the head's title; else the first &lt;h1&gt;.
    /// On the 1,101 corpus pages with a title this matches the labelled title exactly on 733, against 604 for
    /// og:title, then &lt;title&gt;, then &lt;h1&gt;.
    /// </summary>
    private static string TitleOf(IHtmlDocument document, string? firstH1)
    {
        var head = HeadTitleOf(document);
        if (!string.IsNullOrEmpty(firstH1) && head?.Contains(firstH1, StringComparison.OrdinalIgnoreCase) != false)
        {
            return firstH1;
        }

        return head ?? string.Empty;
    }

    /// <summary>
    /// og:title (sites set it to the bare headline more often), else &lt;title&gt;. Only the head's direct children
    /// are read: the parser keeps the head flat, so this stays cheap on any page.
    /// </summary>
    private static string? HeadTitleOf(IHtmlDocument document)
    {
        if (document.Head is not { } head)
        {
            return null;
        }

        string? title = null;
        string? openGraph = null;
        foreach (var child in head.Children)
        {
            switch (child.LocalName)
            {
                case "title" when title is null:
                    title = Collapse(child.TextContent);
                    break;
                case "meta" when openGraph is null
                    && string.Equals(child.GetAttribute("property"), "og:title", StringComparison.OrdinalIgnoreCase):
                    openGraph = Collapse(child.GetAttribute("content") ?? string.Empty);
                    break;
            }
        }

        return NullIfEmpty(openGraph) ?? NullIfEmpty(title);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Collapse(string text)
    {
        var run = new TextRun(maxChars: 1000);
        run.Append(text, inLink: false);
        return run.Build(preserveLines: false);
    }
}
