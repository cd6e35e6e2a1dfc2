using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Decoding;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Metadata;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Fuzz;

/// <summary>
/// One fuzz iteration: the bytes a scraper might send, through the same decode → parse → segment path the
/// service takes (which reads the page metadata too), then through the JSON-LD reader and the date and language parsers. Refusing a page (<see cref="PageRejectedException"/>) is a correct outcome; any other exception,
/// a broken limit, a stack overflow or a hang is a finding.
/// </summary>
internal static class FuzzTarget
{
    // Smaller than the defaults so a single input can reach every limit within AFL's per-run time budget.
    private static readonly SegmentationLimits Limits = SegmentationLimits.Default with
    {
        MaxInputChars = 256 * 1024,
        MaxNodes = 20_000,
        MaxDepth = 64,
        MaxBlocks = 2_000,
        MaxBlockChars = 4_000,
    };

    private static readonly HtmlSegmenter Html = new(Limits);
    private static readonly TextSegmenter Text = new(Limits);

    public static void Run(ReadOnlySpan<byte> input)
    {
        // The first line, when it looks like one, is the Content-Type header, so charset labels get fuzzed too.
        string? contentType = null;
        var newline = input.IndexOf((byte)'\n');
        if (newline is > 0 and < 100 && input.StartsWith("text/"u8))
        {
            contentType = System.Text.Encoding.ASCII.GetString(input[..newline]);
            input = input[(newline + 1)..];
        }

        var decoded = HtmlDecoder.Decode(input, contentType);
        Check(() => Html.Segment(decoded, "https://example.test/page", CancellationToken.None));
        Check(() => Text.Segment(decoded, url: null));

        // The input as a JSON-LD script on its own, and as date and language strings: metadata is attack surface too.
        CheckMetadata(JsonLdReader.Read([decoded], "https://example.test/page").Metadata);
        _ = LenientDate.Parse(decoded.Length > 100 ? decoded[..100] : decoded);
        _ = LenientDate.Find(decoded);
        _ = LanguageTag.Normalize(decoded);
        _ = LanguageDetector.Default.Detect(decoded);
    }

    private static void CheckMetadata(PageMetadata metadata)
    {
        if (metadata.Authors.Count > MetadataText.MaxItems || metadata.Tags.Count > MetadataText.MaxItems
            || metadata.Authors.Any(author => author.Length > MetadataText.MaxNameChars)
            || metadata.Description.Length > MetadataText.MaxDescriptionChars)
        {
            throw new InvalidOperationException("Page metadata over its bounds.");
        }
    }

    private static void Check(Func<SegmentedPage> segment)
    {
        SegmentedPage page;
        try
        {
            page = segment();
        }
        catch (PageRejectedException)
        {
            return;
        }

        CheckMetadata(page.Markup);
        if (page.Blocks.Count > Limits.MaxBlocks)
        {
            throw new InvalidOperationException($"{page.Blocks.Count} blocks, over MaxBlocks {Limits.MaxBlocks}.");
        }

        foreach (var block in page.Blocks)
        {
            if (block.Text.Length > Limits.MaxBlockChars)
            {
                throw new InvalidOperationException($"A block of {block.Text.Length} chars, over MaxBlockChars {Limits.MaxBlockChars}.");
            }

            foreach (var span in block.Inlines ?? [])
            {
                if (span.Start < 0 || span.End < span.Start || span.End > block.Text.Length)
                {
                    throw new InvalidOperationException($"Span {span.Start}..{span.End} outside a block of {block.Text.Length} chars.");
                }
            }
        }

        // Rendering is attack surface too: it must finish, and the HTML may never carry a script or a script URL.
        MarkdownRenderer.Render(page.Blocks, page.Title, page.BaseUri);
        var html = HtmlRenderer.Render(page.Blocks, page.Title, page.BaseUri);
        if (html.Contains("<script", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Rendered HTML carries a script.");
        }

        foreach (var attribute in (ReadOnlySpan<string>)[" href=\"", " src=\""])
        {
            for (var at = html.IndexOf(attribute, StringComparison.Ordinal); at >= 0; at = html.IndexOf(attribute, at + 1, StringComparison.Ordinal))
            {
                var url = html.AsSpan(at + attribute.Length);
                if (!url.StartsWith("http://") && !url.StartsWith("https://") && !url.StartsWith("mailto:"))
                {
                    throw new InvalidOperationException($"Rendered HTML carries a URL that is not http(s) or mailto: {url[..Math.Min(40, url.Length)]}");
                }
            }
        }
    }
}
