using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Boilerplate.Core.Repair;

/// <summary>
/// What non-ASCII text stands between which characters: for every run of up to <see cref="MaxUnitChars"/> non-ASCII
/// characters (a "unit": <c>’</c>, <c>ó</c>, <c>’”</c>) in the training text, how often it appears after each of
/// its last 0-3 characters and before each of its next 0-3. A placeholder run is filled with the unit of the right
/// size seen most often in the longest context that has evidence. Built offline (<c>boilerplate build-repair-model</c>,
/// <c>CharacterModelBuilder</c> in Boilerplate.Training) and embedded; never learned at run time.
/// </summary>
public sealed class CharacterModel
{
    /// <summary>Context characters used on each side.</summary>
    public const int MaxContext = 3;

    /// <summary>Longest unit, in UTF-16 code units.</summary>
    public const int MaxUnitChars = 3;

    /// <summary>Stands for the edge of a paragraph in a context.</summary>
    public const char Edge = '\u0002';

    /// <summary>How much louder each further context character makes a context's vote.</summary>
    public const double LevelWeight = 3.0;

    /// <summary>Added to a context's count when sharing its vote: a context seen once says less than one seen a hundred times.</summary>
    public const double Smoothing = 5.0;

    /// <summary>Between the left and the right context in a table key.</summary>
    internal const char Separator = '\u0001';
    private const string ResourceName = "Boilerplate.Core.Repair.character-model.tsv.gz";

    private static readonly Lazy<CharacterModel> Embedded = new(LoadEmbedded);

    /// <summary>Units a context offers for one run size, most frequent first; the rest vote too little to matter.</summary>
    public const int MaxCandidatesPerSize = 32;

    private readonly Dictionary<string, Candidate[]> _table;

    // Per context and run size: the units that fit and their summed count, so a guess reads a few entries, not every
    // unit the shortest contexts have seen (a hostile page may ask twenty thousand times).
    private readonly Dictionary<string, Dictionary<int, (Candidate[] Units, int Total)>> _bySize;

    // Internal: the builder in Boilerplate.Training makes models from counts; everyone else loads one.
    internal CharacterModel(Dictionary<string, Candidate[]> table)
    {
        _table = table;
        _bySize = new Dictionary<string, Dictionary<int, (Candidate[], int)>>(table.Count, StringComparer.Ordinal);
        foreach (var (key, candidates) in table)
        {
            var sizes = new Dictionary<int, (Candidate[], int)>();
            foreach (var size in candidates.SelectMany(c => new[] { c.Bytes, c.Runes }).Distinct())
            {
                var fits = candidates.Where(c => c.Bytes == size || c.Runes == size).ToList();
                sizes[size] = ([.. fits.OrderByDescending(c => c.Count).Take(MaxCandidatesPerSize)], fits.Sum(c => c.Count));
            }

            _bySize[key] = sizes;
        }
    }

    /// <summary>The model embedded in this assembly.</summary>
    public static CharacterModel Default => Embedded.Value;

    /// <summary>Contexts in the model.</summary>
    public int Contexts => _table.Count;

    /// <summary>Every context and its units, most frequent overall first: what the builder writes.</summary>
    internal IReadOnlyDictionary<string, Candidate[]> Table => _table;

    /// <summary>The unit most likely between <paramref name="left"/> and <paramref name="right"/> whose UTF-8 size or character count is <paramref name="size"/>, or null.</summary>
    /// <param name="left">Normalized characters before the run (see <see cref="Normalize"/>), nearest last; at most <see cref="MaxContext"/> count.</param>
    /// <param name="right">Normalized characters after the run, nearest first.</param>
    /// <param name="size">Placeholders in the run.</param>
    public string? Guess(ReadOnlySpan<char> left, ReadOnlySpan<char> right, int size)
    {
        // Every context shape votes with its units' shares, longer contexts louder and thin evidence softer: the
        // longest context alone is often one page's habit, the shortest alone ignores the word. (A naive-Bayes
        // product of the two sides measured worse: docs/repair.md.)
        Dictionary<string, double>? votes = null;
        Span<char> key = stackalloc char[(2 * MaxContext) + 1];
        var lookup = _bySize.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var a = 0; a <= Math.Min(MaxContext, left.Length); a++)
        {
            for (var b = 0; b <= Math.Min(MaxContext, right.Length); b++)
            {
                left[^a..].CopyTo(key);
                key[a] = Separator;
                right[..b].CopyTo(key[(a + 1)..]);
                if (!lookup.TryGetValue(key[..(a + b + 1)], out var sizes) || !sizes.TryGetValue(size, out var fit))
                {
                    continue;
                }

                var weight = Math.Pow(LevelWeight, a + b) / (fit.Total + Smoothing);
                foreach (var candidate in fit.Units)
                {
                    votes ??= new Dictionary<string, double>(StringComparer.Ordinal);
                    votes[candidate.Unit] = votes.GetValueOrDefault(candidate.Unit) + (weight * candidate.Count);
                }
            }
        }

