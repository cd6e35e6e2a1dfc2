using Boilerplate.Core.Metadata;

namespace Boilerplate.Training.Metadata;

/// <summary>
/// Builds, merges and writes the <see cref="NGramProfile"/>s that Core's <see cref="LanguageDetector"/> embeds
/// (<c>boilerplate language-profiles</c>): training-time code, so the service ships only the reading and the scoring.
/// </summary>
public static class LanguageProfileBuilder
{
    /// <summary>Counts the trigrams of <paramref name="texts"/> by language.</summary>
    public static Dictionary<string, NGramProfile> Build(IEnumerable<(string Language, string Text)> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (language, text) in texts)
        {
            var profile = counts.TryGetValue(language, out var existing) ? existing : counts[language] = new(StringComparer.Ordinal);
            foreach (var trigram in LanguageDetector.NGrams(text))
            {
                profile[trigram] = profile.GetValueOrDefault(trigram) + 1;
            }
        }

        return counts.ToDictionary(pair => pair.Key, pair => new NGramProfile(pair.Value, pair.Value.Values.Sum(v => (long)v)));
    }

    /// <summary>The counts of both profiles added up.</summary>
    public static NGramProfile Merge(NGramProfile first, NGramProfile second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var counts = new Dictionary<string, int>(first.Counts, StringComparer.Ordinal);
        foreach (var (trigram, count) in second.Counts)
        {
            counts[trigram] = counts.GetValueOrDefault(trigram) + count;
        }

        return new NGramProfile(counts, first.Total + second.Total);
    }

    /// <summary>
    /// Writes <paramref name="profiles"/>, keeping each language's <paramref name="keep"/> most frequent trigrams, as
    /// <see cref="NGramProfile.Read"/> reads them: "lang TAB trigram TAB count" lines, trigram "#total" for the total.
    /// </summary>
    public static void Write(TextWriter writer, IReadOnlyDictionary<string, NGramProfile> profiles, int keep)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(profiles);
        foreach (var (language, profile) in profiles.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(FormattableString.Invariant($"{language}\t#total\t{profile.Total}"));
            foreach (var (trigram, count) in profile.Counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(keep))
            {
                writer.WriteLine(FormattableString.Invariant($"{language}\t{trigram.Replace(' ', '_')}\t{count}"));
            }
        }
    }
}
