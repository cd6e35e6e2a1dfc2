using System.IO.Compression;
using System.Text;
using Boilerplate.Core.Repair;

namespace Boilerplate.Training.Repair;

/// <summary>
/// Builds and writes the <see cref="WordLexicon"/> that Core embeds (<c>boilerplate build-repair-model</c>):
/// training-time code, so the service ships only the loading and the lookup.
/// </summary>
public static class WordLexiconBuilder
{
    /// <summary>How many times as often the best word of a shape must be seen as the next for the lexicon to answer.</summary>
    public const int DominanceFactor = 2;

    private const char Mark = WordLexicon.Mark;

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
                && (model is null || !Restores(model, shape, Mark, forms[0].Word)))
            {
                words[shape] = forms[0].Word;
            }
        }

        return new WordLexicon(words);
    }

    /// <summary>Writes <paramref name="lexicon"/> as gzip-compressed lines of shape and word (what <see cref="WordLexicon.Load"/> reads).</summary>
    public static void Save(WordLexicon lexicon, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(stream);
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var (shape, word) in lexicon.Entries.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(shape.Replace(Mark, '_'));
            writer.Write('\t');
            writer.WriteLine(word);
        }
    }

    /// <summary>
    /// Whether filling the runs of <paramref name="mark"/> in <paramref name="shape"/> (a word alone between spaces)
    /// left to right, as the repairer does, gives <paramref name="word"/> (ignoring case).
    /// </summary>
    internal static bool Restores(CharacterModel model, string shape, char mark, string word)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(word);
        var text = " " + shape + " ";
        var filled = new StringBuilder(" ");
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] != mark)
            {
                filled.Append(text[i++]);
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] == mark)
            {
                end++;
            }

            var so = filled.ToString();
            var unit = model.Guess(CharacterModel.LeftContext(so, so.Length), CharacterModel.RightContext(text, end, mark), end - i);
            if (unit is null)
            {
                return false;
            }

            filled.Append(unit);
            i = end;
        }

        return string.Equals(filled.ToString().Trim(), word, StringComparison.OrdinalIgnoreCase);
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
        word.Length <= WordLexicon.MaxWordChars && word.Any(c => c >= 0x80) && word.Any(char.IsAsciiLetter) && word.All(char.IsLetterOrDigit);
}
