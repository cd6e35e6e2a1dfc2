using System.Globalization;
using System.Text;

namespace Boilerplate.Training.Evaluation.Metadata;

/// <summary>How extracted metadata is scored against a corpus's truth line (docs/metadata.md says why so).</summary>
public static class MetadataScoring
{
    private static readonly HashSet<string> NameFillers = new(StringComparer.Ordinal) { "by", "and", "dr", "prof", "mr", "mrs", "ms" };

    /// <summary>Same title once case, Unicode form, quote and dash styles and whitespace are ignored.</summary>
    public static bool TitleMatches(string truth, string actual) =>
        Normalize(truth).Length > 0 && Normalize(truth) == Normalize(actual);

    /// <summary>
    /// Same person: every word of the names we give is in the truth, and the truth's first person (before a comma,
    /// "and" or "&amp;"; the truth often adds credentials such as ", MD") has at least two of their words, or all of
    /// them when shorter, among ours. Titles (Dr, Prof) are ignored.
    /// </summary>
    public static bool AuthorMatches(string truth, IReadOnlyList<string> authors)
    {
        var expected = NameWords(truth);
        var actual = NameWords(string.Join(' ', authors));
        var first = truth.Split([",", " and ", "&", "|", ";"], StringSplitOptions.RemoveEmptyEntries)[0];
        var primary = NameWords(first);
        return actual.Count > 0 && actual.IsSubsetOf(expected) && primary.Count(actual.Contains) >= Math.Min(2, primary.Count);
    }

    /// <summary>Same calendar day as the page wrote it (the truth is yyyy-MM-dd; the time keeps the page's offset).</summary>
    public static bool DateMatches(string truth, DateTimeOffset? published) =>
        published is { } date && truth.Length >= 10 && date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == truth[..10];

    /// <summary>Lower-case words of <paramref name="text"/>, as <c>\w+</c> would split them.</summary>
    public static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            count += letter && !inWord ? 1 : 0;
            inWord = letter;
        }

        return count;
    }

    private static HashSet<string> NameWords(string names)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in names.Normalize(NormalizationForm.FormKC) + " ")
        {
            if (char.IsLetter(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('.' or '\'' or '’' or '-'))
            {
                if (word.Length > 0 && !NameFillers.Contains(word.ToString()))
                {
                    words.Add(word.ToString());
                }

                word.Clear();
            }
        }

        return words;
    }

    private static string Normalize(string title)
    {
        var builder = new StringBuilder(title.Length);
        var space = false;
        foreach (var c in title.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c switch
            {
                '‘' or '’' or '`' or '´' => '\'',
                '“' or '”' or '„' or '«' or '»' => '"',
                '–' or '—' or '‐' or '‑' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }
}
