using Boilerplate.Core.Features;

namespace Boilerplate.Training.Evaluation;

/// <summary>
/// Finds the hand-labelled lines that a seed sample nearly repeats. Stock lines ("Read more", "Skip to main content",
/// a cookie notice worded the usual way) turn up in both sets because any writer writes them; scored, they measure
/// memory rather than generalization, so the evaluation also reports the lines no seed sample nearly repeats.
/// </summary>
public static class NearCopies
{
    /// <summary>Share of their distinct words two lines must share (of the words either has) to count as copies.</summary>
    public const double WordOverlap = 0.6;

    /// <summary>
    /// Share of their distinct characters two lines must share when the line is in a script written without spaces
    /// (Chinese, Japanese, Korean), where a whole clause is one word.
    /// </summary>
    public const double CharacterOverlap = 0.8;

    /// <summary>First character of the CJK blocks (radicals, kana, ideographs, Hangul and beyond).</summary>
    private const char UnspacedScriptStart = '\u2E80';

    /// <summary>The samples that no line of <paramref name="seeds"/> nearly repeats, in their order.</summary>
    public static IReadOnlyList<HandLabelledSample> Unseen(IEnumerable<HandLabelledSample> samples, IEnumerable<string> seeds)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(seeds);
        var seedLines = seeds.Select(Line.Of).ToList();
        return samples.Where(sample =>
        {
            var line = Line.Of(sample.Text);
            return !seedLines.Any(seed => IsNearCopy(line, seed));
        }).ToList();
    }

    /// <summary>Whether <paramref name="line"/> nearly repeats <paramref name="seed"/> (see <see cref="WordOverlap"/> and <see cref="CharacterOverlap"/>).</summary>
    public static bool IsNearCopy(string line, string seed)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(seed);
        return IsNearCopy(Line.Of(line), Line.Of(seed));
    }

    private static bool IsNearCopy(Line line, Line seed)
    {
        if (line.Words.Count > 0 && seed.Words.Count > 0 && Jaccard(line.Words, seed.Words) >= WordOverlap)
        {
            return true;
        }

        return line.Unspaced && line.Characters.Count > 0 && Jaccard(line.Characters, seed.Characters) >= CharacterOverlap;
    }

    private static double Jaccard<T>(HashSet<T> a, HashSet<T> b)
    {
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>A line's distinct lower-case words and its distinct characters other than white space.</summary>
    private sealed record Line(HashSet<string> Words, HashSet<char> Characters, bool Unspaced)
    {
        public static Line Of(string text) => new(
            WordTokenizer.Tokenize(text).ToHashSet(StringComparer.Ordinal),
            text.Where(c => !char.IsWhiteSpace(c)).ToHashSet(),
            text.Any(c => c >= UnspacedScriptStart));
    }
}
