using System.Text.RegularExpressions;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Paragraphs of a text page that are only a tag pointing somewhere: a tracking pixel, an ad's or a player's tag, the
/// escaped <c>&lt;noscript&gt;</c> content a naive scraper hands over as text. No reader sees them on the page, and the
/// HTML segmenter skips the same content (an escaped noscript), so text drops them whatever their score. Markup
/// without a URL (a tutorial's <c>&lt;div&gt;</c> line) or with words outside its tags stays the model's to judge.
/// </summary>
internal static partial class StrayMarkup
{
    /// <summary>Most characters outside the tags, as a share of the paragraph, for it to count as markup only.</summary>
    public const float MaxTextShare = 0.2f;

    /// <summary>Drops the kept paragraphs of a text page that are stray markup (HTML pages are left to the segmenter).</summary>
    public static void Apply(SegmentedPage page, bool[] kept, string[] reasons, CancellationToken cancellationToken)
    {
        if (page.Format == InputFormat.Html)
        {
            return;
        }

        var blocks = page.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            ArticleAssembler.ThrowIfCancelled(i, cancellationToken);
            if (kept[i] && Is(blocks[i].Text))
            {
                kept[i] = false;
                reasons[i] = ArticleAssembler.Markup;
            }
        }
    }

    /// <summary>Whether <paramref name="text"/> opens with a tag, points at a URL from an attribute, and says almost nothing outside its tags.</summary>
    public static bool Is(string text)
    {
        var span = text.AsSpan().Trim();
        if (span.Length < 2 || span[0] != '<' || !char.IsAsciiLetter(span[1]) || !UrlAttribute().IsMatch(text))
        {
            return false;
        }

        var outside = 0;
        var inTag = false;
        foreach (var c in span)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag && !char.IsWhiteSpace(c))
            {
                outside++;
            }
        }

        return outside <= MaxTextShare * span.Length;
    }

    [GeneratedRegex(@"\b(?:src|href|data-src)\s*=\s*[""']?\s*(?:https?:)?//", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();
}
