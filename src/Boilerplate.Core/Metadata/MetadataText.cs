using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Metadata;

/// <summary>Cleans the strings metadata sources hold: entities decoded, whitespace collapsed, length bounded.</summary>
public static partial class MetadataText
{
    /// <summary>Longest name, site name or tag kept.</summary>
    public const int MaxNameChars = 200;

    /// <summary>Longest description kept.</summary>
    public const int MaxDescriptionChars = 2_000;

    /// <summary>Longest URL kept.</summary>
    public const int MaxUrlChars = 2_048;

    /// <summary>Most authors or tags kept.</summary>
    public const int MaxItems = 32;

    /// <summary><paramref name="value"/> decoded and collapsed, cut at <paramref name="maxChars"/>; empty for null.</summary>
    public static string Clean(ReadOnlySpan<char> value, int maxChars = MaxNameChars)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        // Bounded before decoding so a huge value costs no more than a short one.
        var raw = value.Length > maxChars * 2 ? value[..(maxChars * 2)] : value;
        var decoded = raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString();
        var builder = new StringBuilder(Math.Min(decoded.Length, maxChars));
        var space = false;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            // Soft hyphens and zero-width marks steer line breaking and joining; they are not part of the words.
            if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            {
                continue;
            }

            if (builder.Length >= maxChars)
            {
                break;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static readonly HashSet<string> AccountNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "administrator", "webmaster", "root", "user", "guest",
    };

