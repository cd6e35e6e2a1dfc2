using System.Text;

namespace Boilerplate.Core.Repair;

/// <summary>
/// Repairs text a scraper damaged: mojibake first (it is unambiguous and frees the context), then placeholder runs
/// filled from <see cref="CharacterModel"/>. <see cref="Plan"/> looks at the whole page once; <c>Repair</c>
/// then fixes one paragraph at a time. Thread-safe. Design and figures: docs/repair.md.
/// </summary>
public sealed class TextRepairer
{
    /// <summary>
    /// <c>_</c> runs that look like damage must outnumber those that look like identifiers by this factor for
    /// <see cref="RepairMode.Auto"/> to call a page damaged: a programming page may hold a stray <c>foo__bar</c>.
    /// </summary>
    public const int SignalsPerIdentifier = 2;

    /// <summary>Runs of three marks inside words of letters that call a page damaged whatever identifiers it also holds.</summary>
    public const int MinStrongSignals = 2;

    /// <summary><c>?</c> between letters must appear in this many different words before AUTO believes it is damage (a regex like <c>colou?r</c> may repeat).</summary>
    public const int MinQuestionMarkSignals = 2;

    /// <summary>Placeholder runs filled per page at most: bounds the work a hostile page of underscores can cause.</summary>
    public const int MaxRunsPerPage = 20_000;

    private readonly CharacterModel _model;
    private readonly Lazy<WordLexicon> _lexicon;

    /// <summary>Creates a repairer over <paramref name="model"/> and, when given, <paramref name="lexicon"/>.</summary>
    public TextRepairer(CharacterModel model, WordLexicon? lexicon = null)
        : this(model, new Lazy<WordLexicon>(lexicon ?? WordLexicon.Empty))
    {
    }

