using System.Globalization;
using System.Text;

namespace Boilerplate.Core.Metadata;

/// <summary>
/// Tells the language of text without markup. Scripts that name their language (kana: Japanese, Hangul: Korean, Han:
/// Chinese, Arabic, Hebrew, Greek, Thai, Devanagari: Hindi) decide by counting; Latin and Cyrillic text is scored
/// against character n-gram profiles (one to three letters) (naive Bayes, add-one smoothing) built offline from the corpora and the
/// hand-labelled paragraphs (<c>Metadata/language-profiles.tsv</c>; rebuild command in docs/metadata.md).
/// </summary>
/// <remarks>Reads at most <see cref="MaxChars"/> characters; thread-safe once built.</remarks>
public sealed class LanguageDetector
{
    /// <summary>Longest prefix of a text that is read to tell its language: some 300 words, plenty, and a bounded cost per page.</summary>
    public const int MaxChars = 2_000;

    /// <summary>Longest prefix of one training text that is counted into a profile.</summary>
    public const int MaxTrainingChars = 20_000;

    /// <summary>Fewest letters a text needs before a language is told; shorter text gets none.</summary>
    public const int MinLetters = 20;

    /// <summary>Name of the embedded profile file.</summary>
    public const string ResourceName = "Boilerplate.Core.Metadata.language-profiles.tsv";

    // Weight of a language's own trigram frequency against the average over all profiles.
    private const double OwnWeight = 0.8;

    // Probability of a trigram no profile lists.
    private const double Floor = 1e-7;

    private static readonly Lazy<LanguageDetector> Embedded = new(LoadEmbedded);

    private readonly IReadOnlyDictionary<string, NGramProfile> _profiles;
    private readonly Dictionary<string, double> _background;

    /// <summary>A detector over <paramref name="profiles"/> (language → its trigram counts).</summary>
    public LanguageDetector(IReadOnlyDictionary<string, NGramProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        _profiles = profiles;
        _background = Background(profiles);
    }

    /// <summary>The detector of the embedded profiles.</summary>
    public static LanguageDetector Default => Embedded.Value;

    /// <summary>The languages the profiles know (script-decided languages come on top).</summary>
    public IEnumerable<string> ProfileLanguages => _profiles.Keys;

    /// <summary>The language of <paramref name="text"/> as an ISO 639-1 code, or empty when the text is too short or of no known script.</summary>
    public string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        var scripts = new Dictionary<Script, int>();
        var letters = 0;
        foreach (var c in span)
        {
            if (char.IsLetter(c))
            {
                letters++;
                var script = ScriptOf(c);
                scripts[script] = scripts.GetValueOrDefault(script) + 1;
            }
        }

        if (letters < MinLetters)
        {
            return string.Empty;
        }

        var kana = scripts.GetValueOrDefault(Script.Kana);
        var han = scripts.GetValueOrDefault(Script.Han);
        if (kana + han > letters / 3)
        {
            // Japanese writes Han with kana around it; Chinese has none.
            return kana > (kana + han) / 20 ? "ja" : "zh";
        }

