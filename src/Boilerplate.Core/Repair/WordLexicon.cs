using System.IO.Compression;
using System.Text;

namespace Boilerplate.Core.Repair;

/// <summary>
/// Words that hold characters outside ASCII, looked up by their damaged shape: the word lower-cased with each run of
/// such characters as one mark per UTF-8 byte (<c>calder__n</c>) and one mark per character (<c>calder_n</c>). A
/// placeholder run inside a word is filled from the word the lexicon knows in that shape when it knows one clearly
/// (seen at least twice as often as the next), before the <see cref="CharacterModel"/>
/// guesses from three letters of context: <c>r_n</c> says <c>á</c> more often than <c>ó</c>, the word says
/// <c>Calderón</c>. Built offline (<c>WordLexiconBuilder</c> in Boilerplate.Training) from the corpora's train split
/// and, when given, spelling dictionaries' stems; embedded.
/// </summary>
public sealed class WordLexicon
{
    /// <summary>Longest word kept or looked up, in characters.</summary>
    public const int MaxWordChars = 40;

    /// <summary>Stands for a run of placeholders in a shape (one per UTF-8 byte or per character).</summary>
    internal const char Mark = '\u0001';
    private const string ResourceName = "Boilerplate.Core.Repair.word-lexicon.tsv.gz";
    private static readonly Lazy<WordLexicon> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, string> _words;

    // Internal: the builder in Boilerplate.Training makes lexicons from counts; everyone else loads one.
    internal WordLexicon(Dictionary<string, string> words) => _words = words;

    /// <summary>The lexicon embedded in this assembly.</summary>
    public static WordLexicon Default => Embedded.Value;

    /// <summary>An empty lexicon: every run is left to the character model.</summary>
    public static WordLexicon Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Shapes the lexicon answers.</summary>
    public int Count => _words.Count;

    /// <summary>Every shape (its runs as <see cref="Mark"/>) and the word it stands for: what the builder writes.</summary>
    internal IReadOnlyDictionary<string, string> Entries => _words;

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

    /// <summary>Reads a lexicon written by <c>WordLexiconBuilder.Save</c>: gzip-compressed lines of shape (marks as <c>_</c>) and word.</summary>
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

    private static WordLexicon LoadEmbedded()
    {
        using var stream = typeof(WordLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded word lexicon {ResourceName} is missing.");
        return Load(stream);
    }
}
