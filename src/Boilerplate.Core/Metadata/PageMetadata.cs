namespace Boilerplate.Core.Metadata;

/// <summary>
/// What a page says about itself: who wrote it, when, in which language, for which site. Read from the markup
/// (JSON-LD, OpenGraph and Twitter cards, Dublin Core and other meta tags, microdata), then from the page's byline
/// text; the language is detected from the kept text when the markup does not declare one.
/// </summary>
public sealed record PageMetadata
{
    /// <summary>Nothing known.</summary>
    public static PageMetadata Empty { get; } = new();

    /// <summary>
    /// The article's headline: its first &lt;h1&gt; when the head's title agrees, else the JSON-LD headline, og:title or
    /// &lt;title&gt; without the site name around it; for text, the title line. Empty if none.
    /// </summary>
    public string Headline { get; init; } = string.Empty;

    /// <summary>The authors' names, in the order the page gives them.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>When the page was first published, with the offset the page gave (UTC when it gave none).</summary>
    public DateTimeOffset? PublishedTime { get; init; }

    /// <summary>When the page was last modified, with the offset the page gave (UTC when it gave none).</summary>
    public DateTimeOffset? ModifiedTime { get; init; }

    /// <summary>BCP 47 language tag (<c>en</c>, <c>pt-BR</c>), or empty.</summary>
    public string Language { get; init; } = string.Empty;

    /// <summary>Whether <see cref="Language"/> was detected from the text rather than declared by the markup.</summary>
    public bool LanguageDetected { get; init; }

    /// <summary>The site's name (og:site_name, the JSON-LD publisher or WebSite), or empty.</summary>
    public string SiteName { get; init; } = string.Empty;

    /// <summary>The canonical URL, absolute (resolved against the request's URL), or empty.</summary>
    public string CanonicalUrl { get; init; } = string.Empty;

    /// <summary>The page's own summary (JSON-LD, og:description or meta description), or empty.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The page's lead image, absolute, or empty.</summary>
    public string ImageUrl { get; init; } = string.Empty;

    /// <summary>Keywords and tags the page declares, without duplicates.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// Organizations the JSON-LD names as author: used only when no source names a person, since pages that credit
    /// their publisher there usually show the writer in a byline.
    /// </summary>
    internal IReadOnlyList<string> OrganizationAuthors { get; init; } = [];

    /// <summary>
    /// The first user name the markup shows (a forum post's poster): the author only on a page read as a forum when no
    /// other source, the byline text included, names one; shops and articles show user names in reviews and menus.
    /// </summary>
    internal IReadOnlyList<string> UserAuthors { get; init; } = [];

    /// <summary>Fills each empty field of this from <paramref name="fallback"/> (this one is trusted more).</summary>
    public PageMetadata Or(PageMetadata fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new PageMetadata
        {
            Headline = Headline.Length > 0 ? Headline : fallback.Headline,
            OrganizationAuthors = OrganizationAuthors.Count > 0 ? OrganizationAuthors : fallback.OrganizationAuthors,
            UserAuthors = UserAuthors.Count > 0 ? UserAuthors : fallback.UserAuthors,
            Authors = Authors.Count > 0 ? Authors : fallback.Authors,
            PublishedTime = PublishedTime ?? fallback.PublishedTime,
            ModifiedTime = ModifiedTime ?? fallback.ModifiedTime,
            Language = Language.Length > 0 ? Language : fallback.Language,
            LanguageDetected = Language.Length > 0 ? LanguageDetected : fallback.LanguageDetected,
            SiteName = SiteName.Length > 0 ? SiteName : fallback.SiteName,
            CanonicalUrl = CanonicalUrl.Length > 0 ? CanonicalUrl : fallback.CanonicalUrl,
            Description = Description.Length > 0 ? Description : fallback.Description,
            ImageUrl = ImageUrl.Length > 0 ? ImageUrl : fallback.ImageUrl,
            Tags = Tags.Count > 0 ? Tags : fallback.Tags,
        };
    }
}