        var dominant = scripts.MaxBy(pair => pair.Value).Key;
        return dominant switch
        {
            Script.Hangul => "ko",
            Script.Arabic => "ar",
            Script.Hebrew => "he",
            Script.Greek => "el",
            Script.Thai => "th",
            Script.Devanagari => "hi",
            Script.Latin or Script.Cyrillic => Best(span, dominant),
            _ => string.Empty,
        };
    }

    /// <summary>
    /// The character n-grams of <paramref name="text"/> (one to three letters, lower case, each word padded by a space at
    /// both ends): trigrams carry a language's words, single letters its alphabet (ł, ř, ñ), which a little text
    /// already shows.
    /// </summary>
    public static IEnumerable<string> NGrams(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new StringBuilder(" ");
        var grams = new List<string>();
        foreach (var c in text.Length > MaxTrainingChars ? text[..MaxTrainingChars] : text)
        {
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush(word, grams);
        }

        Flush(word, grams);
        return grams;
    }

    private static void Flush(StringBuilder word, List<string> grams)
    {
        if (word.Length > 1)
        {
            word.Append(' ');
            var text = word.ToString();
            for (var i = 0; i < text.Length; i++)
            {
                for (var n = 1; n <= 3 && i + n <= text.Length; n++)
                {
                    if (n > 1 || text[i] != ' ')
                    {
                        grams.Add(text.Substring(i, n));
                    }
                }
            }
        }

        word.Clear().Append(' ');
    }

    private string Best(ReadOnlySpan<char> span, Script script)
    {
        var candidates = _profiles.Where(pair => pair.Value.Script == script).ToList();
        if (candidates.Count == 0)
        {
            return string.Empty;
        }

        var scores = new double[candidates.Count];
        foreach (var trigram in NGrams(span.ToString()))
        {
            // Smoothed towards the average of all profiles, so a language with little training text is not
            // favoured (few trigrams of its own) or punished (many unseen) for its size.
            var background = _background.GetValueOrDefault(trigram) + Floor;
            for (var i = 0; i < candidates.Count; i++)
            {
                var profile = candidates[i].Value;
                var own = (double)profile.Counts.GetValueOrDefault(trigram) / Math.Max(1, profile.Total);
                scores[i] += Math.Log((OwnWeight * own) + ((1 - OwnWeight) * background));
            }
        }

        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            best = scores[i] > scores[best] ? i : best;
        }

        return candidates[best].Key;
    }

    private static Dictionary<string, double> Background(IReadOnlyDictionary<string, NGramProfile> profiles)
    {
        var background = new Dictionary<string, double>(StringComparer.Ordinal);
        var scored = profiles.Values.Where(profile => profile.IsScored).ToList();
        foreach (var profile in scored)
        {
            foreach (var (trigram, count) in profile.Counts)
            {
                background[trigram] = background.GetValueOrDefault(trigram) + ((double)count / Math.Max(1, profile.Total) / scored.Count);
            }
        }

        return background;
    }

    internal static Script ScriptOf(char c)
    {
        switch (c)
        {
            case < '\u0250':
                return Script.Latin;
            case >= '\u0370' and < '\u0400':
                return Script.Greek;
            case >= '\u0400' and < '\u0530':
                return Script.Cyrillic;
            case >= '\u0590' and < '\u0600':
                return Script.Hebrew;
            case >= '\u0600' and < '\u0780':
            case >= '\uFB50' and < '\uFE00':
            case >= '\uFE70' and < '\uFF00':
                return Script.Arabic;
            case >= '\u0900' and < '\u0980':
                return Script.Devanagari;
            case >= '\u0E00' and < '\u0E80':
                return Script.Thai;
            case >= '\u1E00' and < '\u1F00':
                return Script.Latin;
            case >= '\u3040' and < '\u3100':
            case >= '\uFF66' and < '\uFFA0':
                return Script.Kana;
            case >= '\u1100' and < '\u1200':
            case >= '\uAC00' and < '\uD7B0':
                return Script.Hangul;
            case >= '\u4E00' and < '\uA000':
            case >= '\u3400' and < '\u4DC0':
            case >= '\uF900' and < '\uFB00':
                return Script.Han;
            default:
                return Script.Other;
        }
    }

    private static LanguageDetector LoadEmbedded()
    {
        using var stream = typeof(LanguageDetector).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new LanguageDetector(NGramProfile.Read(reader));
    }

    /// <summary>The writing systems the detector tells apart.</summary>
    internal enum Script
    {
        Other,
        Latin,
        Cyrillic,
        Greek,
        Arabic,
        Hebrew,
        Devanagari,
        Thai,
        Kana,
        Han,
        Hangul,
    }
}

/// <summary>One language's character n-gram counts: the most frequent n-grams and the count of all n-grams seen.</summary>
/// <param name="Counts">Kept trigrams and how often each was seen.</param>
/// <param name="Total">All trigrams seen, kept or not.</param>
public sealed record NGramProfile(IReadOnlyDictionary<string, int> Counts, long Total)
{
    /// <summary>The script of the profile's letters (Latin or Cyrillic for the profiles the detector scores).</summary>
    internal LanguageDetector.Script Script { get; } = ScriptOfCounts(Counts);

    /// <summary>Whether the detector scores this profile (Latin or Cyrillic letters; other scripts are told by counting).</summary>
    public bool IsScored => Script is LanguageDetector.Script.Latin or LanguageDetector.Script.Cyrillic;

    /// <summary>Reads profiles written by <c>LanguageProfileBuilder.Write</c> (Boilerplate.Training): "lang TAB trigram TAB count" lines, trigram "#total" for the total.</summary>
    public static Dictionary<string, NGramProfile> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new InvalidDataException($"Bad language profile line: {line}");
            }

            if (parts[1] == "#total")
            {
                totals[parts[0]] = count;
            }
            else
            {
                var language = counts.TryGetValue(parts[0], out var existing) ? existing : counts[parts[0]] = new(StringComparer.Ordinal);
                language[parts[1].Replace('_', ' ')] = (int)Math.Min(count, int.MaxValue);
            }
        }

        return counts.ToDictionary(pair => pair.Key, pair => new NGramProfile(pair.Value, totals.GetValueOrDefault(pair.Key, pair.Value.Values.Sum(v => (long)v))));
    }

    private static LanguageDetector.Script ScriptOfCounts(IReadOnlyDictionary<string, int> counts)
    {
        // The script most of the letters are in: a Chinese profile with a few Latin brand names is not Latin.
        var letters = new Dictionary<LanguageDetector.Script, long>();
        foreach (var (trigram, count) in counts)
        {
            foreach (var c in trigram)
            {
                if (c != ' ')
                {
                    var script = LanguageDetector.ScriptOf(c);
                    letters[script] = letters.GetValueOrDefault(script) + count;
                }
            }
        }

        return letters.Count == 0 ? LanguageDetector.Script.Other : letters.MaxBy(pair => pair.Value).Key;
    }
}
