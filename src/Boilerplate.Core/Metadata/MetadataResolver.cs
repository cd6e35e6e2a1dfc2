using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Model;
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
        var byline = Byline(page, result);
        var metadata = page.Markup.Or(byline) with { PublishedTime = ShownDate.Published(page.Markup.PublishedTime, byline.PublishedTime, byline.ModifiedTime) };
        if (metadata.Authors.Count == 0 && metadata.OrganizationAuthors.Count > 0)
        {
            metadata = metadata with { Authors = metadata.OrganizationAuthors };
        }

        if (metadata.Authors.Count == 0 && metadata.UserAuthors.Count > 0 && result.PageType == PageTypeNames.Forum)
        {
            metadata = metadata with { Authors = metadata.UserAuthors };
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
            var (first, last) = KeptRange(result.Blocks);
            return BylineReader.Read(page.Blocks, first, last);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return PageMetadata.Empty;
        }
    }

    /// <summary>
    /// The first and last kept paragraphs' indexes, which are their blocks' (one paragraph per block, in page order);
    /// -1 for both when none is kept.
    /// </summary>
    private static (int First, int Last) KeptRange(IReadOnlyList<CleanedBlock> paragraphs)
    {
        var (first, last) = (-1, -1);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Kept)
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        return (first, last);
    }
}
