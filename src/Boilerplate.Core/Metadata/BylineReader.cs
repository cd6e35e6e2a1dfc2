using System.Text.RegularExpressions;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Metadata;

/// <summary>
/// Reads authors and dates from the page's own text when its markup states none: a byline ("By Jane Doe | March 3,
/// 2025", "Von ...", "Par ...", "Autor: ...") and a dateline ("Published March 3, 2025", or a block that is a date).
/// Only short blocks near the top, around the article's start and, for a byline alone, around its end are read,
/// whatever the model labels them.
/// </summary>
public static partial class BylineReader
{
    /// <summary>Blocks from the top of the page that are read.</summary>
    public const int MaxBlocks = 80;

    /// <summary>Longest block read as a byline or dateline.</summary>
    public const int MaxBlockChars = 200;

    /// <summary>A block this short that holds a date is taken as a dateline without a "Published" in it.</summary>
    public const int MaxDatelineChars = 60;

    /// <summary>Blocks before the article's first kept block that are read when it starts below <see cref="MaxBlocks"/>.</summary>
    public const int BlocksBeforeArticle = 20;

    /// <summary>Blocks from the article's first kept block on that are read when it starts below <see cref="MaxBlocks"/>.</summary>
    public const int BlocksIntoArticle = 5;

    /// <summary>Blocks after the article's last kept block that are read for a byline ("Written by ..." signing it off).</summary>
    public const int BlocksAfterArticle = 4;

    /// <summary>Blocks before the article's last kept block that are read for a byline signing it off (an author's bio may be kept after it).</summary>
    public const int BlocksBeforeArticleEnd = 2;

    /// <summary>
    /// Authors and dates in the first blocks of <paramref name="blocks"/> and, when the article starts further down
    /// (<paramref name="articleStart"/>, its first kept block; -1 when unknown), in the blocks around its start, where a
    /// byline sits under a long menu; then, when none names an author, a byline that signs the article off around its
    /// last kept block (<paramref name="articleEnd"/>; -1 when unknown); empty fields where there are none.
    /// </summary>
    public static PageMetadata Read(IReadOnlyList<Block> blocks, int articleStart = -1, int articleEnd = -1)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var authors = new List<string>();
        DateTimeOffset? published = null;
        DateTimeOffset? modified = null;
        var labelled = false;
        var joinedLabel = false;
        var previous = new string?[FullNameLookBack];
        var readCount = 0;
        foreach (var block in BlocksRead(blocks, articleStart))
        {
            var text = block.Text;
            if (!IsReadable(block))
            {
                labelled = joinedLabel = false;
                continue;
            }

            // A forum member's profile says when they joined, in one block ("Joined: Jul 24, 2017") or two ("Joined", then the date): no dateline.
            var profileDate = joinedLabel || Joined().IsMatch(text);
            joinedLabel = JoinedLabel().IsMatch(text);

            if (labelled && authors.Count == 0)
            {
                // "Written by" in a block of its own, the name in the next.
                MetadataText.AddDistinct(authors, LabelledName(text));
            }

            labelled = Label().IsMatch(text);
            var byline = authors.Count == 0 ? BylineIn(text) : Match.Empty;
            if (byline.Success)
            {
                AddNames(byline, authors);
                WithFullName(authors, previous);
            }

            previous[readCount++ % previous.Length] = text;

            // A date in digits alone stamps reviews and price lists too: it is a dateline only by itself or announced.
            var digitDates = Published().IsMatch(text) || Updated().IsMatch(text) || LenientDate.IsDateInDigits(text);
            var dated = !profileDate && LenientDate.Find(text, digitDates) is { } found && (byline.Success || IsDateline(text)) ? found : (DateTimeOffset?)null;
            if (dated is not null && authors.Count == 0)
            {
                // The name beside the date in a dateline ("Jane Doe | Senior Writer | July 2, 2025", "Dec 26, 2025 • Jane Doe in Guides").
                AddNameInDateline(text, authors);
            }

            if ((published is null || modified is null) && dated is { } date)
            {
                if (Updated().IsMatch(text) && !Published().IsMatch(text))
                {
                    modified ??= date;
                }
                else
                {
                    published ??= date;
                }
            }

            if (authors.Count > 0 && published is not null)
            {
                break;
            }
        }

        if (authors.Count == 0 && articleEnd >= 0)
        {
            AddSigningOff(blocks, articleEnd, authors);
        }

