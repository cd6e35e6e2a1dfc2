using Boilerplate.Core.Repair;
using Boilerplate.Testing;
using Boilerplate.Training.Evaluation.Repair;
using Xunit.Abstractions;

namespace Boilerplate.Training.Tests.Evaluation.Repair;

/// <summary>
/// Text repair keeps its measured quality (docs/repair.md): floors just under the dev figures for damaged truth
/// texts, and on every undamaged truth text of the project's corpora no change but undoing mojibake the truth already holds.
/// </summary>
[Trait("Category", "Quality")]
public sealed class RepairQualityTests(ITestOutputHelper output)
{
    // The corpora the model is trained and evaluated on, not every folder in datasets/: a superseded corpus beside them
    // is not the project's data and may be removed.
    private static readonly Lazy<IReadOnlyList<LabelledDataset>> Corpora = new(() =>
        LabelledDataset.DefaultCorpora.Select(name => LabelledDataset.Load(SharedData.PathOf("datasets", name))).ToList());

    [Theory]
    [InlineData(Damage.Placeholder, 0.79)]
    [InlineData(Damage.Mojibake, 0.98)]
    public void Damaged_dev_texts_are_restored_above_their_floor_without_touching_undamaged_words(Damage damage, double floor)
    {
        var score = RepairScore.Empty;
        foreach (var corpus in Corpora.Value)
        {
            foreach (var page in corpus.Dev)
            {
                score = score.Add(RepairEvaluation.Score(RepairEvaluation.Paragraphs(page.ArticleBody), damage, RepairMode.Auto, TextRepairer.Default, CancellationToken.None));
            }
        }

        output.WriteLine($"{damage}: {score.RestoredWords} of {score.DamagedWords} restored ({score.Restored:P1}), {score.WronglyChangedWords} undamaged words changed");
        Assert.True(score.DamagedWords > 5000, $"only {score.DamagedWords} damaged words");
        Assert.True(score.Restored >= floor, $"{damage}: {score.Restored:P1} restored, below {floor:P0}");
        Assert.Equal(0, score.WronglyChangedWords);
    }

    [Fact]
    public void Undamaged_truth_texts_of_the_corpora_change_only_where_they_hold_mojibake()
    {
        var pages = 0;
        var changed = new List<string>();
        foreach (var page in Corpora.Value.SelectMany(corpus => corpus.Pages))
        {
            pages++;
            var paragraphs = RepairEvaluation.Paragraphs(page.ArticleBody);
            var plan = TextRepairer.Plan(paragraphs, RepairMode.Auto, CancellationToken.None);
            foreach (var paragraph in paragraphs)
            {
                foreach (var repair in TextRepairer.Default.Repair(paragraph, plan).Repairs)
                {
                    // Mojibake in the truth is Windows-1252/Latin-1 characters standing for UTF-8 bytes (or the "Â" of
                    // a no-break space, reported with the character before it, which stays); nothing else may change.
                    var lostNoBreakSpaces = repair.Original.Length >= 2 && repair.Replacement == repair.Original[..1]
                        && repair.Original[1..].All(c => c == 'Â' || char.IsWhiteSpace(c));
                    if (!lostNoBreakSpaces && !repair.Original.All(c => Mojibake.ByteOf(c) >= 0x80))
                    {
                        changed.Add($"{page.Key}: '{repair.Original}' -> '{repair.Replacement}'");
                    }
                }
            }
        }

        output.WriteLine($"{pages} pages, {changed.Count} changes that are not mojibake");
        Assert.True(pages >= 1600, $"only {pages} pages");
        Assert.Empty(changed);
    }
}
