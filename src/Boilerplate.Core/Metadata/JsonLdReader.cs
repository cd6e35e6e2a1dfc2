using System.Text.Json;

namespace Boilerplate.Core.Metadata;

/// <summary>
/// Reads page metadata from JSON-LD scripts: the first article-like object (<c>Article</c>, <c>NewsArticle</c>,
/// <c>BlogPosting</c>... found at the top, in arrays or in <c>@graph</c>), authors as strings, objects, arrays or
/// <c>@id</c> references, and the site from <c>publisher</c> or a <c>WebSite</c>.
/// </summary>
/// <remarks>
/// JSON-LD is attacker-written: each script is bounded in size (<see cref="MaxScriptChars"/>) and nesting
/// (<see cref="MaxDepth"/>, enforced by the parser), the objects visited per page by <see cref="MaxObjects"/>, and
/// a script that does not parse is skipped. Nothing here throws on bad input.
/// </remarks>
public static class JsonLdReader
{
    /// <summary>Longest script parsed; a larger one is skipped (real pages' JSON-LD is a few kilobytes).</summary>
    public const int MaxScriptChars = 256 * 1024;

    /// <summary>Deepest nesting parsed; deeper scripts are skipped.</summary>
    public const int MaxDepth = 32;

    /// <summary>Most objects and arrays visited over all of a page's scripts.</summary>
    public const int MaxObjects = 4_096;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    // Article-like types first; other creative works only when a page has no article.
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "TechArticle", "ScholarlyArticle",
        "SatiricalArticle", "Report", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting", "Posting",
        "AdvertiserContentArticle", "MedicalScholarlyArticle", "HowTo", "Recipe", "Review",
    };

    private static readonly HashSet<string> OrganizationTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Organization", "NewsMediaOrganization", "Corporation", "LocalBusiness", "EducationalOrganization", "MedicalOrganization", "WebSite", "Brand",
    };

    // Objects whose author or date is not the page's: a comment's author is not the article's.
    private static readonly HashSet<string> NotThePage = new(StringComparer.OrdinalIgnoreCase)
    {
        "Comment", "Answer", "Question", "ImageObject", "VideoObject", "Person", "Organization", "WebSite",
        "BreadcrumbList", "ListItem", "SearchAction", "Offer", "AggregateRating", "Rating", "Brand", "Place",
        "PostalAddress", "ContactPoint", "SiteNavigationElement", "NewsMediaOrganization", "Corporation",
    };

    /// <summary>The metadata the scripts state; empty fields where they state nothing.</summary>
    public static JsonLdMetadata Read(IEnumerable<string> scripts, string? baseUrl)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        var documents = new List<JsonDocument>();
        try
        {
            var objects = new List<JsonElement>();
            var budget = MaxObjects;
            foreach (var script in scripts)
            {
                if (Parse(script) is not { } document)
                {
                    continue;
                }

                documents.Add(document);
                Collect(document.RootElement, objects, ref budget);
            }

            return Extract(objects, baseUrl);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException)
        {
            // An escaped lone surrogate parses but cannot be read as a string: the page's JSON-LD says nothing usable.
            return JsonLdMetadata.None;
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static JsonDocument? Parse(string script)
    {
        var text = script.AsSpan().Trim();
        if (text.Length is 0 or > MaxScriptChars)
        {
            return null;
        }

        // Some CMSs wrap the script in an HTML comment or CDATA markers.
        foreach (var (open, close) in (ReadOnlySpan<(string, string)>)[("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")])
        {
            if (text.StartsWith(open, StringComparison.Ordinal))
            {
                text = text[open.Length..];
                text = text.EndsWith(close, StringComparison.Ordinal) ? text[..^close.Length] : text;
                text = text.Trim();
            }
        }

        try
        {
            return JsonDocument.Parse(text.ToString(), Options);
        }
        catch (JsonException)
        {
            // CMSs paste text with raw line breaks into a string ("articleBody"), which JSON forbids: read it again with
            // every control character a space, as it already is between tokens.
            return ParseWithoutControlCharacters(text);
        }
    }

    private static JsonDocument? ParseWithoutControlCharacters(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAnyInRange('\u0000', '\u001f'))
        {
            return null;
        }

        var cleaned = string.Create(text.Length, text.ToString(), static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] < ' ' ? ' ' : source[i];
            }
        });

        try
        {
            return JsonDocument.Parse(cleaned, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every object in <paramref name="root"/>, in document order, visited without recursion.</summary>
    private static void Collect(JsonElement root, List<JsonElement> objects, ref int budget)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(root);
        while (stack.Count > 0 && budget > 0)
        {
            var element = stack.Pop();
            budget--;
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    objects.Add(element);
                    var children = new List<JsonElement>();
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        {
                            children.Add(property.Value);
                        }
                    }

                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        stack.Push(children[i]);
                    }

                    break;
                case JsonValueKind.Array:
                    var items = element.GetArrayLength();
                    for (var i = items - 1; i >= 0; i--)
                    {
                        if (element[i].ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        {
                            stack.Push(element[i]);
                        }
                    }

                    break;
            }
        }
    }

    private static JsonLdMetadata Extract(List<JsonElement> objects, string? baseUrl)
    {
        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        JsonElement? article = null;
        JsonElement? work = null;
        var siteName = string.Empty;
        foreach (var element in objects)
        {
            if (String(element, "@id") is { Length: > 0 } id && element.EnumerateObject().Count() > 1)
            {
                byId.TryAdd(id, element);
            }

            if (HasType(element, ArticleTypes))
            {
                article ??= element;
            }
            else if (work is null && !HasType(element, NotThePage)
                && (element.TryGetProperty("datePublished", out _) || element.TryGetProperty("author", out _)))
            {
                work = element;
            }

            if (siteName.Length == 0 && HasType(element, ["WebSite"]))
            {
                siteName = MetadataText.Clean(String(element, "name"));
            }
        }

        if ((article ?? work) is not { } main)
        {
            return JsonLdMetadata.None with { Metadata = new PageMetadata { SiteName = siteName } };
        }

        var authors = new List<string>();
        var organizations = new List<string>();
        AddPeople(main, "author", authors, organizations, byId);
        if (authors.Count == 0 && organizations.Count == 0)
        {
            AddPeople(main, "creator", authors, organizations, byId);
        }

        var tags = new List<string>();
        if (main.TryGetProperty("keywords", out var keywords))
        {
            foreach (var keyword in Strings(keywords))
            {
                MetadataText.AddTags(tags, keyword);
            }
        }

        var publisher = Resolve(main, "publisher", byId);
        var metadata = new PageMetadata
        {
            Authors = authors,
            OrganizationAuthors = organizations,
            PublishedTime = LenientDate.Parse(String(main, "datePublished")) ?? LenientDate.Parse(String(main, "dateCreated")),
            ModifiedTime = LenientDate.Parse(String(main, "dateModified")),
            Language = LanguageTag.Normalize(String(main, "inLanguage")),
            SiteName = siteName.Length > 0 ? siteName : MetadataText.Clean(publisher is { } p ? String(p, "name") : null),
            Description = MetadataText.Clean(String(main, "description"), MetadataText.MaxDescriptionChars),
            ImageUrl = MetadataText.Url(ImageOf(main, byId), baseUrl),
            Tags = tags,
        };
        var url = MetadataText.Url(String(main, "url") ?? IdOf(main, "mainEntityOfPage"), baseUrl);
        return new JsonLdMetadata(metadata, MetadataText.Clean(String(main, "headline") ?? String(main, "name"), 1000), url);
    }

    private static void AddPeople(JsonElement owner, string property, List<string> names, List<string> organizations, Dictionary<string, JsonElement> byId)
    {
        if (!owner.TryGetProperty(property, out var value))
        {
            return;
        }

        foreach (var item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : Enumerable.Repeat(value, 1))
        {
            var person = item;
            if (person.ValueKind == JsonValueKind.Object && String(person, "name") is null
                && String(person, "@id") is { } id && byId.TryGetValue(id, out var target))
            {
                person = target;
            }

            var name = person.ValueKind switch
            {
                JsonValueKind.String => person.GetString(),
                JsonValueKind.Object => String(person, "name") ?? JoinedName(person),
                _ => null,
            };
            MetadataText.AddDistinct(HasType(person, OrganizationTypes) ? organizations : names, MetadataText.Name(name));
        }
    }

    private static string? JoinedName(JsonElement person) =>
        String(person, "givenName") is { } given ? $"{given} {String(person, "familyName")}".Trim() : null;

    private static string? ImageOf(JsonElement main, Dictionary<string, JsonElement> byId)
    {
        if (!main.TryGetProperty("image", out var image))
        {
            return null;
        }

        var first = image.ValueKind == JsonValueKind.Array && image.GetArrayLength() > 0 ? image[0] : image;
        if (first.ValueKind == JsonValueKind.Object && String(first, "url") is null && String(first, "@id") is { } id && byId.TryGetValue(id, out var target))
        {
            first = target;
        }

        return first.ValueKind switch
        {
            JsonValueKind.String => first.GetString(),
            JsonValueKind.Object => String(first, "url") ?? String(first, "contentUrl"),
            _ => null,
        };
    }

    private static JsonElement? Resolve(JsonElement owner, string property, Dictionary<string, JsonElement> byId)
    {
        if (!owner.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.GetArrayLength() > 0 ? value[0] : default;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return String(value, "name") is null && String(value, "@id") is { } id && byId.TryGetValue(id, out var target) ? target : value;
    }

    private static string? IdOf(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Object => String(value, "@id") ?? String(value, "url"),
                _ => null,
            }
            : null;

    private static bool HasType(JsonElement element, IReadOnlySet<string> types)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("@type", out var type))
        {
            return false;
        }

        foreach (var name in Strings(type))
        {
            // "schema:NewsArticle" and "http://schema.org/NewsArticle" name the same type.
            var local = name.AsSpan(Math.Max(name.LastIndexOf('/'), name.LastIndexOf(':')) + 1).ToString();
            if (types.Contains(local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasType(JsonElement element, string[] types) => HasType(element, new HashSet<string>(types, StringComparer.OrdinalIgnoreCase));

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString() ?? string.Empty],
        JsonValueKind.Array => value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Take(MetadataText.MaxItems).Select(item => item.GetString() ?? string.Empty),
        _ => [],
    };

    /// <summary>A string property (the first string of an array; the <c>@value</c> of a value object).</summary>
    private static string? String(JsonElement owner, string property)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.EnumerateArray().FirstOrDefault(item => item.ValueKind is JsonValueKind.String or JsonValueKind.Object);
        }

        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@value", out var inner))
        {
            value = inner;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}

/// <summary>What a page's JSON-LD says.</summary>
/// <param name="Metadata">The metadata fields.</param>
/// <param name="Headline">The article's headline or name, or empty.</param>
/// <param name="Url">The article's own URL, absolute, or empty.</param>
public sealed record JsonLdMetadata(PageMetadata Metadata, string Headline, string Url)
{
    /// <summary>No JSON-LD, or none usable.</summary>
    public static JsonLdMetadata None { get; } = new(PageMetadata.Empty, string.Empty, string.Empty);
}
