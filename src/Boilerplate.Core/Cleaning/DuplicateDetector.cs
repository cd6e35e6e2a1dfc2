using System.Runtime.InteropServices;
using Boilerplate.Core.Features;

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
        var words = PageWords.Of(texts, cancellationToken);
        var duplicates = new HashSet<int>();
        FindTeasers(texts, words, IsOriginal, duplicates, cancellationToken);
        FindRepeats(words, IsOriginal, samePlace ?? ((_, _) => false), duplicates, cancellationToken);
        return duplicates;
    }

    private static void FindTeasers(
        IReadOnlyList<string> texts, PageWords words, Func<int, bool> isOriginal, HashSet<int> duplicates, CancellationToken cancellationToken)
    {
        using var byOpening = new CappedIndex(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            if (words.CountOf(i) > TeaserKeyWords && isOriginal(i))
            {
                byOpening.Add(HashWords(words.Of(i)[..TeaserKeyWords]), i);
            }
        }

        for (var i = 0; i < texts.Count; i++)
        {
            ThrowIfCancelled(i, cancellationToken);
            var opening = words.Of(i);
            var teaser = TeaserWords(texts[i], opening.Length);
            if (teaser < TeaserKeyWords)
            {
                continue;
            }

            foreach (var other in byOpening.Get(HashWords(opening[..TeaserKeyWords])))
            {
                if (other != i && words.CountOf(other) > teaser && words.Of(other)[..teaser].SequenceEqual(opening[..teaser]))
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
    private static int TeaserWords(string text, int words)
    {
        var trimmed = text.AsSpan().TrimEnd();
        var isTeaser = trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith("…", StringComparison.Ordinal);
        return isTeaser ? words - 1 : 0;
    }

    private static void FindRepeats(
        PageWords words, Func<int, bool> isOriginal, Func<int, int, bool> samePlace, HashSet<int> duplicates, CancellationToken cancellationToken)
    {
        // A paragraph has at most as many shingles as words: sized once, the index never grows.
        using var byShingle = new CappedIndex(words.Total);
        var shared = new Dictionary<int, int>();
        var shingles = new HashSet<long>();
        var shingleCounts = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            ThrowIfCancelled(i, cancellationToken);
            Shingles(words.Of(i), shingles);
            shingleCounts[i] = shingles.Count;
            if (shingles.Count == 0)
            {
                continue;
            }

            shared.Clear();
            foreach (var shingle in shingles)
            {
                foreach (var other in byShingle.Get(shingle))
                {
                    shared[other] = shared.GetValueOrDefault(other) + 1;
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
                byShingle.Add(shingle, i);
            }
        }
    }

    /// <summary>
    /// Distinct shingle hashes of a paragraph, into <paramref name="shingles"/>; a paragraph shorter than a shingle is
    /// one shingle of all its words, so short lines repeat only when their words are identical.
    /// </summary>
    private static void Shingles(ReadOnlySpan<long> words, HashSet<long> shingles)
    {
        shingles.Clear();
        if (words.Length == 0)
        {
            return;
        }

        if (words.Length < ShingleSize)
        {
            shingles.Add(HashWords(words));
            return;
        }

        for (var start = 0; start + ShingleSize <= words.Length; start++)
        {
            shingles.Add(HashWords(words.Slice(start, ShingleSize)));
        }
    }

    private static void ThrowIfCancelled(int paragraph, CancellationToken cancellationToken)
    {
        if (paragraph % CancellationCheckInterval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>A stable 64-bit FNV-1a hash of a word window (stable across runs, unlike string.GetHashCode).</summary>
    private static long HashWords(ReadOnlySpan<long> words)
    {
        var hash = Offset;
        foreach (var word in words)
        {
            hash = unchecked((hash ^ word) * Prime);
        }

        return hash;
    }

    /// <summary>
    /// The word hashes of every paragraph of a page in one array: hashes of the lower-case runs of letters, digits and
    /// '_' (close to, but not exactly, WordTokenizer's \w split: combining marks end a word here). Words are only ever
    /// compared, so no string is built for them, and one array serves the page instead of one a paragraph.
    /// </summary>
    private sealed class PageWords
    {
        private readonly List<long> _hashes;
        private readonly int[] _starts;

        private PageWords(List<long> hashes, int[] starts) => (_hashes, _starts) = (hashes, starts);

        public int Count => _starts.Length - 1;

        public int Total => _hashes.Count;

        public ReadOnlySpan<long> Of(int paragraph) =>
            CollectionsMarshal.AsSpan(_hashes).Slice(_starts[paragraph], _starts[paragraph + 1] - _starts[paragraph]);

        public int CountOf(int paragraph) => _starts[paragraph + 1] - _starts[paragraph];

        public static PageWords Of(IReadOnlyList<string> texts, CancellationToken cancellationToken)
        {
            var chars = 0;
            foreach (var text in texts)
            {
                chars += text.Length;
            }

            // Prose averages five or six characters a word with its separator: the list rarely grows.
            var hashes = new List<long>(chars / 5 + 16);
            var starts = new int[texts.Count + 1];
            for (var i = 0; i < texts.Count; i++)
            {
                ThrowIfCancelled(i, cancellationToken);
                starts[i] = hashes.Count;
                var hash = Offset;
                var inWord = false;
                foreach (var c in texts[i])
                {
                    if (char.IsLetterOrDigit(c) || c == '_')
                    {
                        hash = unchecked((hash ^ char.ToLowerInvariant(c)) * Prime);
                        inWord = true;
                    }
                    else if (inWord)
                    {
                        hashes.Add(hash);
                        hash = Offset;
                        inWord = false;
                    }
                }

                if (inWord)
                {
                    hashes.Add(hash);
                }
            }

            starts[texts.Count] = hashes.Count;
            return new PageWords(hashes, starts);
        }
    }

    /// <summary>
    /// Hash to paragraphs, at most <see cref="MaxCandidates"/> a hash, in the order they were added: an open-addressing
    /// table of list heads and two arrays of entries for the whole page, all rented, since on a long page they pass
    /// the large-object threshold. Holds at most the number of hashes and additions it was made for.
    /// </summary>
    private sealed class CappedIndex : IDisposable
    {
        private readonly long[] _keys;
        private readonly int[] _heads;
        private readonly int[] _tails;
        private readonly int[] _counts;
        private readonly int[] _values;
        private readonly int[] _next;
        private readonly int _mask;
        private readonly int _capacity;
        private int _entries;

        /// <param name="capacity">Most additions (and so most distinct hashes) the index will be given.</param>
        public CappedIndex(int capacity)
        {
            _capacity = Math.Max(capacity, 1);

            // At most half full, so a probe soon meets an empty slot.
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * _capacity));
            _mask = size - 1;
            _keys = PageBuffers.Longs.Rent(size);
            _heads = PageBuffers.Ints.Rent(size);
            _tails = PageBuffers.Ints.Rent(size);
            _counts = PageBuffers.Ints.Rent(size);
            _values = PageBuffers.Ints.Rent(_capacity);
            _next = PageBuffers.Ints.Rent(_capacity);
            Array.Clear(_counts, 0, size);
        }

        public void Add(long key, int value)
        {
            var slot = SlotOf(key);
            if (_counts[slot] == 0)
            {
                _keys[slot] = key;
                _heads[slot] = _tails[slot] = NewEntry(value);
                _counts[slot] = 1;
            }
            else if (_counts[slot] < MaxCandidates && _values[_tails[slot]] != value)
            {
                var entry = NewEntry(value);
                _next[_tails[slot]] = entry;
                _tails[slot] = entry;
                _counts[slot]++;
            }
        }

        public Enumerator Get(long key)
        {
            var slot = SlotOf(key);
            return _counts[slot] == 0 ? default : new Enumerator(this, _heads[slot], _counts[slot]);
        }

        public void Dispose()
        {
            PageBuffers.Longs.Return(_keys);
            PageBuffers.Ints.Return(_heads);
            PageBuffers.Ints.Return(_tails);
            PageBuffers.Ints.Return(_counts);
            PageBuffers.Ints.Return(_values);
            PageBuffers.Ints.Return(_next);
        }

        /// <summary>The slot holding <paramref name="key"/>, or the empty slot where it would go.</summary>
        private int SlotOf(long key)
        {
            var slot = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
            while (_counts[slot] != 0 && _keys[slot] != key)
            {
                slot = (slot + 1) & _mask;
            }

            return slot;
        }

        private int NewEntry(int value)
        {
            if (_entries == _capacity)
            {
                throw new InvalidOperationException("The index was given more entries than it was made for.");
            }

            _values[_entries] = value;
            return _entries++;
        }

        /// <summary>The paragraphs of one hash, without allocating.</summary>
        public struct Enumerator(CappedIndex? index, int head, int count)
        {
            private int _entry = -1;
            private int _left = count;

            public readonly int Current => index!._values[_entry];

            public readonly Enumerator GetEnumerator() => this;

            public bool MoveNext()
            {
                if (_left == 0)
                {
                    return false;
                }

                _entry = _entry < 0 ? head : index!._next[_entry];
                _left--;
                return true;
            }
        }
    }
}
