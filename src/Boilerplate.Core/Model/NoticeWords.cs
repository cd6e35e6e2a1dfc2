namespace Boilerplate.Core.Model;

/// <summary>
/// A notice whose words alone read as legal keeps that label where the page around it reads as navigation. The second
/// stage weighs a block's place on the page, and in a footer or a menu a disclaimer nobody listed ("Purchases made
/// through our links may earn us a commission") stands among links, so the place outvotes the words. Where the first
/// stage, which reads the words, gives legal at least <see cref="MinFirstStageLegal"/> and more than navigation, and
/// the second stage's likeliest label is navigation, the two chrome labels trade probabilities. Body keeps its own, so
/// what a page keeps as body never changes; only which kind of chrome a dropped block is said to be.
/// </summary>
internal sealed class NoticeWords
{
    /// <summary>First-stage legal probability from which a block's words decide between navigation and legal.</summary>
    public const float MinFirstStageLegal = 0.7f;

    private readonly int _labels;
    private readonly int _navigation;
    private readonly int _legal;

    private NoticeWords(int labels, int navigation, int legal)
    {
        _labels = labels;
        _navigation = navigation;
        _legal = legal;
    }

    /// <summary>The rule for a model scoring <paramref name="labels"/>; null when they lack navigation or legal (a model of its own labels).</summary>
    public static NoticeWords? For(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var navigation = IndexOf(labels, Labels.Navigation);
        var legal = IndexOf(labels, Labels.Legal);
        return navigation < 0 || legal < 0 ? null : new NoticeWords(labels.Count, navigation, legal);
    }

    /// <summary>Applies the rule to every block: <paramref name="firstStage"/> and <paramref name="probabilities"/> hold a row of the labels per block.</summary>
    public void Apply(ReadOnlySpan<float> firstStage, Span<float> probabilities)
    {
        if (firstStage.Length != probabilities.Length || probabilities.Length % _labels != 0)
        {
            throw new ArgumentException("Both stages need one row of the labels per block.", nameof(probabilities));
        }

        for (var start = 0; start < probabilities.Length; start += _labels)
        {
            var words = firstStage.Slice(start, _labels);
            var row = probabilities.Slice(start, _labels);
            if (words[_legal] >= MinFirstStageLegal && words[_legal] > words[_navigation] && IsLikeliest(row, _navigation))
            {
                (row[_navigation], row[_legal]) = (row[_legal], row[_navigation]);
            }
        }
    }

    private static bool IsLikeliest(ReadOnlySpan<float> row, int label)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (i != label && row[i] >= row[label])
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        return -1;
    }
}
