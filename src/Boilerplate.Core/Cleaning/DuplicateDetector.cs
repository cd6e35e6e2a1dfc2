namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Finds near-duplicate paragraphs of a page: teasers (a paragraph cut short with "..." or "…"
/// whose words open another paragraph) and repeats (4-word-shingle Jaccard similarity of at least
/// <see cref="RepeatSimilarity"/> with an earlier paragraph, or the same words when too short to shingle).
/// The teaser is dropped wherever it sits, since the full paragraph says more; of two repeats the later goes, unless
/// both sit in the same place of the markup (see the <c>samePlace</c> overload of <c>Find</c>).
/// </summary>
/// <remarks>
/// Cost stays linear on big pages: paragraphs are compared only through hash indexes (opening words, shingles), and
/// every index list is capped at <see cref="MaxCandidates"/> entries, so a page of a thousand identical lines does not
/// turn into a million comparisons. Stateless and deterministic.
/// </remarks>
public static class DuplicateDetector
{
    /// <summary>Jaccard similarity of word 4-shingles from which a later paragraph is a repeat.</summary>
    public const double RepeatSimilarity = 0.9;

    /// <summary>Most earlier paragraphs one hash index entry remembers.</summary>
    public const int MaxCandidates = 16;

    private const int ShingleSize = 4;
    private const int TeaserKeyWords = 4;

    private const int CancellationCheckInterval = 64;

    private const long Offset = unchecked((long)14695981039346656037UL);

    private const long Prime = 1099511628211L;

    /// <summary>Indices (into <paramref name="texts"/>) of the paragraphs to drop as duplicates.</summary>
    public static ISet<int> Find(IReadOnlyList<string> texts) => Find(texts, originals: null);

    /// <summary>
    /// Indices (into <paramref name="texts"/>) of the paragraphs that duplicate one of the <paramref name="originals"/>
    /// (all paragraphs when null): only an original makes another paragraph a duplicate, so a paragraph the page keeps
    /// is never lost to a copy the page drops, while a dropped copy of a kept paragraph is found (and can say why).
    /// </summary>
    public static ISet<int> Find(IReadOnlyList<string> texts, IReadOnlyList<bool>? originals) => Find(texts, originals, samePlace: null);

    /// <summary>
    /// As <see cref="Find(IReadOnlyList{string}, IReadOnlyList{bool}?)"/>, but a repeat that
    /// <paramref name="samePlace"/> says sits where its original does (given two paragraph indices) is kept: a
    /// paragraph said twice in the same place of the markup (same element, ancestors and class/id tokens, say two paragraphs of one article body) is the
    /// page's own text, while the copies templates make (a summary above the article, mobile and desktop variants, a
    /// sidebar) sit elsewhere. <paramref name="cancellationToken"/> is watched between paragraphs: on a page of
    /// thousands of paragraphs this takes as long as scoring it.
    /// </summary>
    public static ISet<int> Find(
        IReadOnlyList<string> texts, IReadOnlyList<bool>? originals, Func<int, int, bool>? samePlace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (originals is not null && originals.Count != texts.Count)
        {
            throw new ArgumentException("One flag per paragraph is needed.", nameof(originals));
        }

        bool IsOriginal(int i) => originals is null || originals[i];
        var words = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            ThrowIfCancelled(i, cancellationToken);
            words[i] = Words(texts[i]);
        }

        var duplicates = new HashSet<int>();
        FindTeasers(texts, words, IsOriginal, duplicates, cancellationToken);
        FindRepeats(words, IsOriginal, samePlace ?? ((_, _) => false), duplicates, cancellationToken);
        return duplicates;
    }

    private static void FindTeasers(
        IReadOnlyList<string> texts, long[][] words, Func<int, bool> isOriginal, HashSet<int> duplicates, CancellationToken cancellationToken)
    {
        var byOpening = new Dictionary<long, List<int>>();
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Length > TeaserKeyWords && isOriginal(i))
            {
                AddCapped(byOpening, HashWords(words[i], 0, TeaserKeyWords), i);
            }
        }

        for (var i = 0; i < texts.Count; i++)
        {
            ThrowIfCancelled(i, cancellationToken);
            var teaser = TeaserWords(texts[i], words[i]);
            if (teaser < TeaserKeyWords || !byOpening.TryGetValue(HashWords(words[i], 0, TeaserKeyWords), out var candidates))
            {
                continue;
            }

            foreach (var other in candidates)
            {
                if (other != i && words[other].Length > teaser && StartsWith(words[other], words[i], teaser))
                {
                    duplicates.Add(i);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// How many leading words of a paragraph ending in an ellipsis must reappear elsewhere: all but the last, which the
    /// cut may have clipped mid-word. Zero when the paragraph is not a teaser.
    /// </summary>
    private static int TeaserWords(string text, long[] words)
    {
        var trimmed = text.AsSpan().TrimEnd();
        var isTeaser = trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith("…", StringComparison.Ordinal);
        return isTeaser ? words.Length - 1 : 0;
    }

    private static void FindRepeats(
        long[][] words, Func<int, bool> isOriginal, Func<int, int, bool> samePlace, HashSet<int> duplicates, CancellationToken cancellationToken)
    {
        var byShingle = new Dictionary<long, List<int>>();
        var shared = new Dictionary<int, int>();
        var shingleCounts = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            ThrowIfCancelled(i, cancellationToken);
            var shingles = Shingles(words[i]);
            shingleCounts[i] = shingles.Count;
            if (shingles.Count == 0)
            {
                continue;
            }

            shared.Clear();
            foreach (var shingle in shingles)
            {
                if (byShingle.TryGetValue(shingle, out var earlier))
                {
                    foreach (var other in earlier)
                    {
                        shared[other] = shared.GetValueOrDefault(other) + 1;
                    }
                }
            }

            var repeatsElsewhere = false;
            foreach (var (other, common) in shared)
            {
                // A dropped teaser must not take the full paragraph down with it.
                if (duplicates.Contains(other) || !isOriginal(other))
                {
                    continue;
                }

                var jaccard = (double)common / (shingles.Count + shingleCounts[other] - common);
                if (jaccard >= RepeatSimilarity)
                {
                    if (samePlace(i, other))
                    {
                        // The page says it again itself; whatever else it repeats, this copy stays.
                        repeatsElsewhere = false;
                        break;
                    }

                    repeatsElsewhere = true;
                }
            }

            if (repeatsElsewhere)
            {
                duplicates.Add(i);
            }

            foreach (var shingle in shingles)
            {
                AddCapped(byShingle, shingle, i);
            }
        }
    }

    /// <summary>
    /// Distinct shingle hashes of a paragraph; a paragraph shorter than a shingle is one shingle of all its words, so
    /// short lines repeat only when their words are identical.
    /// </summary>
    private static HashSet<long> Shingles(long[] words)
    {
        var shingles = new HashSet<long>();
        if (words.Length == 0)
        {
            return shingles;
        }

        if (words.Length < ShingleSize)
        {
            shingles.Add(HashWords(words, 0, words.Length));
            return shingles;
        }

        for (var start = 0; start + ShingleSize <= words.Length; start++)
        {
            shingles.Add(HashWords(words, start, ShingleSize));
        }

        return shingles;
    }

    private static void ThrowIfCancelled(int paragraph, CancellationToken cancellationToken)
    {
        if (paragraph % CancellationCheckInterval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static bool StartsWith(long[] text, long[] prefix, int count) =>
        text.AsSpan(0, count).SequenceEqual(prefix.AsSpan(0, count));

    private static void AddCapped(Dictionary<long, List<int>> index, long key, int value)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (list.Count < MaxCandidates && (list.Count == 0 || list[^1] != value))
        {
            list.Add(value);
        }
    }

    /// <summary>
    /// Hashes of the lower-case runs of letters, digits and '_' (close to, but not exactly, WordTokenizer's \w split:
    /// combining marks end a word here): words are only ever compared, so no string is built for them.
    /// </summary>
    private static long[] Words(string text)
    {
        var words = new List<long>();
        var hash = Offset;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                hash = unchecked((hash ^ char.ToLowerInvariant(c)) * Prime);
                inWord = true;
            }
            else if (inWord)
            {
                words.Add(hash);
                hash = Offset;
                inWord = false;
            }
        }

        if (inWord)
        {
            words.Add(hash);
        }

        return [.. words];
    }

    /// <summary>A stable 64-bit FNV-1a hash of a word window (stable across runs, unlike string.GetHashCode).</summary>
    private static long HashWords(long[] words, int start, int count)
    {
        var hash = Offset;
        for (var w = start; w < start + count; w++)
        {
            hash = unchecked((hash ^ words[w]) * Prime);
        }

        return hash;
    }
}
