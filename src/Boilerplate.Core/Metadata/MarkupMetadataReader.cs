using System.Text.RegularExpressions;
using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Metadata;

/// <summary>
/// Reads what a parsed page's markup says about it, from the tree the segmenter already built (the page is not
/// parsed again). Sources in the order they are trusted: JSON-LD; OpenGraph and Twitter cards; Dublin Core and
/// other meta tags; microdata, <c>&lt;time datetime&gt;</c> and <c>rel=author</c> links. The language comes from
/// <c>&lt;html lang&gt;</c>, then the content-language meta, og:locale, JSON-LD and Dublin Core.
/// </summary>
/// <remarks>One pass over the node array, with bounded looks into subtrees; JSON-LD is bounded by <see cref="JsonLdReader"/>.</remarks>
internal static partial class MarkupMetadataReader
{
    /// <summary>Most nodes looked at below one microdata element for its name or text.</summary>
    private const int MaxSubtreeNodes = 256;

    private static readonly HashSet<string> AuthorNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "author", "dc.creator", "dcterms.creator", "dc.contributor", "citation_author", "parsely-author", "sailthru.author", "byl", "article.author", "twitter:data1:author", "cxenseparse:author",
    };

    /// <summary>Twitter card label and value keys, each label before the value it names.</summary>
    private static readonly string[] TwitterLabelKeys = ["twitter:label1", "twitter:data1", "twitter:label2", "twitter:data2"];

    /// <summary>Card labels that say their value is the author, as SEO plugins write them in several languages.</summary>
    private static readonly HashSet<string> AuthorLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "written by", "author", "authors", "by", "posted by", "geschrieben von", "verfasst von", "autor", "autorin", "escrito por",
        "écrit par", "auteur", "scritto da", "autore", "geschreven door", "napisane przez", "автор",
    };

    private static readonly HashSet<string> PublishedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.issued", "dcterms.created", "dcterms.date", "citation_publication_date",
        "citation_date", "citation_online_date", "pubdate", "publishdate", "publish-date", "publish_date", "published_date", "publication_date",
        "parsely-pub-date", "sailthru.date", "article.published", "article_date_original", "original-publish-date", "date.published", "datepublished",
        "published", "published-date", "published_at", "publish_time", "publication-date", "date-pub", "pdate", "cxenseparse:publishtime",
    };

    /// <summary>Endings of prefixed meta names that name the published date (letters only, lower case).</summary>
    private static readonly string[] PublishedEndings = ["publisheddate", "publishdate", "publishedtime", "publishtime", "firstpublished", "publicationdate"];

    /// <summary>Endings of prefixed meta names that name the modified date (letters only, lower case).</summary>
    private static readonly string[] ModifiedEndings = ["modifieddate", "modifiedtime", "lastmodified", "lastupdated", "updatedtime"];

    private static readonly HashSet<string> ModifiedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "article.updated", "datemodified", "revised", "modified-date",
        "updated_at", "last-updated",
    };

    /// <summary>
    /// The page's metadata as its markup states it; <paramref name="url"/> resolves relative URLs and
    /// <paramref name="firstH1"/> is the segmenter's first level-1 heading, the headline when there is one, and
    /// <paramref name="headings"/> its first headings of levels 1 to 3.
    /// </summary>
    public static PageMetadata Read(LiteDocument document, string? url, string? firstH1 = null, IReadOnlyList<string>? headings = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var scripts = document.JsonLdScripts.Select(range => document.Source[range]);
        var jsonLd = JsonLdReader.Read(scripts, url);

        var openGraph = new Fields();
        var meta = new Fields();
        var microdata = new Fields();
        var hints = new Fields();
        var usernames = new Fields();
        var twitterLabels = new string?[TwitterLabelKeys.Length];
        var canonical = string.Empty;
        string? title = null;
        string? htmlLang = document.Root.GetAttribute(LiteAttribute.Lang);
        string? contentLanguage = null;
        string? locale = null;
        string? dcLanguage = null;

        for (var i = 0; i < document.NodeCount; i++)
        {
            var node = new LiteNode(document, i);
            if (title is null && node.LocalName == "title")
            {
                // Read before the attribute check: a title rarely has attributes.
                title = BoundedText(document, i, 1000);
                continue;
            }

            if (!node.IsElement || !node.HasAttributes)
            {
                continue;
            }

            switch (node.LocalName)
            {
                case "meta":
                    ReadMeta(node, openGraph, meta, twitterLabels, ref contentLanguage, ref locale, ref dcLanguage);
                    if (node.TryGetAttribute(LiteAttribute.ItemProp, out var metaItemProp))
                    {
                        ReadItemProp(document, i, metaItemProp.ToString(), microdata);
                    }

                    continue;
                case "link" when canonical.Length == 0 && RelIs(node, "canonical"):
                    canonical = MetadataText.Url(node.GetAttribute(LiteAttribute.Href), url);
                    continue;
                case "a" when microdata.Authors.Count == 0 && RelIs(node, "author"):
                    // Only the first: later ones are usually the authors of comments.
                    microdata.AddAuthor(MetadataText.Name(BoundedText(document, i)));
                    break;
                case "time" when node.TryGetAttribute(LiteAttribute.DateTime, out var datetime):
                    microdata.TimeElement ??= LenientDate.Parse(datetime.ToString());
                    break;
            }

            if (hints.Authors.Count == 0 && IsAuthorHint(node))
            {
                // The element may hold the date after the name ("Jane Doe December 17, 2025").
                var text = BoundedText(document, i);
                var name = NameLike(text);
                hints.AddAuthor(name.Length > 0 ? name : NameLike(MetadataText.NameBeforeDate(text)));
            }

            // Forums and comment systems name a post's author in an attribute (<shreddit-post author=...>,
            // data-username) or an element of class "username"; the first is the opening post's.
            if (hints.Authors.Count == 0 && AuthorAttribute(node) is { Length: > 0 } named)
            {
                hints.AddAuthor(MetadataText.Name(named));
            }

            if (usernames.Authors.Count == 0 && IsUsername(node))
            {
                usernames.AddAuthor(Handle(BoundedText(document, i)));
            }

            if (node.TryGetAttribute(LiteAttribute.ItemProp, out var itemProp))
            {
                ReadItemProp(document, i, itemProp.ToString(), microdata);
            }
        }

        microdata.Published ??= microdata.TimeElement;

        // A usual name wins over a prefixed one: a page may state both, the prefixed one for something else.
        meta.Published ??= meta.PrefixedPublished;
        meta.Modified ??= meta.PrefixedModified;
        for (var card = 0; card < TwitterLabelKeys.Length && meta.Authors.Count == 0; card += 2)
        {
            // WordPress SEO plugins label the post's author on the card: twitter:label1 "Written by", twitter:data1 the name.
            if (twitterLabels[card] is { } label && AuthorLabels.Contains(label.Trim().TrimEnd(':').Trim()) && twitterLabels[card + 1] is { } names)
            {
                foreach (var name in SplitNames(names))
                {
                    meta.AddAuthor(name);
                }
            }
        }

        var language = LanguageTag.Normalize(htmlLang);
        foreach (var candidate in (ReadOnlySpan<string?>)[contentLanguage, locale, jsonLd.Metadata.Language, dcLanguage])
        {
            language = language.Length > 0 ? language : LanguageTag.Normalize(candidate);
        }

        if (canonical.Length == 0)
        {
            canonical = openGraph.Url.Length > 0 ? MetadataText.Url(openGraph.Url, url) : jsonLd.Url;
        }

        var merged = jsonLd.Metadata
            .Or(openGraph.ToMetadata(url))
            .Or(meta.ToMetadata(url))
            .Or(microdata.ToMetadata(url))
            .Or(hints.ToMetadata(url));
        return merged with
        {
            Authors = WithoutDescriptions(WithoutSiteName(merged.Authors, merged.SiteName)),
            UserAuthors = usernames.Authors,
            Headline = Headline(headings, firstH1, jsonLd.Headline, openGraph.Title.Length > 0 ? openGraph.Title : title, merged.SiteName, title),
            Language = language,
            CanonicalUrl = canonical,
        };
    }

    /// <summary>
    /// <paramref name="authors"/> without the site's name beside them ("Jane Doe, Daily Post": the writer's employer); a
    /// site named alone stays (a shop or a team blog signs its own pages).
    /// </summary>
    private static IReadOnlyList<string> WithoutSiteName(IReadOnlyList<string> authors, string siteName)
    {
        if (siteName.Length == 0 || authors.Count == 0)
        {
            return authors;
        }

        // "Mac & i" in an author field was split into "Mac" and "i": together they are the site signing its page.
        if (authors.Count > 1 && (string.Join(" & ", authors).Equals(siteName, StringComparison.OrdinalIgnoreCase)
            || string.Join(" and ", authors).Equals(siteName, StringComparison.OrdinalIgnoreCase)))
        {
            return [siteName];
        }

        var people = authors
            .Select(author => WithoutSuffix(author, siteName))
            .Where(author => !author.Equals(siteName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return people.Count > 0 ? people : authors;
    }

    /// <summary>Most words a name among several authors may have; longer is a group's or a page's description beside the person.</summary>
    private const int MaxCoAuthorWords = 5;

    /// <summary>
    /// <paramref name="authors"/> without entries too long to be a name ("South Carolina Garden-based Learning Network
    /// on Facebook"), when a shorter one stands beside them.
    /// </summary>
    private static IReadOnlyList<string> WithoutDescriptions(IReadOnlyList<string> authors)
    {
        if (authors.Count < 2)
        {
            return authors;
        }

        static bool IsShort(string author) => author.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxCoAuthorWords;
        return authors.Any(IsShort) ? authors.Where(IsShort).ToList() : authors;
    }

    /// <summary><paramref name="author"/> without <paramref name="siteName"/> after a word break ("Jane Doe, Daily Post", "Jane Doe Daily Post").</summary>
    private static string WithoutSuffix(string author, string siteName)
    {
        if (author.Length <= siteName.Length + 1 || !author.EndsWith(siteName, StringComparison.OrdinalIgnoreCase) || author[^(siteName.Length + 1)] != ' ')
        {
            return author;
        }

        return author[..^siteName.Length].TrimEnd(' ', ',', '-', '|', '–', '—', '·');
    }

    private static void ReadMeta(LiteNode node, Fields openGraph, Fields meta, string?[] twitterLabels, ref string? contentLanguage, ref string? locale, ref string? dcLanguage)
    {
        if (!node.TryGetAttribute(LiteAttribute.Content, out var contentSpan))
        {
            return;
        }

        var content = contentSpan.ToString();
        if (node.TryGetAttribute(LiteAttribute.HttpEquiv, out var httpEquiv))
        {
            if (httpEquiv.Equals("content-language", StringComparison.OrdinalIgnoreCase))
            {
                contentLanguage ??= content;
            }

            return;
        }

        if (node.TryGetAttribute(LiteAttribute.ItemProp, out _))
        {
            // <meta itemprop=datePublished content=...> is microdata, read with the other item properties.
            return;
        }

        var key = (node.GetAttribute(LiteAttribute.Property) ?? node.GetAttribute(LiteAttribute.Name))?.Trim().ToLowerInvariant();
        switch (key)
        {
            case null or "":
                return;
            case "og:title" or "twitter:title":
                openGraph.Title = First(openGraph.Title, content);
                return;
            case "og:site_name":
                openGraph.SiteName = First(openGraph.SiteName, content);
                return;
            case "og:locale":
                locale ??= content;
                return;
            case "og:description" or "twitter:description":
                openGraph.Description = First(openGraph.Description, content);
                return;
            case "og:image" or "og:image:url" or "og:image:secure_url" or "twitter:image" or "twitter:image:src":
                openGraph.Image = First(openGraph.Image, content);
                return;
            case "og:url":
                openGraph.Url = First(openGraph.Url, content);
                return;
            case "article:published_time" or "og:published_time" or "og:article:published_time" or "article:published":
                openGraph.Published ??= LenientDate.Parse(content);
                return;
            case "article:modified_time" or "og:updated_time" or "og:article:modified_time" or "article:modified":
                openGraph.Modified ??= LenientDate.Parse(content);
                return;
            case "article:author" or "og:article:author":
                openGraph.AddAuthor(MetadataText.Name(content));
                return;
            case "article:tag" or "og:article:tag":
                MetadataText.AddTags(openGraph.Tags, content);
                return;
            case "description" or "dc.description" or "dcterms.description":
                meta.Description = First(meta.Description, content);
                return;
            case "keywords" or "news_keywords":
                MetadataText.AddTags(meta.Tags, content);
                return;
            case "language" or "dc.language" or "dcterms.language":
                dcLanguage ??= content;
                return;
            case "application-name":
                meta.SiteName = First(meta.SiteName, content);
                return;
        }

        if (Array.IndexOf(TwitterLabelKeys, key) is >= 0 and var card)
        {
            // Card labels ("Written by") and the values they name, read once the page is.
            twitterLabels[card] ??= content;
        }
        else if (AuthorNames.Contains(key))
        {
            foreach (var name in SplitNames(content))
            {
                meta.AddAuthor(name);
            }
        }
        else if (PublishedNames.Contains(key))
        {
            meta.Published ??= LenientDate.Parse(content);
        }
        else if (ModifiedNames.Contains(key))
        {
            meta.Modified ??= LenientDate.Parse(content);
        }
        else if (EndsLike(key, PublishedEndings))
        {
            meta.PrefixedPublished ??= LenientDate.Parse(content);
        }
        else if (EndsLike(key, ModifiedEndings))
        {
            meta.PrefixedModified ??= LenientDate.Parse(content);
        }
    }

    /// <summary>
    /// Whether <paramref name="key"/>'s letters end in one of <paramref name="endings"/>: sites and plugins prefix the
    /// usual names with their own ("w-published-date", "shareaholic:article_modified_time", "og:publish_date").
    /// Only names that say which date they are: a bare "date" or "published" after a prefix may be anything.
    /// </summary>
    private static bool EndsLike(string key, string[] endings)
    {
        // The last letters are the ones compared, so they are gathered from the end.
        Span<char> letters = stackalloc char[32];
        var at = letters.Length;
        for (var i = key.Length - 1; i >= 0 && at > 0; i--)
        {
            if (char.IsAsciiLetter(key[i]))
            {
                letters[--at] = char.ToLowerInvariant(key[i]);
            }
        }

        foreach (var ending in endings)
        {
            if (letters[at..].EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void ReadItemProp(LiteDocument document, int index, string itemProp, Fields microdata)
    {
        var node = new LiteNode(document, index);
        foreach (var property in itemProp.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (property)
            {
                case "author" or "creator" when microdata.Authors.Count == 0:
                    var name = node.GetAttribute(LiteAttribute.Content) ?? NameInside(document, index) ?? BoundedText(document, index);
                    microdata.AddAuthor(MetadataText.Name(name));
                    break;
                case "datePublished" or "dateCreated":
                    microdata.Published ??= LenientDate.Parse(DateValue(document, index));
                    break;
                case "dateModified":
                    microdata.Modified ??= LenientDate.Parse(DateValue(document, index));
                    break;
            }
        }
    }

    private static string DateValue(LiteDocument document, int index)
    {
        var node = new LiteNode(document, index);
        return node.GetAttribute(LiteAttribute.Content) ?? node.GetAttribute(LiteAttribute.DateTime) ?? BoundedText(document, index);
    }

    /// <summary>The text of the first <c>itemprop=name</c> below <paramref name="index"/>, if any.</summary>
    private static string? NameInside(LiteDocument document, int index)
    {
        foreach (var descendant in Descendants(document, index))
        {
            var node = new LiteNode(document, descendant);
            if (node.IsElement && node.TryGetAttribute(LiteAttribute.ItemProp, out var property) && property.SequenceEqual("name"))
            {
                return node.GetAttribute(LiteAttribute.Content) ?? BoundedText(document, descendant);
            }
        }

        return null;
    }

    /// <summary>The text below <paramref name="index"/>, at most <paramref name="maxChars"/> characters of it.</summary>
    private static string BoundedText(LiteDocument document, int index, int maxChars = MetadataText.MaxNameChars)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var descendant in Descendants(document, index))
        {
            var node = new LiteNode(document, descendant);
            if (!node.IsElement)
            {
                builder.Append(node.Text).Append(' ');
                if (builder.Length > maxChars)
                {
                    break;
                }
            }
        }

        return MetadataText.Clean(builder.ToString(), maxChars);
    }

    /// <summary>The nodes below <paramref name="root"/> in document order, at most <see cref="MaxSubtreeNodes"/> of them, without recursion.</summary>
    private static IEnumerable<int> Descendants(LiteDocument document, int root)
    {
        var nodes = document.Nodes;
        var current = nodes[root].Tag is null ? LiteDocument.None : nodes[root].FirstChild;
        for (var seen = 0; current != LiteDocument.None && seen < MaxSubtreeNodes; seen++)
        {
            yield return current;
            if (nodes[current].Tag is not null && nodes[current].FirstChild != LiteDocument.None)
            {
                current = nodes[current].FirstChild;
                continue;
            }

            while (current != root && current != LiteDocument.None && nodes[current].Next == LiteDocument.None)
            {
                current = nodes[current].Parent;
            }

            current = current == root || current == LiteDocument.None ? LiteDocument.None : nodes[current].Next;
        }
    }

    /// <summary>
    /// The headline: a heading that repeats a part of a head title (see <see cref="HeadingInTitle"/>); else the first
    /// &lt;h1&gt; when the titles agree with it (half its words or more are in the head's title, og:title or the JSON-LD
    /// headline, so it is the headline worded a little differently and not a logo or a teaser); else the JSON-LD
    /// headline or the head's title without the site name around it; else the &lt;h1&gt;.
    /// </summary>
    internal static string Headline(IReadOnlyList<string>? headings, string? firstH1, string jsonLdHeadline, string? headTitle, string siteName, string? otherTitle = null)
    {
        var h1 = HeadingText(firstH1 ?? string.Empty);
        var title = MetadataText.Clean(headTitle, 1000);
        var other = MetadataText.Clean(otherTitle, 1000);

        if (HeadingInTitle(headings, [title, other], siteName) is { } shown)
        {
            return shown;
        }

        // Compared without the site's name around them: a logo in an <h1> agrees with every "Story | Site" title.
        if (h1.Length > 0 && !h1.Equals(siteName, StringComparison.OrdinalIgnoreCase)
            && TitlesAgreeWith(h1, [WithoutSiteName(title, siteName), jsonLdHeadline, WithoutSiteName(other, siteName)]))
        {
            return Unquoted(h1);
        }

        var headline = WithoutSiteName(jsonLdHeadline.Length > 0 ? jsonLdHeadline : title, siteName);
        return Unquoted(headline.Length > 0 ? headline : h1);
    }

    /// <summary>
    /// A heading that repeats the first or the last part of a head title between separators such as " | " or " / "
    /// (two words or more, not the site's name): the headline as the page shows it, whatever site, section or forum
    /// names sit around it in the title and whichever heading comes first. The last part counts only when it is the
    /// longest, since a logo repeats the site's name at a title's end, and middle parts name sections. When both ends
    /// are repeated, the later heading wins: the other is the logo, which comes first. Titles are tried in the order
    /// given. Null when no heading does.
    /// </summary>
    internal static string? HeadingInTitle(IReadOnlyList<string>? headings, ReadOnlySpan<string?> titles, string siteName)
    {
        if (headings is not { Count: > 0 })
        {
            return null;
        }

        var texts = headings.Select(HeadingText).ToArray();
        foreach (var title in titles)
        {
            var parts = (title ?? string.Empty).Split(TitleSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var longest = parts.Length == 0 ? 0 : parts.Max(part => part.Length);
            var found = -1;
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                if (Words(part).Take(2).Count() < 2 || part.Equals(siteName, StringComparison.OrdinalIgnoreCase)
                    || (i > 0 && (i < parts.Length - 1 || part.Length < longest)))
                {
                    continue;
                }

                for (var h = found + 1; h < texts.Length; h++)
                {
                    if (texts[h].Equals(part, StringComparison.OrdinalIgnoreCase))
                    {
                        found = h;
                        break;
                    }
                }
            }

            if (found >= 0)
            {
                return Unquoted(texts[found]);
            }
        }

        return null;
    }

    /// <summary>A heading's text as a headline: a documentation generator's permalink mark (Sphinx's "¶") is not part of it.</summary>
    private static string HeadingText(string heading) => MetadataText.Clean(heading, 1000).TrimEnd('¶').TrimEnd();

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " » "];

    /// <summary>A title without quotation marks around the whole of it (some sites quote the headline in its meta tags).</summary>
    private static string Unquoted(string title) =>
        title.Length > 2 && ((title[0] == '"' && title[^1] == '"') || (title[0] == '“' && title[^1] == '”'))
            && title.AsSpan(1, title.Length - 2).IndexOfAny('"', '“', '”') < 0
            ? title[1..^1].Trim()
            : title;

    private static bool TitlesAgreeWith(string h1, ReadOnlySpan<string?> titles)
    {
        var titleWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var title in titles)
        {
            titleWords.UnionWith(Words(title));
        }

        var words = Words(h1).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return words.Count > 0 && words.Count(titleWords.Contains) * 2 >= words.Count;
    }

    private static IEnumerable<string> Words(string? text) =>
        (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.Trim(WordEdges))
            .Where(word => word.Length > 0);

    private static readonly char[] WordEdges = ['"', '\'', '“', '”', '‘', '’', '«', '»', ',', '.', ':', ';', '!', '?', '(', ')', '[', ']', '|', '-', '–', '—'];

    /// <summary>
    /// A head title without the site or section names around it: what follows the first " | " (when what precedes has
    /// two words or more), then short tails after " - ", " – " or " — " (four words or fewer, or the site's name).
    /// </summary>
    private static string WithoutSiteName(string title, string siteName)
    {
        var bar = title.IndexOf(" | ", StringComparison.Ordinal);
        if (bar > 0 && title[..bar].Contains(' ', StringComparison.Ordinal))
        {
            title = title[..bar].TrimEnd();
        }

        for (var cut = 0; cut < 3; cut++)
        {
            var at = -1;
            var length = 0;
            foreach (var separator in (ReadOnlySpan<string>)[" - ", " – ", " — ", " :: ", " · ", " • "])
            {
                var found = title.LastIndexOf(separator, StringComparison.Ordinal);
                if (found > at)
                {
                    (at, length) = (found, separator.Length);
                }
            }

            var tail = at > 0 ? title[(at + length)..] : string.Empty;
            if (at <= 0 || !(tail.Equals(siteName, StringComparison.OrdinalIgnoreCase) || tail.Split(' ').Length <= 4))
            {
                break;
            }

            title = title[..at].TrimEnd();
        }

        return title;
    }

    /// <summary>An element whose class names a user's name (forum software: username, bigusername, PostUser-name).</summary>
    private static bool IsUsername(LiteNode node) =>
        node.TryGetAttribute(LiteAttribute.Class, out var value) && value.Length < 200
        && (value.Contains("username", StringComparison.OrdinalIgnoreCase) || value.Contains("user-name", StringComparison.OrdinalIgnoreCase));

    /// <summary>A user's handle or name: one to three words of at most 40 characters, else empty.</summary>
    private static string Handle(string text)
    {
        var name = MetadataText.Name(text);
        return name.Length <= 40 && name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 ? name : string.Empty;
    }

    /// <summary>The value of an <c>author</c>, <c>data-author</c> or <c>data-username</c> attribute, or empty.</summary>
    private static ReadOnlySpan<char> AuthorAttribute(LiteNode node)
    {
        foreach (var attribute in (ReadOnlySpan<LiteAttribute>)[LiteAttribute.Author, LiteAttribute.DataAuthor, LiteAttribute.DataUsername])
        {
            if (node.TryGetAttribute(attribute, out var value) && value.Length is > 0 and < 100)
            {
                return value;
            }
        }

        return [];
    }

    /// <summary>
    /// An element whose class or id says it holds the author (author-name, byline...), not their photo or bio: the
    /// words after "author" or "byline" in that class name decide ("author-bio" is not; "site-jobber__author" is).
    /// </summary>
    private static bool IsAuthorHint(LiteNode node)
    {
        foreach (var attribute in (ReadOnlySpan<LiteAttribute>)[LiteAttribute.Class, LiteAttribute.Id])
        {
            if (!node.TryGetAttribute(attribute, out var value) || value.Length >= 200
                || (!value.Contains("author", StringComparison.OrdinalIgnoreCase) && !value.Contains("byline", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (var range in value.Split(' '))
            {
                var name = value[range];
                var at = name.IndexOf("author", StringComparison.OrdinalIgnoreCase);
                at = at >= 0 ? at : name.IndexOf("byline", StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    return !HintExclusion().IsMatch(name[at..]);
                }
            }
        }

        return false;
    }

    [GeneratedRegex("bio|avatar|img|image|photo|desc|about|title|label|job|role", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex HintExclusion();

    /// <summary><paramref name="text"/> when it reads as a person's name (after a "By" or "Written by"), else empty.</summary>
    internal static string NameLike(string text)
    {
        var name = MetadataText.Name(text);
        foreach (var prefix in (ReadOnlySpan<string>)["written by ", "posted by ", "author: ", "author "])
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..].TrimStart();
            }
        }

        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return name.Length <= 60 && words.Length is >= 2 and <= 4 && char.IsUpper(name[0]) && !name.StartsWith("The ", StringComparison.Ordinal)
            && !name.Any(c => char.IsDigit(c) || c is ':' or '|' or ',' or '@' or '/')
            && words.Count(word => char.IsUpper(word[0])) >= words.Length - 1
            ? name
            : string.Empty;
    }

    private static bool RelIs(LiteNode node, string value) =>
        node.TryGetAttribute(LiteAttribute.Rel, out var rel)
        && rel.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(value, StringComparer.OrdinalIgnoreCase);

    private static string First(string current, string value) => current.Length > 0 ? current : value;

    /// <summary>Names in one author field: "A, B and C" or "A; B" (a single "Last, First" stays whole).</summary>
    internal static IEnumerable<string> SplitNames(string value)
    {
        var cleaned = MetadataText.Name(value);
        var parts = cleaned.Split([";", " and ", " & ", " und ", " et ", " y ", " e "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(part => part.Count(c => c == ',') >= 1 && part.Split(',').All(name => name.Trim().Contains(' '))
                ? part.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [part]);
        return parts.Select(part => MetadataText.Name(part)).Where(part => part.Length > 0);
    }

    /// <summary>What one kind of source says; turned into <see cref="PageMetadata"/> once the pass is done.</summary>
    private sealed class Fields
    {
        public List<string> Authors { get; } = [];

        public List<string> Tags { get; } = [];

        public DateTimeOffset? Published { get; set; }

        public DateTimeOffset? Modified { get; set; }

        public DateTimeOffset? PrefixedPublished { get; set; }

        public DateTimeOffset? PrefixedModified { get; set; }

        public DateTimeOffset? TimeElement { get; set; }

        public string SiteName { get; set; } = string.Empty;

        public string Description { get; set; } = string.Empty;

        public string Image { get; set; } = string.Empty;

        public string Url { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public void AddAuthor(string name) => MetadataText.AddDistinct(Authors, name);

        public PageMetadata ToMetadata(string? baseUrl) => new()
        {
            Authors = Authors,
            Tags = Tags,
            PublishedTime = Published,
            ModifiedTime = Modified,
            SiteName = MetadataText.Clean(SiteName),
            Description = MetadataText.Clean(Description, MetadataText.MaxDescriptionChars),
            ImageUrl = MetadataText.Url(Image, baseUrl),
        };
    }
}
