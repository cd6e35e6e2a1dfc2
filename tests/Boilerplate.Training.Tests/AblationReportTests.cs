using Boilerplate.Training;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training.Tests;

public class AblationReportTests
{
    private static AblationResult Result(string name, double f1) => new(
        name,
        new TrainingOptions(),
        new EvaluationReport([new CorpusEvaluation("wcxb-dev", EvaluationMode.Html, new ArticleScore(10, f1, f1, f1, new SnippetScore(0, 0, 0, 0)), 0, 1.0)]),
        new ClassificationReport([("body", "body"), ("legal", "legal")]),
        10.0,
        2.5,
        TimeSpan.FromMinutes(3));

    [Fact]
    public void Differences_from_the_baseline_carry_one_sign_and_a_rounded_zero_has_none()
    {
        var markdown = AblationStudy.ToMarkdown([Result("baseline", 0.8), Result("almost the same", 0.79996), Result("worse", 0.7876), Result("better", 0.8124)], "test data");

        Assert.Contains("| almost the same | 0.800 (0.000) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| worse | 0.788 (-0.012) |", markdown, StringComparison.Ordinal);
        Assert.Contains("| better | 0.812 (+0.012) |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("-+", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_names_the_corpus_weights_it_was_trained_with()
    {
        var weighted = Result("baseline", 0.8) with { Options = new TrainingOptions { CorpusWeights = new Dictionary<string, float> { ["readability-pages"] = 3f } } };

        var markdown = AblationStudy.ToMarkdown([weighted], "test data");

        Assert.Contains("`boilerplate train ablate --base default --corpus-weight readability-pages=3 --report <file>`", markdown, StringComparison.Ordinal);
    }
}
