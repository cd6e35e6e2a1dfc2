using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Decoding;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Metadata;
using Boilerplate.Core.Model;
using Boilerplate.Core.Repair;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Fuzz;

/// <summary>
/// One fuzz iteration: the bytes a scraper might send, through the same decode → parse → segment path the
/// service takes (which reads the page metadata too), then text repair, cleaning with scores drawn from the input,
/// the metadata resolver and the Markdown and HTML renderers over every block; then the decoded text alone through
/// repair, the JSON-LD reader and the date and language parsers. Refusing a page (<see cref="PageRejectedException"/>)
/// is a correct outcome; any other exception, a broken limit or invariant, a stack overflow or a hang is a finding.
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

    // Cleaning as the service does with every output asked for; the bias rule runs the article and comment passes.
    private static readonly CleanOptions Options = CleanOptions.Default with { IncludeMarkdown = true, IncludeHtml = true };

    // Repairing a whole 256 KiB text in ON mode is the page budget's job; the prefix keeps one run fast.
    private const int MaxRepairChars = 16 * 1024;

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

        var decoded = CharsetDecoder.Decode(input, contentType);
        Check(() => Html.Segment(decoded, "https://example.test/page", CancellationToken.None));
        Check(() => Text.Segment(decoded, url: null));

        // The decoded text as one paragraph, forced through every repair (ON) and as a page decides (AUTO).
        var prefix = decoded.Length > MaxRepairChars ? decoded[..MaxRepairChars] : decoded;
        CheckRepair(prefix, TextRepairer.Default.Repair(prefix, TextRepairer.Plan([prefix], RepairMode.On, CancellationToken.None)));
        CheckRepair(prefix, TextRepairer.Default.Repair(prefix, TextRepairer.Plan([prefix], RepairMode.Auto, CancellationToken.None)));

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
        CheckHtml(HtmlRenderer.Render(page.Blocks, page.Title, page.BaseUri));

        // Repair as the pipeline does before scoring (AUTO), and forced (ON) so every repair path runs on every page;
        // both from the segmented page, whose blocks carry no repairs yet. Cleaning then takes the forced one.
        var segmented = page;
        foreach (var mode in (ReadOnlySpan<RepairMode>)[RepairMode.Auto, RepairMode.On])
        {
            var repaired = PageRepairer.Repair(segmented, mode, TextRepairer.Default, CancellationToken.None);
            if (repaired.Blocks.Count != segmented.Blocks.Count || Runes(repaired.Title) > Runes(segmented.Title))
            {
                throw new InvalidOperationException("Repair changed the block count or lengthened the title.");
            }

            for (var i = 0; i < segmented.Blocks.Count; i++)
            {
                CheckRepair(segmented.Blocks[i].Text, new RepairedText(repaired.Blocks[i].Text, repaired.Blocks[i].Repairs));
                var (cells, repairedCells) = (segmented.Blocks[i].Cells, repaired.Blocks[i].Cells);
                if (cells?.Count != repairedCells?.Count || (cells is not null && cells.Where((cell, c) => Runes(repairedCells![c]) > Runes(cell)).Any()))
                {
                    throw new InvalidOperationException("Repair changed a row's cell count or lengthened a cell.");
                }
            }

            page = repaired;
        }

        // Cleaning and metadata as the pipeline does after scoring, with scores drawn from each block's text.
        var result = ArticleAssembler.Clean(page, Scores(page), Options, "fuzz", CancellationToken.None);
        if (result.Blocks.Count != page.Blocks.Count)
        {
            throw new InvalidOperationException($"{result.Blocks.Count} paragraphs for {page.Blocks.Count} blocks.");
        }

        CheckHtml(result.Html);
        CheckMetadata(MetadataResolver.Resolve(page, result));
    }

    /// <summary>
    /// A repair never adds characters (code points: a mojibake sequence or a placeholder run has at least as many as
    /// what it stands for, though one U+FFFD may become an emoji of two UTF-16 units), its spans lie in order inside
    /// the repaired text, and putting each original back gives the input.
    /// </summary>
    private static void CheckRepair(string original, RepairedText repaired)
    {
        if (Runes(repaired.Text) > Runes(original))
        {
            throw new InvalidOperationException($"Repair lengthened {Show(original)} to {Show(repaired.Text)}.");
        }

        var restored = new System.Text.StringBuilder(original.Length);
        var at = 0;
        foreach (var repair in repaired.Repairs)
        {
            if (repair.Offset < at || repair.Offset + repair.Replacement.Length > repaired.Text.Length
                || string.CompareOrdinal(repaired.Text, repair.Offset, repair.Replacement, 0, repair.Replacement.Length) != 0)
            {
                throw new InvalidOperationException($"Repair at {repair.Offset} does not match the repaired text of {repaired.Text.Length} chars.");
            }

            restored.Append(repaired.Text, at, repair.Offset - at).Append(repair.Original);
            at = repair.Offset + repair.Replacement.Length;
        }

        restored.Append(repaired.Text, at, repaired.Text.Length - at);
        if (!restored.Equals(original.AsSpan()))
        {
            throw new InvalidOperationException("Putting the repairs' originals back does not give the input.");
        }
    }

    // Probabilities from a hash of each block's text: the same for one input, and a mutation that changes a
    // block changes its verdict, so the fuzzer reaches the keep, fallback, container, comment and duplicate paths.
    // The default model's labels by name only (the assembler needs no more), so no model is loaded per run.
    private static PageScores Scores(SegmentedPage page)
    {
        var probabilities = new float[page.Blocks.Count * Labels.Default.Count];
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            var hash = Fnv1a(page.Blocks[i].Text);
            var body = (hash % 101) / 100f;
            var navigation = (1 - body) * ((hash >> 8) % 101) / 100f;
            probabilities[i * 3] = body;
            probabilities[(i * 3) + 1] = navigation;
            probabilities[(i * 3) + 2] = 1 - body - navigation;
        }

        return new PageScores(Labels.Default, probabilities);
    }

    private static int Runes(string text) => text.EnumerateRunes().Count();

    // A text for a finding's message: short, with every non-ASCII char escaped so the console shows it exactly.
    private static string Show(string text) =>
        "\"" + string.Concat(text.Take(120).Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}")) + $"\" ({text.Length} chars)";

    // Stable across processes (string.GetHashCode is not), so a finding replays the same outside AFL.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private static void CheckHtml(string html)
    {
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