    private TextRepairer(CharacterModel model, Lazy<WordLexicon> lexicon)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _lexicon = lexicon;
    }

    /// <summary>The repairer over the embedded character model and word lexicon (read when a page first needs it).</summary>
    public static TextRepairer Default { get; } = new(CharacterModel.Default, new Lazy<WordLexicon>(() => WordLexicon.Default));

    /// <summary>What to repair on a page made of <paramref name="texts"/> under <paramref name="mode"/>.</summary>
    public static RepairPlan Plan(IEnumerable<string> texts, RepairMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (mode == RepairMode.Off)
        {
            return RepairPlan.None;
        }

        if (mode == RepairMode.On)
        {
            return new RepairPlan(true, new string(Placeholders.Marks));
        }

        var mojibake = false;
        var replacement = false;
        int underscoreSignals = 0, identifiers = 0, strong = 0, loneSignals = 0;
        var questionWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            mojibake = mojibake || Mojibake.HasSignature(text);
            replacement = replacement || text.Contains('\uFFFD', StringComparison.Ordinal);
            if (text.Contains('_', StringComparison.Ordinal))
            {
                foreach (var run in Placeholders.Find(text, '_'))
                {
                    underscoreSignals += run.Signal ? 1 : 0;
                    identifiers += run.Identifier ? 1 : 0;
                    strong += run.Strong ? 1 : 0;
                    loneSignals += run.Signal && run.Length == 1 ? 1 : 0;
                }
            }

            if (text.Contains('?', StringComparison.Ordinal))
            {
                foreach (var run in Placeholders.Find(text, '?'))
                {
                    if (run.Signal && questionWords.Count < MinQuestionMarkSignals)
                    {
                        questionWords.Add(Placeholders.WordAt(text, run, '?'));
                    }
                }
            }
        }

        var marks = new StringBuilder(3);
        if (replacement)
        {
            marks.Append('\uFFFD');
        }

        if ((underscoreSignals > 0 && underscoreSignals > SignalsPerIdentifier * identifiers) || strong >= MinStrongSignals)
        {
            marks.Append('_');
        }

        if (questionWords.Count >= MinQuestionMarkSignals)
        {
            marks.Append('?');
        }

        return new RepairPlan(mojibake, marks.ToString()) { LoneUnderscores = loneSignals > 0 };
    }

    /// <summary>Repairs one paragraph as <paramref name="plan"/> says.</summary>
    /// <param name="text">The paragraph.</param>
    /// <param name="plan">From <see cref="Plan"/>.</param>
    /// <param name="budget">Placeholder runs this call may still fill; decremented.</param>
    public RepairedText Repair(string text, RepairPlan plan, ref int budget)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsEmpty || text.Length == 0)
        {
            return RepairedText.Unchanged(text);
        }

        var edits = new TextEdits(text);
        if (plan.Mojibake)
        {
            for (var pass = 0; pass < Mojibake.MaxPasses; pass++)
            {
                var fixes = Mojibake.FindFixes(edits.Current);
                if (fixes.Count == 0)
                {
                    break;
                }

                edits.Apply(fixes);
            }
        }

        foreach (var mark in plan.Marks)
        {
            if (budget > 0 && edits.Current.Contains(mark, StringComparison.Ordinal))
            {
                edits.Apply(Fill(edits.Current, mark, mark != '_' || plan.LoneUnderscores, ref budget));
            }
        }

        return edits.Result();
    }

    /// <summary>
    /// Repairs a page's paragraphs as <paramref name="plan"/> says. A page keeps one style, and one run tells little
    /// about which (" _ " is — on one site, – on another; a quote opens with “ or ‘), so a dash in prose and an
    /// opening quote follow the page's majority of the model's guesses.
    /// </summary>
    public IReadOnlyList<RepairedText> RepairPage(IReadOnlyList<string> texts, RepairPlan plan, ref int budget)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var repaired = new RepairedText[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            repaired[i] = Repair(texts[i], plan, ref budget);
        }

        Unify(repaired, IsProseDash, "—", "–");
        Unify(repaired, IsOpeningQuote, "“", "‘");
        return repaired;
    }

    private static void Unify(RepairedText[] page, Func<string, TextRepair, bool> applies, string first, string second)
    {
        int firsts = 0, seconds = 0;
        foreach (var paragraph in page)
        {
            foreach (var repair in paragraph.Repairs)
            {
                if (applies(paragraph.Text, repair))
                {
                    firsts += repair.Replacement == first ? 1 : 0;
                    seconds += repair.Replacement == second ? 1 : 0;
                }
            }
        }

        if (firsts == 0 || seconds == 0)
        {
            return;
        }

        var style = firsts >= seconds ? first : second;
        for (var i = 0; i < page.Length; i++)
        {
            var text = page[i].Text.ToCharArray();
            var repairs = page[i].Repairs.ToArray();
            var changed = false;
            for (var k = 0; k < repairs.Length; k++)
            {
                if (applies(page[i].Text, repairs[k]) && (repairs[k].Replacement == first || repairs[k].Replacement == second) && repairs[k].Replacement != style)
                {
                    text[repairs[k].Offset] = style[0];
                    repairs[k] = repairs[k] with { Replacement = style };
                    changed = true;
                }
            }

            if (changed)
            {
                page[i] = new RepairedText(new string(text), repairs);
            }
        }
    }

    private static bool OfMarks(TextRepair repair) =>
        repair.Replacement.Length == 1 && repair.Original.AsSpan().IndexOfAnyExcept(Placeholders.Marks) < 0;

    // A dash in prose, not in a range of numbers (2010–2015 is an en dash whatever the page's prose uses).
    private static bool IsProseDash(string text, TextRepair repair) =>
        OfMarks(repair)
        && !(repair.Offset > 0 && char.IsDigit(text[repair.Offset - 1]))
        && !(repair.Offset + 1 < text.Length && char.IsDigit(text[repair.Offset + 1]));

    // A quote that opens a word after a space or the paragraph's start.
    private static bool IsOpeningQuote(string text, TextRepair repair) =>
        OfMarks(repair)
        && (repair.Offset == 0 || char.IsWhiteSpace(text[repair.Offset - 1]))
        && repair.Offset + 1 < text.Length && char.IsLetterOrDigit(text[repair.Offset + 1]);

    /// <summary>Repairs one paragraph as <paramref name="plan"/> says, with the whole page budget.</summary>
    public RepairedText Repair(string text, RepairPlan plan)
    {
        var budget = MaxRunsPerPage;
        return Repair(text, plan, ref budget);
    }

    /// <summary>
    /// The run's fill from the word it stands in, when the lexicon knows that word: any run inside a word, and a run of
    /// two marks at a word's edge (a two-byte letter, <c>caf__</c>; a quote is one mark or three).
    /// </summary>
    private string? FromLexicon(string text, Placeholders.Run run, char mark)
    {
        if (run.Where != Placeholders.Position.Inside && !(run.Where is Placeholders.Position.Start or Placeholders.Position.End && run.Length == 2))
        {
            return null;
        }

        var lexicon = _lexicon.Value;
        if (lexicon.Count == 0)
        {
            return null;
        }

        var word = Placeholders.WordAt(text, run, mark);
        if (word.Count(char.IsAsciiLetter) < MinLexiconLetters)
        {
            return null;
        }

        var wordStart = run.Start - Placeholders.WordBefore(text, run.Start, mark).Length;

        // "Calder__n_s": the word may end in a contraction whose apostrophe is damaged too; the name is what precedes it.
        var restored = lexicon.Restore(word, mark);
        var runEnd = run.Start + run.Length - wordStart;
        var next = word.IndexOf(mark, runEnd);
        if (restored is null && next > runEnd)
        {
            restored = lexicon.Restore(word.AsSpan(0, next), mark);
        }

        if (restored is null)
        {
            return null;
        }

        // The run is the k-th run of marks in its word; its fill is the k-th run outside ASCII in the restored word.
        var index = 0;
        for (var i = wordStart; i < run.Start; i++)
        {
            index += text[i] == mark && (i == wordStart || text[i - 1] != mark) ? 1 : 0;
        }

        var k = 0;
        for (var i = 0; i < restored.Length;)
        {
            if (restored[i] < 0x80)
            {
                i++;
                continue;
            }

            var end = CharacterModel.NonAsciiRunEnd(restored, i);
            if (k++ == index)
            {
                return restored[i..end];
            }

            i = end;
        }

        return null;
    }

    /// <summary>ASCII letters a damaged word needs before the lexicon is asked: a short word fits too many shapes.</summary>
    public const int MinLexiconLetters = 3;

    /// <summary>Fills the repairable runs of <paramref name="mark"/> left to right, each seeing the repairs before it.</summary>
    private List<(int Start, int Length, string Replacement)> Fill(string text, char mark, bool lone, ref int budget)
    {
        var fills = new List<(int, int, string)>();
        var repaired = new StringBuilder(text.Length);
        var copied = 0;
        var openQuote = false;
        foreach (var run in Placeholders.Find(text, mark))
        {
            if (!run.Repairable || (run.Length == 1 && !lone))
            {
                continue;
            }

            if (budget-- <= 0)
            {
                break;
            }

            repaired.Append(text, copied, run.Start - copied);
            copied = run.Start;
            var tail = repaired.Length >= CharacterModel.MaxContext
                ? repaired.ToString(repaired.Length - CharacterModel.MaxContext, CharacterModel.MaxContext)
                : repaired.ToString();
            var left = CharacterModel.LeftContext(tail, tail.Length);
            var right = CharacterModel.RightContext(text, run.Start + run.Length, mark);
            var unit = FromLexicon(text, run, mark) ?? _model.Guess(left, right, run.Length);
            if (openQuote && run.Where == Placeholders.Position.End && run.Length is 1 or 3)
            {
                // A quote the model opened in this paragraph closes at the next placeholder that ends a word:
                // "_fusion_ center" reads “fusion”, not “fusion… as the context alone suggests.
                unit = "”";
            }

            if (unit is null)
            {
                continue;
            }

            openQuote = unit == "“" || (openQuote && unit != "”");

            fills.Add((run.Start, run.Length, unit));
            repaired.Append(unit);
            copied = run.Start + run.Length;
        }

        return fills;
    }
}