    /// <summary>Words of a site's menus, filters and forms that are never part of a person's name ("Shop by Category", "Sign in").</summary>
    private static readonly HashSet<string> InterfaceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "type", "category", "categories", "topic", "topics", "product", "products", "collection", "collections", "color", "colour", "size",
        "sign", "login", "view", "posts", "written", "updated", "insights", "subscribe", "register", "menu", "search", "filter", "sort",
        "popularity", "relevance", "default", "newest", "oldest", "featured", "accessory", "yourself", "myself", "themselves", "ourselves",
    };

    /// <summary>Words that are a menu's or a form's when they are all of the name, though some people bear them ("Brand", "Price").</summary>
    private static readonly HashSet<string> InterfaceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "brand", "brands", "price", "name", "date", "page", "home", "rating", "reviews", "location", "industry", "author", "authors", "share", "follow",
    };

    /// <summary>
    /// A person's name as pages write it in author fields: empty when it is a URL, a handle or an e-mail address,
    /// and without a leading "By".
    /// </summary>
    public static string Name(ReadOnlySpan<char> value)
    {
        var cleaned = Clean(value);

        // ", USA TODAY": the template rendered an empty name before the employer.
        if (cleaned.StartsWith(','))
        {
            return string.Empty;
        }

        var name = cleaned.TrimStart(' ', '-', '|');

        // "By Jane Doe", "Text by Jane Doe", "Recipe by ...", "Author: Jane Doe".
        name = NamePrefix().Replace(name, string.Empty, 1);

        // "Jane Doe | More about Jane", "Jane Doe - Editorial Team": the name comes first.
        foreach (var separator in (ReadOnlySpan<string>)[" | ", " • ", " · ", " - ", " – ", " — "])
        {
            var at = name.IndexOf(separator, StringComparison.Ordinal);
            name = at > 0 ? name[..at] : name;
        }

        // "Doe, Jane" as library catalogues and some CMSs write it.
        if (InvertedName().Match(name) is { Success: true } inverted)
        {
            name = $"{inverted.Groups["first"].Value} {inverted.Groups["last"].Value}";
        }

        name = WithoutJobTitle(name);

        // A CMS's account names ("admin") stand where no author was set; a template's key stands where it rendered none.
        if (name.Length == 0 || AccountNames.Contains(name) || TemplateKey().IsMatch(name) || name.Contains("://", StringComparison.Ordinal) || name.StartsWith('@')
            || name.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || (name.Contains('@') && !name.Contains(' ')) || IsInterfaceText(name))
        {
            return string.Empty;
        }

        return name;
    }

    /// <summary>
    /// The name without a job title written after it ("Jane Doe Senior Autos Reporter", "Jane Doe Writer"): from the
    /// first title word on, when the name ends in a role and a first and last name stand before the title. A role
    /// after one word is the name itself ("Community Editor", "SFist Contributor").
    /// </summary>
    private static string WithoutJobTitle(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || !Roles.Contains(words[^1].Trim(NameEdges)))
        {
            return name;
        }

        var cut = Array.FindIndex(words, 1, word => Roles.Contains(word.Trim(NameEdges)) || RoleModifiers.Contains(word.Trim(NameEdges)));
        return cut < 2 ? name : string.Join(' ', words[..cut]).TrimEnd(',', ' ', '-', '|');
    }

    /// <summary>Whether <paramref name="text"/> is a job title alone ("Trial Attorney", "Senior Writer"): up to three words ending in a role.</summary>
    public static bool IsJobTitle(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 3 && Roles.Contains(words[^1].Trim(NameEdges));
    }

    /// <summary>Roles bylines write after a name.</summary>
    private static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        "writer", "reporter", "editor", "correspondent", "columnist", "contributor", "journalist", "photographer", "producer",
        "attorney", "lawyer",
        "redakteur", "redakteurin", "journalistin", "rédacteur", "rédactrice", "journaliste", "periodista", "redactor", "redactora",
        "giornalista", "redattore", "redattrice",
    };

    /// <summary>Words that open a job title before its role ("Senior", "Staff", "Contributing").</summary>
    private static readonly HashSet<string> RoleModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "senior", "staff", "chief", "contributing", "managing", "associate", "deputy", "executive", "lead", "guest", "freelance",
        "assistant", "features", "news", "sports", "politics", "business", "technology", "tech", "health", "science",
    };

    /// <summary>Whether <paramref name="name"/> is a menu's, a filter's or a form's label rather than a name ("Category", "Sign In", "Name *").</summary>
    private static bool IsInterfaceText(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => word.Any(char.IsLetter)).Select(word => word.Trim(NameEdges)).ToList();
        return words.Any(InterfaceWords.Contains) || (words.Count == 1 && InterfaceNames.Contains(words[0]));
    }

    private static readonly char[] NameEdges = ['.', ',', ':', ';', '*', '!', '?', '(', ')', '"', '\''];

    /// <summary><paramref name="value"/> resolved against <paramref name="baseUrl"/>; empty unless an absolute http(s) URL results.</summary>
    public static string Url(ReadOnlySpan<char> value, string? baseUrl)
    {
        var text = Clean(value, MaxUrlChars);
        return text.Length == 0 ? string.Empty : PageUrls.Resolve(PageUrls.BaseOf(baseUrl, null), text, allowMail: false) ?? string.Empty;
    }

    /// <summary>Adds <paramref name="value"/> to <paramref name="list"/> unless it is empty, already there (ignoring case) or the list is full.</summary>
    public static void AddDistinct(List<string> list, string value)
    {
        if (value.Length > 0 && list.Count < MaxItems && !list.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(value);
        }
    }

    /// <summary>Splits a keywords value ("a, b; c") into tags.</summary>
    public static void AddTags(List<string> tags, ReadOnlySpan<char> value)
    {
        foreach (var part in Clean(value, MaxDescriptionChars).Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            AddDistinct(tags, part.Length > MaxNameChars ? part[..MaxNameChars] : part);
        }
    }

    [GeneratedRegex(@"^(?:(?:text|words|story|recipe|reporting|written|posted)\s+by\s+|by\s+|author\s?:\s*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex NamePrefix();

    /// <summary>A template's unrendered key: "page.head.author", "{{ author }}", "%author%" (not "sara.r.peter", a handle).</summary>
    [GeneratedRegex(@"^(?:[a-z_]{3,}(?:\.[a-z_]{3,}){2,}|.*\{\{.*\}\}.*|%[a-z_]+%)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TemplateKey();

    [GeneratedRegex(@"^(?<last>\p{Lu}[\p{L}'’\-]+),\s*(?<first>\p{Lu}[\p{L}'’\-]+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex InvertedName();

    /// <summary>
    /// The capitalised words that open <paramref name="text"/>, up to the first word that is not (a lower-case word, a
    /// number, a month, weekday or "Updated"/"Read"): the name in "Jane Doe December 17, 2025" or "Jane Doe in Guides".
    /// </summary>
    public static string LeadingCapitalisedWords(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words, 0, LeadingCapitalisedCount(words));
    }

    /// <summary>The capitalised words that open <paramref name="text"/> when a date follows them ("Jane Doe 4 August 2010"), else empty.</summary>
    public static string NameBeforeDate(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var count = LeadingCapitalisedCount(words);
        return count > 0 && count < words.Length && (char.IsDigit(words[count][0]) || DateWord().IsMatch(words[count]))
            ? string.Join(' ', words, 0, count)
            : string.Empty;
    }

    private static int LeadingCapitalisedCount(string[] words)
    {
        var count = 0;
        while (count < words.Length && char.IsUpper(words[count][0]) && !DateWord().IsMatch(words[count]))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Updated|Published|Posted|Last|Read|Reading|Min|Minutes?)[a-z]*\.?,?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DateWord();
}
