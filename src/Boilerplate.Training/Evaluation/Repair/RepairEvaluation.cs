using System.Text;
using System.Text.RegularExpressions;
using Boilerplate.Core.Repair;

namespace Boilerplate.Training.Evaluation.Repair;

/// <summary>How a text is damaged for measuring repair.</summary>
public enum Damage
{
    /// <summary>Left as it is: repair must change nothing.</summary>
    None,

    /// <summary>Every UTF-8 byte of a non-ASCII character becomes <c>_</c>, the way the seed page was damaged.</summary>
    Placeholder,

    /// <summary>The UTF-8 bytes read back as Windows-1252 (undefined bytes as the C1 control of the same number).</summary>
    Mojibake,
}

/// <summary>Word counts of one damage-and-repair run over many pages.</summary>
/// <param name="Pages">Pages measured.</param>
/// <param name="DamagedWords">Words the damage changed.</param>
/// <param name="RestoredWords">Of those, words that came back exactly as the truth.</param>
/// <param name="UndamagedWords">Words the damage left alone.</param>
/// <param name="WronglyChangedWords">Of those, words the repair changed.</param>
/// <param name="PagesChanged">Pages where the repair changed anything.</param>
public sealed record RepairScore(int Pages, long DamagedWords, long RestoredWords, long UndamagedWords, long WronglyChangedWords, int PagesChanged)
{
    /// <summary>Share of damaged words restored exactly.</summary>
    public double Restored => DamagedWords == 0 ? 1 : (double)RestoredWords / DamagedWords;

    /// <summary>Adds another run's counts.</summary>
    public RepairScore Add(RepairScore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Pages + other.Pages, DamagedWords + other.DamagedWords, RestoredWords + other.RestoredWords,
            UndamagedWords + other.UndamagedWords, WronglyChangedWords + other.WronglyChangedWords, PagesChanged + other.PagesChanged);
    }

    /// <summary>No pages.</summary>
    public static RepairScore Empty { get; } = new(0, 0, 0, 0, 0, 0);
}

/// <summary>A word the repair did not give back as the truth has it.</summary>
/// <param name="Truth">The word in the truth text.</param>
/// <param name="Damaged">The word after damage.</param>
/// <param name="Repaired">The word after repair.</param>
public sealed record WordMiss(string Truth, string Damaged, string Repaired);

/// <summary>
/// Measures repair on truth texts: damage a page's paragraphs, repair them as the pipeline would (one plan per page),
/// and compare word by word with the truth. Words are split on ASCII whitespace, which neither damage nor repair
/// touches, so the three texts align word for word.
/// </summary>
public static partial class RepairEvaluation
{
    private static readonly char[] Windows1252 = Windows1252Map();

    /// <summary>The paragraphs of a truth text, whitespace collapsed as segmentation collapses it.</summary>
    public static IReadOnlyList<string> Paragraphs(string articleBody)
    {
        ArgumentNullException.ThrowIfNull(articleBody);
        return articleBody.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(paragraph => Whitespace().Replace(paragraph, " ").Trim())
            .Where(paragraph => paragraph.Length > 0)
            .ToList();
    }

    /// <summary><paramref name="text"/> damaged as <paramref name="damage"/> says.</summary>
    public static string Apply(string text, Damage damage)
    {
        ArgumentNullException.ThrowIfNull(text);
        return damage switch
        {
            Damage.Placeholder => Placeholder(text),
            Damage.Mojibake => new string(Encoding.UTF8.GetBytes(text).Select(b => Windows1252[b]).ToArray()),
            _ => text,
        };
    }

    /// <summary>Damages, repairs and scores one page given as its paragraphs.</summary>
    public static RepairScore Score(IReadOnlyList<string> truth, Damage damage, RepairMode mode, TextRepairer repairer, CancellationToken cancellationToken, ICollection<WordMiss>? misses = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(repairer);
        var damaged = truth.Select(paragraph => Apply(paragraph, damage)).ToList();
        var plan = TextRepairer.Plan(damaged, mode, cancellationToken);
        var budget = TextRepairer.MaxRunsPerPage;
        long damagedWords = 0, restored = 0, undamagedWords = 0, wrong = 0;
        var changed = false;
        var page = repairer.RepairPage(damaged, plan, ref budget);
        for (var p = 0; p < truth.Count; p++)
        {
            var repaired = page[p];
            changed |= repaired.Repairs.Count > 0;
            var truthWords = Words(truth[p]);
            var damagedWordsOf = Words(damaged[p]);
            var repairedWords = Words(repaired.Text);
            if (truthWords.Length != damagedWordsOf.Length || truthWords.Length != repairedWords.Length)
            {
                // Cannot happen while damage and repair keep ASCII whitespace; counted as all wrong if it does.
                damagedWords += truthWords.Length;
                continue;
            }

            for (var w = 0; w < truthWords.Length; w++)
            {
                var same = string.Equals(repairedWords[w], truthWords[w], StringComparison.Ordinal);
                if (string.Equals(damagedWordsOf[w], truthWords[w], StringComparison.Ordinal))
                {
                    undamagedWords++;
                    wrong += same ? 0 : 1;
                    if (!same)
                    {
                        misses?.Add(new WordMiss(truthWords[w], damagedWordsOf[w], repairedWords[w]));
                    }
                }
                else
                {
                    damagedWords++;
                    restored += same ? 1 : 0;
                    if (!same)
                    {
                        misses?.Add(new WordMiss(truthWords[w], damagedWordsOf[w], repairedWords[w]));
                    }
                }
            }
        }

        return new RepairScore(1, damagedWords, restored, undamagedWords, wrong, changed ? 1 : 0);
    }

    private static string[] Words(string text) => text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static string Placeholder(string text)
    {
        var damaged = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                damaged.Append((char)rune.Value);
            }
            else
            {
                damaged.Append('_', rune.Utf8SequenceLength);
            }
        }

        return damaged.ToString();
    }

    private static char[] Windows1252Map()
    {
        // Windows-1252 leaves five bytes undefined; readers that damage text map them to the C1 control of the same number.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var decoder = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback("\uFFFF"));
        var map = new char[256];
        for (var b = 0; b < 256; b++)
        {
            var c = decoder.GetString([(byte)b]);
            map[b] = c.Length == 1 && c[0] != '\uFFFF' ? c[0] : (char)b;
        }

        return map;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