        if (votes is null)
        {
            return null;
        }

        string? best = null;
        var bestVote = 0.0;
        foreach (var (unit, vote) in votes)
        {
            if (vote > bestVote || (vote == bestVote && string.CompareOrdinal(unit, best) < 0))
            {
                (best, bestVote) = (unit, vote);
            }
        }

        return best;
    }

    /// <summary>Where the run of characters outside ASCII that starts at <paramref name="start"/> ends (exclusive).</summary>
    internal static int NonAsciiRunEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] >= 0x80)
        {
            end++;
        }

        return end;
    }

    /// <summary>A context character as the model sees it: whitespace as a space, digits as 0, ASCII letters in lower case.</summary>
    public static char Normalize(char c) => c switch
    {
        '\t' or '\n' or '\r' or '\f' or '\v' => ' ',
        >= '0' and <= '9' => '0',
        >= 'A' and <= 'Z' => (char)(c + 32),
        _ => c,
    };

    /// <summary>The normalized context before <paramref name="index"/>: up to <see cref="MaxContext"/> characters, <see cref="Edge"/> first at the paragraph's start.</summary>
    public static string LeftContext(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = Math.Max(0, index - MaxContext);
        var context = new StringBuilder(MaxContext + 1);
        if (start == 0 && index < MaxContext)
        {
            context.Append(Edge);
        }

        for (var i = start; i < index; i++)
        {
            context.Append(Normalize(text[i]));
        }

        return context.Length > MaxContext ? context.ToString(context.Length - MaxContext, MaxContext) : context.ToString();
    }

    /// <summary>The normalized context from <paramref name="index"/> on, stopping before <paramref name="stop"/> (the next placeholder).</summary>
    public static string RightContext(string text, int index, char stop)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new StringBuilder(MaxContext);
        for (var i = index; i < text.Length && context.Length < MaxContext; i++)
        {
            if (text[i] == stop)
            {
                return context.ToString();
            }

            context.Append(Normalize(text[i]));
        }

        if (context.Length < MaxContext)
        {
            context.Append(Edge);
        }

        return context.ToString();
    }

    /// <summary>Reads a model written by <c>CharacterModelBuilder.Save</c>: gzip-compressed lines of context, then unit and count pairs, tab-separated.</summary>
    /// <exception cref="InvalidDataException">The stream is not such a model.</exception>
    public static CharacterModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var table = new Dictionary<string, Candidate[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || fields.Length % 2 == 0)
            {
                throw new InvalidDataException("A character-model line is not a context followed by unit and count pairs.");
            }

            var candidates = new Candidate[(fields.Length - 1) / 2];
            for (var k = 0; k < candidates.Length; k++)
            {
                candidates[k] = Candidate.Of(Unescape(fields[1 + (2 * k)]), int.Parse(fields[2 + (2 * k)], CultureInfo.InvariantCulture));
            }

            table[Unescape(fields[0])] = candidates;
        }

        return new CharacterModel(table);
    }

    private static CharacterModel LoadEmbedded()
    {
        using var stream = typeof(CharacterModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded character model {ResourceName} is missing.");
        return Load(stream);
    }

    // Undoes the builder's escapes: units may hold line breaks (U+0085, U+2028 are non-ASCII), so \\, \t, \n and \r are escaped.
    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var other => other });
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    internal readonly record struct Candidate(string Unit, int Count, int Bytes, int Runes)
    {
        public static Candidate Of(string unit, int count) =>
            new(unit, count, Encoding.UTF8.GetByteCount(unit), unit.EnumerateRunes().Count());
    }
}
