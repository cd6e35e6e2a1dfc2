using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Which &lt;img&gt; is part of an article and where its picture really is: lazy loaders keep the source in
/// data-lazy-src / data-src behind a placeholder src, responsive images in srcset. Tracking pixels, spacers and icons
/// are left out: they are not content, and a pixel in the output would call home from the reader's client.
/// </summary>
internal static class ArticleImages
{
    /// <summary>Longest source or href kept; longer ones are inline data or garbage, never a picture worth linking.</summary>
    public const int MaxUrlChars = 4096;

    /// <summary>Declared sizes at or below this many pixels are tracking pixels and spacers.</summary>
    private const int PixelSize = 2;

    /// <summary>An image declared smaller than this both ways is an icon or a badge.</summary>
    private const int IconSize = 48;

    // Sources of beacons and spacers on real pages; matched anywhere in the source, case-insensitively.
    private static readonly string[] PixelPatterns =
    [
        "/1x1", "1x1.", "pixel.gif", "pixel.png", "/pixel?", "/pixel/", "spacer.gif", "blank.gif", "transparent.gif",
        "transparent.png", "clear.gif", "/b/ss/", "facebook.com/tr", "doubleclick.net", "google-analytics.com",
        "googletagmanager.com", "scorecardresearch.com", "quantserve.com", "/beacon", "favicon", "/track/",
        "/tracking/",
    ];

    // Class names of decoration rather than content.
    private static readonly string[] DecorationClasses = ["icon", "emoji", "smiley", "avatar", "spinner", "loader", "sprite"];

    /// <summary>The image <paramref name="element"/> (an img, or a picture holding one) shows, or null when it is decoration or has no usable source.</summary>
    public static (ReadOnlyMemory<char> Source, ReadOnlyMemory<char> Alt)? Of(LiteNode element)
    {
        var img = element;
        ReadOnlyMemory<char>? pictureSet = null;
        if (element.LocalName == "picture")
        {
            LiteNode? found = null;
            foreach (var child in element.Children)
            {
                if (child.LocalName == "img")
                {
                    found = child;
                    break;
                }

                if (child.LocalName == "source" && pictureSet is null && child.TryGetAttributeMemory(LiteAttribute.Srcset, out var set))
                {
                    pictureSet = LargestOf(set);
                }
            }

            if (found is not { } inner)
            {
                return pictureSet is { } only && !IsPixelSource(only.Span) ? (only, ReadOnlyMemory<char>.Empty) : null;
            }

            img = inner;
        }

        if (IsDecoration(img))
        {
            return null;
        }

        var source = Usable(img, LiteAttribute.DataLazySrc) ?? Usable(img, LiteAttribute.DataSrc) ?? Usable(img, LiteAttribute.Src)
            ?? SetOf(img, LiteAttribute.Srcset) ?? SetOf(img, LiteAttribute.DataSrcset) ?? pictureSet;
        if (source is not { } chosen || IsPixelSource(chosen.Span))
        {
            return null;
        }

        return (chosen, img.TryGetAttributeMemory(LiteAttribute.Alt, out var alt) ? alt : ReadOnlyMemory<char>.Empty);
    }

    private static bool IsDecoration(LiteNode img)
    {
        var width = SizeOf(img, LiteAttribute.Width);
        var height = SizeOf(img, LiteAttribute.Height);
        if (width is <= PixelSize || height is <= PixelSize || (width < IconSize && height < IconSize))
        {
            return true;
        }

        if (img.TryGetAttribute(LiteAttribute.Role, out var role) && role.Trim().Equals("presentation", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (img.TryGetAttribute(LiteAttribute.Class, out var classes))
        {
            foreach (var decoration in DecorationClasses)
            {
                if (classes.Contains(decoration, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPixelSource(ReadOnlySpan<char> source)
    {
        foreach (var pattern in PixelPatterns)
        {
            if (source.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var path = source;
        var query = path.IndexOfAny('?', '#');
        return (query >= 0 ? path[..query] : path).EndsWith(".ico", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A declared size in pixels ("300", "300px"); null when absent or not a number (a percentage says nothing).</summary>
    private static int? SizeOf(LiteNode img, LiteAttribute attribute)
    {
        if (!img.TryGetAttribute(attribute, out var value))
        {
            return null;
        }

        value = value.Trim();
        var digits = 0;
        while (digits < value.Length && digits < 6 && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        var rest = value[digits..];
        return digits > 0 && (rest.IsEmpty || rest.Equals("px", StringComparison.OrdinalIgnoreCase)) ? int.Parse(value[..digits], provider: null) : null;
    }

    /// <summary>The attribute's source unless empty, an inline data: placeholder, or too long.</summary>
    private static ReadOnlyMemory<char>? Usable(LiteNode img, LiteAttribute attribute)
    {
        if (!img.TryGetAttributeMemory(attribute, out var value))
        {
            return null;
        }

        value = value.Trim();
        return value.IsEmpty || value.Length > MaxUrlChars || value.Span.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? null : value;
    }

    private static ReadOnlyMemory<char>? SetOf(LiteNode img, LiteAttribute attribute) =>
        img.TryGetAttributeMemory(attribute, out var set) ? LargestOf(set) : null;

    /// <summary>The candidate of a srcset with the largest width (w) or density (x) descriptor; the first when none has one.</summary>
    internal static ReadOnlyMemory<char>? LargestOf(ReadOnlyMemory<char> memory)
    {
        var srcset = memory.Span;
        ReadOnlyMemory<char>? best = null;
        var bestSize = -1.0;
        var candidates = 0;
        foreach (var range in srcset.Split(','))
        {
            if (++candidates > 64)
            {
                break;
            }

            var (offset, length) = range.GetOffsetAndLength(srcset.Length);
            var candidateMemory = memory.Slice(offset, length).Trim();
            var candidate = candidateMemory.Span;
            var space = candidate.IndexOfAny(' ', '\t', '\n');
            var url = space < 0 ? candidate : candidate[..space];
            var descriptor = space < 0 ? [] : candidate[(space + 1)..].Trim();
            if (url.IsEmpty || url.Length > MaxUrlChars || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var size = descriptor.Length > 1 && descriptor[^1] is 'w' or 'x'
                && double.TryParse(descriptor[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                ? descriptor[^1] == 'x' ? parsed * 1000 : parsed
                : 0;
            if (size > bestSize)
            {
                best = space < 0 ? candidateMemory : candidateMemory[..space];
                bestSize = size;
            }
        }

        return best;
    }
}
