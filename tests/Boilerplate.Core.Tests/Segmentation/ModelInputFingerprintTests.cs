using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Boilerplate.Core.Decoding;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;
using Xunit.Abstractions;

namespace Boilerplate.Core.Tests.Segmentation;

/// <summary>
/// What the model reads of every block (text, kind, level, cells, code language and DOM facts) over three whole corpora,
/// as one hash. Recording a block's inline structure for Markdown and HTML must leave it exactly as it was: the
/// embedded model was trained on these inputs. The expected hashes were taken before inline capture existed;
/// readability-pages' was retaken when escaped markup in &lt;noscript&gt; stopped being read as text (11 pages), and
/// both when React's streamed segments, collapsed panels (accordions, tabs, FAQ answers) and wrappers hiding most of a
/// page started being read; wcxb-dev's when modal dialogs (<c>aria-modal="true"</c>) stopped being read, and when pages
/// hidden across many elements started being read (and a hidden wrapper's share of the page stopped counting unread text),
/// when a self-closed <c>&lt;iframe/&gt;</c> in a <c>&lt;noscript&gt;</c> stopped swallowing the rest of its page, and
/// when panels a heading's toggle controls (<c>aria-controls</c>) started being read; both when links hidden only from
/// screen readers and the tab order (<c>aria-hidden</c> with <c>tabindex="-1"</c>) started being read.
/// </summary>
[Trait("Category", "Quality")]
public class ModelInputFingerprintTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("readability-pages", "B4D355ED7782ED06189341762CB44293D1D34B87C8DE12927B4E9E1EC0D793BE")]
    [InlineData("wcxb-dev", "46C00DA964DA0DC95FB64113181B867C01AAF1961511416BB8DB2146CFE0AB20")]
    public void Segmentation_gives_the_model_the_same_inputs_as_before_inline_capture(string corpus, string expected)
    {
        var segmenter = new HtmlSegmenter(SegmentationLimits.Default);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var pages = Directory.GetFiles(SharedData.PathOf("datasets", corpus, "pages"), "*.html.gz").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pages);
        var blocks = 0;
        foreach (var path in pages)
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            var page = segmenter.Segment(CharsetDecoder.Decode(bytes.ToArray(), null), "https://example.com/", CancellationToken.None);
            Add(hash, Path.GetFileName(path));
            Add(hash, page.Title);
            foreach (var block in page.Blocks)
            {
                Add(hash, Describe(block));
                blocks++;
            }
        }

        var actual = Convert.ToHexString(hash.GetHashAndReset());
        output.WriteLine($"{corpus}: {pages.Count} pages, {blocks} blocks, {actual}");
        Assert.Equal(expected, actual);
    }

    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }

    private static string Describe(Block block)
    {
        var dom = block.Dom;
        return string.Join(
            '\u001f',
            block.Text,
            block.Kind.ToString(),
            block.Level.ToString(CultureInfo.InvariantCulture),
            block.Ordered ? "o" : "u",
            block.Cells is null ? "-" : string.Join('\u001e', block.Cells),
            block.HeaderRow ? "h" : "d",
            block.CodeLanguage ?? "-",
            dom is null
                ? "-"
                : string.Join(
                    '\u001e',
                    dom.Tag,
                    dom.AncestorTags,
                    dom.AttributeTokens,
                    BitConverter.SingleToInt32Bits(dom.LinkTextShare).ToString(CultureInfo.InvariantCulture),
                    dom.LinkCount.ToString(CultureInfo.InvariantCulture),
                    dom.Depth.ToString(CultureInfo.InvariantCulture),
                    dom.ContainerId.ToString(CultureInfo.InvariantCulture),
                    (dom.Element?.Id ?? -1).ToString(CultureInfo.InvariantCulture),
                    (dom.Element?.Depth ?? -1).ToString(CultureInfo.InvariantCulture)));
    }
}
