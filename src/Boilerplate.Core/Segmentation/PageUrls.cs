namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Makes a page's links and image sources absolute and safe to hand to a reader: only http(s) (and mailto for
/// links) survive, so javascript:, data: and vbscript: URLs never reach Markdown or HTML output. Nothing is fetched.
/// </summary>
public static class PageUrls
{
    /// <summary>Longest URL resolved; longer ones are dropped rather than parsed.</summary>
    public const int MaxChars = 4096;

    /// <summary>
    /// What relative URLs resolve against: <paramref name="baseHref"/> resolved against <paramref name="pageUrl"/>,
    /// else <paramref name="pageUrl"/>; null when neither gives an absolute http(s) URL.
    /// </summary>
    public static Uri? BaseOf(string? pageUrl, string? baseHref)
    {
        var page = Absolute(pageUrl);
        if (Clean(baseHref) is { Length: > 0 } href)
        {
            var resolved = page is null ? Absolute(href) : Uri.TryCreate(page, href, out var uri) && IsWeb(uri) ? uri : null;
            if (resolved is not null)
            {
                return resolved;
            }
        }

        return page;
    }

    /// <summary>
    /// <paramref name="raw"/> as an absolute URL string against <paramref name="baseUri"/>, or null when it cannot be
    /// made absolute or its scheme is not http(s) (or mailto, when <paramref name="allowMail"/>).
    /// </summary>
    public static string? Resolve(Uri? baseUri, ReadOnlyMemory<char> raw, bool allowMail)
    {
        var trimmed = raw.Span.Trim();
        return trimmed.IsEmpty || trimmed.Length > MaxChars ? null : Resolve(baseUri, trimmed.ToString(), allowMail);
    }

    /// <inheritdoc cref="Resolve(Uri?, ReadOnlyMemory{char}, bool)"/>
    public static string? Resolve(Uri? baseUri, string? raw, bool allowMail)
    {
        if (Clean(raw) is not { Length: > 0 } url)
        {
            return null;
        }

        Uri? uri;
        if (baseUri is not null)
        {
            _ = Uri.TryCreate(baseUri, url, out uri);
        }
        else
        {
            // Without a base, "/a" would parse as a file path on Unix: only scheme-qualified URLs count.
            uri = url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
                ? Absolute(url)
                : null;
        }

        if (uri is null || !uri.IsAbsoluteUri)
        {
            return null;
        }

        if (IsWeb(uri) || (allowMail && uri.Scheme == Uri.UriSchemeMailto))
        {
            return uri.AbsoluteUri;
        }

        return null;
    }

    private static Uri? Absolute(string? url) =>
        Clean(url) is { Length: > 0 } clean && Uri.TryCreate(clean, UriKind.Absolute, out var uri) && (IsWeb(uri) || uri.Scheme == Uri.UriSchemeMailto)
            ? uri
            : null;

    private static bool IsWeb(Uri uri) => uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>As browsers do: ASCII tabs and newlines removed anywhere (so "java&#10;script:" stays javascript:), edges trimmed.</summary>
    private static string? Clean(string? url)
    {
        if (url is null || url.Length > MaxChars)
        {
            return null;
        }

        url = url.Trim();
        return url.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? url : url.Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
    }
}
