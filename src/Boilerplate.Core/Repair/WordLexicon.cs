using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Boilerplate.Core.Repair;

/// <summary>
/// Words that hold characters outside ASCII, looked up by their damaged shape: the word lower-cased with each run of
/// such characters as one mark per UTF-8 byte (<c>calder__n</c>) and one mark per character (<c>calder_n</c>). A
/// placeholder run inside a word is filled from the word the lexicon knows in that shape when it knows one clearly
/// (seen at least <see cref="DominanceFactor"/> times as often as the next), before the <see cref="CharacterModel"/>
/// guesses from three letters of context: <c>r_n</c> says <c>á</c> more often than <c>ó</c>, the word says
/// <c>Calderón</c>. Built from the corpora's train split and, when given, spelling dictionaries' stems.
/// </summary>
public sealed class WordLexicon
{
    /// <summary>How many times as often the best word of a shape must be seen as the next for the lexicon to answer.</summary>
    public const int DominanceFactor = 2;

    /// <summary>Longest word kept or looked up, in characters.</summary>
    public const int MaxWordChars = 40;

    private const char Mark = '\u0001';
    private const string ResourceName = "Boilerplate.Core.Repair.word-lexicon.tsv.gz";
    private static readonly Lazy<WordLexicon> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, string> _words;

    private WordLexicon(Dictionary<string, string> words) => _words = words;

    /// <summary>The lexicon embedded in this assembly.</summary>
    public static WordLexicon Default => Embedded.Value;

    /// <summary>An empty lexicon: every run is left to the character model.</summary>
    public static WordLexicon Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Shapes the lexicon answers.</summary>
    public int Count => _words.Count;

    /// <summary>
    /// The word <paramref name="damaged"/> stands for, its runs of <paramref name="mark"/> filled, or null when the
    /// lexicon does not know one clearly.
    /// </summary>
    public string? Restore(ReadOnlySpan<char> damaged, char mark)
    {
        if (damaged.Length > MaxWordChars || damaged.IndexOf(mark) < 0)
        {
            return null;
        }

        Span<char> key = stackalloc char[damaged.Length];
        for (var i = 0; i < damaged.Length; i++)
        {
            var c = damaged[i];
            if (c != mark && c >= 0x80)
            {
                return null;
            }

            key[i] = c == mark ? Mark : char.ToLowerInvariant(c);
        }

        return _words.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var word) ? word : null;
    }

    /// <summary>
    /// Counts the words of <paramref name="paragraphs"/> and <paramref name="dictionaryWords"/> (each counted once) that
    /// hold a character outside ASCII and an ASCII letter, and keeps each shape's clear winner.
    /// </summary>
    public static WordLexicon Build(IEnumerable<string> paragraphs, IEnumerable<string> dictionaryWords, CancellationToken cancellationToken)
        => Build(paragraphs, dictionaryWords, null, cancellationToken);

    /// <summary>
    /// As <see cref="Build(IEnumerable{string}, IEnumerable{string}, CancellationToken)"/>, keeping only the words that
    /// <paramref name="model"/> would not restore by itself from the word's own letters: the lexicon is the
    /// character model's corrections, a small fraction of the words.
    /// </summary>
    public static WordLexicon Build(IEnumerable<string> paragraphs, IEnumerable<string> dictionaryWords, CharacterModel? model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(dictionaryWords);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var word in Words(paragraph))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        foreach (var word in dictionaryWords)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (IsCandidate(word))
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }

        var byShape = new Dictionary<string, List<(string Word, int Count)>>(StringComparer.Ordinal);
        foreach (var (word, count) in counts)
        {
            foreach (var shape in Shapes(word).Distinct(StringComparer.Ordinal))
            {
                if (!byShape.TryGetValue(shape, out var list))
                {
                    byShape[shape] = list = [];
                }

                list.Add((word, count));
            }
        }

        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (shape, candidates) in byShape)
        {
            // Case forms of one word are one candidate; its most frequent form answers.
            var forms = candidates.GroupBy(c => c.Word.ToLowerInvariant(), StringComparer.Ordinal)
                .Select(g => (Word: g.OrderByDescending(c => c.Count).ThenBy(c => c.Word, StringComparer.Ordinal).First().Word, Count: g.Sum(c => c.Count)))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Word, StringComparer.Ordinal).ToList();
            if ((forms.Count == 1 || forms[0].Count >= DominanceFactor * forms[1].Count)
                && (model is null || !model.Restores(shape, Mark, forms[0].Word)))
            {
                words[shape] = forms[0].Word;
            }
        }

        return new WordLexicon(words);
    }

    /// <summary>Writes the lexicon as gzip-compressed lines of shape and word.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (shape, word) in _words.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(shape.Replace(Mark, '_'));
            writer.Write('\t');
            writer.WriteLine(word);
        }
    }

    /// <summary>Reads a lexicon written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not such a lexicon.</exception>
    public static WordLexicon Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new InvalidDataException("A word-lexicon line is not a shape and a word.");
            }

            // Shapes hold ASCII only, so '_' in a saved shape can only be a mark.
            words[line[..tab].Replace('_', Mark)] = line[(tab + 1)..];
        }

        return new WordLexicon(words);
    }

    /// <summary>The shapes of <paramref name="word"/>: its runs outside ASCII as one mark per UTF-8 byte, then per character.</summary>
    internal static IEnumerable<string> Shapes(string word)
    {
        yield return Shape(word, bytes: true);
        yield return Shape(word, bytes: false);
    }

    private static string Shape(string word, bool bytes)
    {
        var shape = new StringBuilder(word.Length * 2);
        var i = 0;
        while (i < word.Length)
        {
            if (word[i] < 0x80)
            {
                shape.Append(char.ToLowerInvariant(word[i++]));
                continue;
            }

            var end = CharacterModel.NonAsciiRunEnd(word, i);
            shape.Append(Mark, bytes ? Encoding.UTF8.GetByteCount(word.AsSpan(i, end - i)) : end - i);
            i = end;
        }

        return shape.ToString();
    }

    private static IEnumerable<string> Words(string paragraph)
    {
        var start = -1;
        for (var i = 0; i <= paragraph.Length; i++)
        {
            var inWord = i < paragraph.Length && char.IsLetterOrDigit(paragraph[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = paragraph[start..i];
                start = -1;
                if (IsCandidate(word))
                {
                    yield return word;
                }
            }
        }
    }

    private static bool IsCandidate(string word) =>
        word.Length <= MaxWordChars && word.Any(c => c >= 0x80) && word.Any(char.IsAsciiLetter) && word.All(char.IsLetterOrDigit);

    private static WordLexicon LoadEmbedded()
    {
        using var stream = typeof(WordLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded word lexicon {ResourceName} is missing.");
        return Load(stream);
    }
}
