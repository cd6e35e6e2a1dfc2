using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Metadata;

/// <summary>
/// Completes a page's metadata after cleaning: what the markup states first, then the byline and dateline text, and
/// the language detected from the kept text when the markup declares none (text input always).
/// </summary>
public static class MetadataResolver
{
    /// <summary>The metadata of <paramref name="page"/> cleaned into <paramref name="result"/>.</summary>
    public static PageMetadata Resolve(SegmentedPage page, CleanResult result, LanguageDetector? detector = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        var metadata = page.Markup.Or(Byline(page, result));
        if (metadata.Authors.Count == 0 && metadata.OrganizationAuthors.Count > 0)
        {
            metadata = metadata with { Authors = metadata.OrganizationAuthors };
        }

        if (metadata.Headline.Length == 0)
        {
            metadata = metadata with { Headline = result.Title };
        }

        if (metadata.Language.Length > 0)
        {
            return metadata;
        }

        detector ??= LanguageDetector.Default;
        var language = detector.Detect(result.Text);
        if (language.Length == 0)
        {
            // Too little kept text to tell: every paragraph, kept or not, is still the page's language.
            language = detector.Detect(string.Join('\n', page.Blocks.Take(200).Select(block => block.Text)));
        }

        return metadata with { Language = language, LanguageDetected = language.Length > 0 };
    }

    /// <summary>The byline and dateline; a regex that ran out of time costs them, never the page.</summary>
    private static PageMetadata Byline(SegmentedPage page, CleanResult result)
    {
        try
        {
            var first = result.Paragraphs.FirstOrDefault(p => p.Kept)?.Block;
            var articleStart = first is null ? -1 : IndexOf(page.Blocks, first);
            return BylineReader.Read(page.Blocks, articleStart);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return PageMetadata.Empty;
        }
    }

    private static int IndexOf(IReadOnlyList<Block> blocks, Block block)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (ReferenceEquals(blocks[i], block))
            {
                return i;
            }
        }

        return -1;
    }
}