        return new PageMetadata { Authors = authors, PublishedTime = published, ModifiedTime = modified };
    }

    /// <summary>
    /// The first person named in a part of a dateline between separators (" · ", " | ", " • ", " / "): the part's
    /// leading capitalised words, up to a date word or a lower-case word, when they read as a name. Nothing when the
    /// dateline has no separator.
    /// </summary>
    private static void AddNameInDateline(string text, List<string> authors)
    {
        // Without a separator, capitalised words before a date are as often a headline's ("Development Update 2024-10-04").
        var parts = text.Split(DatelineSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return;
        }

        foreach (var part in parts)
        {
            var name = MarkupMetadataReader.NameLike(MetadataText.LeadingCapitalisedWords(part));
            if (name.Length > 0)
            {
                MetadataText.AddDistinct(authors, name);
                return;
            }
        }
    }

    /// <summary>Readable blocks before a byline searched for the full name of a first name it gives.</summary>
    private const int FullNameLookBack = 3;

    /// <summary>
    /// A byline that names one word ("Articles by Jane") takes the full name from a block just before it that is a
    /// name starting with that word ("Jane Doe" above her title).
    /// </summary>
    private static void WithFullName(List<string> authors, string?[] previous)
    {
        if (authors.Count != 1 || authors[0].Contains(' '))
        {
            return;
        }

        foreach (var text in previous)
        {
            if (text is not null && text.StartsWith(authors[0] + " ", StringComparison.Ordinal) && MarkupMetadataReader.NameLike(text) is { Length: > 0 } full)
            {
                authors[0] = full;
                return;
            }
        }
    }

    private static readonly string[] DatelineSeparators = [" · ", "·", " | ", " • ", " / ", " – ", " — "];

    /// <summary>
    /// The authors of a byline that signs the article off, in the short blocks around its last kept one ("Written by
    /// Jane Doe", "This post was written by Jane Doe", "Article by" then the name): a bare "By" counts only at a block's
    /// start, since text there also names people in passing.
    /// </summary>
    private static void AddSigningOff(IReadOnlyList<Block> blocks, int articleEnd, List<string> authors)
    {
        var labelled = false;
        for (var i = Math.Max(0, articleEnd - BlocksBeforeArticleEnd); i < Math.Min(blocks.Count, articleEnd + 1 + BlocksAfterArticle) && authors.Count == 0; i++)
        {
            var text = blocks[i].Text;
            if (!IsReadable(blocks[i]))
            {
                labelled = false;
                continue;
            }

            if (labelled)
            {
                MetadataText.AddDistinct(authors, LabelledName(text));
            }

            labelled = Label().IsMatch(text);
            var byline = BylineIn(text);
            if (byline.Success && (byline.Index == 0 || !byline.Value.StartsWith("by", StringComparison.OrdinalIgnoreCase)))
            {
                AddNames(byline, authors);
            }
        }
    }

    /// <summary>
    /// The name in the block after a "Written by" or "By" label: a person's name, or, since the label says a name
    /// follows, one capitalised word ("Eliz - Product marketer"; not initials such as "CP", an avatar's) or a team
    /// ("The Newsroom Team").
    /// </summary>
    private static string LabelledName(string text)
    {
        var name = MarkupMetadataReader.NameLike(text);
        if (name.Length > 0)
        {
            return name;
        }

        name = MetadataText.Name(text);
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var single = words.Length == 1 && name.Length <= 30 && char.IsUpper(name[0]) && name.All(char.IsLetter) && name.Any(char.IsLower);
        var team = words.Length is >= 2 and <= 4 && TeamWords.Contains(words[^1]) && words.All(word => char.IsUpper(word[0]));
        return single || team ? name : string.Empty;
    }

    private static readonly HashSet<string> TeamWords = new(StringComparer.Ordinal) { "Team", "Staff", "Editors", "Desk", "Newsroom" };

    /// <summary>A block the reader reads: short, and no code or table row.</summary>
    private static bool IsReadable(Block block) => block.Text.Length <= MaxBlockChars && block.Kind is not (BlockKind.Code or BlockKind.TableRow);

    /// <summary>The byline in <paramref name="text"/>, the pattern run only where <see cref="MayHoldByline"/> says it can match.</summary>
    private static Match BylineIn(string text) => MayHoldByline(text) ? Byline().Match(text) : Match.Empty;

    /// <summary>Adds the names <paramref name="byline"/> captured.</summary>
    private static void AddNames(Match byline, List<string> authors)
    {
        var captures = byline.Groups["name"].Captures;
        for (var i = 0; i < captures.Count; i++)
        {
            // "By Jane Doe, Trial Attorney at ...": a title after the name is no second author.
            var name = NameOf(captures[i].Value);
            if (i == 0 || !MetadataText.IsJobTitle(name))
            {
                MetadataText.AddDistinct(authors, name);
            }
        }
    }

    /// <summary>
    /// The name a byline captured; when the capture as a whole is no name, its longest opening words (two or more) that
    /// are: the capture runs on over capitalised words after the name ("By Jane Doe View In Digital Edition").
    /// </summary>
    private static string NameOf(string captured)
    {
        var name = MetadataText.Name(captured);
        var words = captured.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var count = words.Length - 1; name.Length == 0 && count >= 2; count--)
        {
            name = MetadataText.Name(string.Join(' ', words, 0, count));
        }

        return name;
    }

    private static IEnumerable<Block> BlocksRead(IReadOnlyList<Block> blocks, int articleStart)
    {
        var top = Math.Min(MaxBlocks, blocks.Count);
        for (var i = 0; i < top; i++)
        {
            yield return blocks[i];
        }

        for (var i = Math.Max(top, articleStart - BlocksBeforeArticle); i < Math.Min(blocks.Count, articleStart + BlocksIntoArticle); i++)
        {
            yield return blocks[i];
        }
    }

    /// <summary>
    /// Whether <see cref="Byline"/> can match <paramref name="text"/>: it reads a "by" or one of the words that open a
    /// byline at the start. Most blocks have neither, and the pattern's scan is the reader's main cost.
    /// </summary>
    private static bool MayHoldByline(string text)
    {
        if (text.Contains("by", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var opener in BylineOpeners)
        {
            if (text.StartsWith(opener, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words <see cref="Byline"/> reads at a block's start without a "by" (as its pattern spells them).</summary>
    private static readonly string[] BylineOpeners = ["Von", "Par", "Por", "Di", "Door", "Przez", "Av", "Af", "Autor", "Author", "Contributor", "Auteur", "Автор"];

    /// <summary>A block that announces a date, or says little besides one ("Jun 08, 2023 • 11 Minute Read").</summary>
    private static bool IsDateline(string text) =>
        text.Length <= MaxDatelineChars || Published().IsMatch(text) || Updated().IsMatch(text) || DateOnly().IsMatch(text);

    [GeneratedRegex(
        @"(?:^(?:Von|Par|Por|Di|Door|Przez|Av|Af|Autor(?:in|a)?\s?:|Authors?\s?:|Contributors?\s?:|Auteur\s?:|Автор\s?:?)|(?<![\p{L}])(?<!(?i:photo|photograph|image|illustration|video|graphic|credit|powered|made|designed|developed|built|sort|sorted|shop|filter|filtered|browse|search|order|ordered|group|grouped)s?\s)(?:(?:Written|Posted|Published|Reviewed|Reported|Story|Words|Text|written|posted|published|reviewed|reported)\s+by|By|by|BY))(?:\s?:\s*|\s+|(?<=^By)(?=\p{Lu}\p{Ll}))(?<name>\p{Lu}[\p{L}'’.\-]+(?:\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Updated|Published|Posted|Last|Read)[a-z]*\.?\b)(?:\p{Lu}[\p{L}'’.\-]*|de|da|van|von|der|den|del|la|le|di|du|bin|al)){0,4})(?:\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\be\b)\s*(?<name>\p{Lu}[\p{L}'’.\-]+(?:\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Updated|Published|Posted|Last|Read)[a-z]*\.?\b)(?:\p{Lu}[\p{L}'’.\-]*|de|da|van|von|der|den|del|la|le|di|du|bin|al)){1,4})){0,4}",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?:(?:Written|Posted|Article|Story|Text|Words) by|By|Author|Authors|Contributors?|Autor|Auteur|Von|Par|Por)\s?:?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex Label();

    /// <summary>How a forum member's profile introduces the date they joined.</summary>
    private const string JoinedWords = "joined|member since|registered|join date";

    [GeneratedRegex(@"\b(?:" + JoinedWords + @")\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex Joined();

    [GeneratedRegex(@"^\W*(?:" + JoinedWords + @")\W*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex JoinedLabel();

    [GeneratedRegex(@"\b(?:published|posted|publié|publicado|pubblicato|veröffentlicht|gepubliceerd|opublikowano|date)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex Published();

    [GeneratedRegex(@"\b(?:updated|last modified|modified|aktualisiert|mis à jour|actualizado|aggiornato)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex Updated();

    [GeneratedRegex(@"^\W*(?:on\s+)?(?:\w+day,?\s+)?[\w .,/-]{6,24}\d{4}(?:\s*(?:at\s+)?\d{1,2}:\d\d\s*(?:am|pm|AM|PM)?(?:\s*[A-Z]{2,4})?)?\W*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DateOnly();
}
