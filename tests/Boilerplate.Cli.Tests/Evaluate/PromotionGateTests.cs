using Boilerplate.Cli.Evaluate;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Tests.Evaluate;

public class PromotionGateTests
{
    private static SystemResult Result(string corpus, string system, double f1) =>
        new(corpus, system, new ArticleScore(10, f1, f1, f1, new SnippetScore(0, 0, 0, 0)), 0, 100, []);

    /// <summary>A result whose mean is that of <paramref name="pages"/> (id, shingle F1).</summary>
    private static SystemResult Paged(string system, params (string Id, double F1)[] pages) =>
        Result("news", system, pages.Average(p => p.F1)) with { Pages = pages.Select(p => new PageScore(p.Id, p.F1, p.F1, p.F1, p.F1)).ToList() };

    [Fact]
    public void A_page_lost_whole_fails_the_gate_though_the_mean_holds()
    {
        // The candidate drops page b to 0.3 and gains as much on a: the same mean, one article gone.
        var results = new[]
        {
            Paged("ours-html", ("a", 0.8), ("b", 0.3), ("c", 0.9)),
            Paged("current-html", ("a", 0.3), ("b", 0.8), ("c", 0.9)),
        };

        var verdict = PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0.005);

        var check = Assert.Single(verdict.Checks);
        Assert.Equal(0, check.Delta, precision: 9);
        Assert.Equal(["b"], check.Pages!.NewlyLost.Select(p => p.Id));
        Assert.Equal(["a"], check.Pages.Rescued.Select(p => p.Id));
        Assert.Equal((1, 1), (check.Pages.Up, check.Pages.Down));

        // One lost for one rescued is no net loss; a second page lost is, unless the share allowed covers a whole page.
        Assert.True(verdict.Passed);
        results[0] = Paged("ours-html", ("a", 0.8), ("b", 0.3), ("c", 0.45));
        Assert.False(PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0.5).Passed);
        Assert.False(PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0.5, lostTolerance: 0.33).Passed);
        Assert.True(PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0.5, lostTolerance: 0.34).Passed);
    }

    [Fact]
    public void Pages_only_one_model_scored_are_not_compared()
    {
        var results = new[]
        {
            Paged("ours-html", ("a", 0.9), ("new", 0.1)),
            Paged("current-html", ("a", 0.9), ("old", 0.9)),
        };

        var pages = Assert.Single(PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 1).Checks).Pages!;

        Assert.Empty(pages.NewlyLost);
        Assert.Equal((0, 0, 1), (pages.Up, pages.Down, pages.Compared));
    }

    [Fact]
    public void A_loss_within_the_tolerance_passes_and_a_larger_one_fails_naming_the_corpus_and_mode()
    {
        var results = new[]
        {
            Result("news", "ours-html", 0.900),
            Result("news", "current-html", 0.904),
            Result("news", "ours-text", 0.800),
            Result("news", "current-text", 0.820),
        };

        var verdict = PromotionGate.Judge(results, [EvaluationMode.Html, EvaluationMode.Text], tolerance: 0.005);

        Assert.False(verdict.Passed);
        var failed = Assert.Single(verdict.Checks, c => !c.Passed);
        Assert.Equal(("news", "text"), (failed.Corpus, failed.Mode));
        Assert.Equal(-0.02, failed.Delta, precision: 9);
    }

    [Fact]
    public void An_equal_model_passes_even_with_zero_tolerance()
    {
        var results = new[] { Result("a", "ours-html", 0.9), Result("a", "current-html", 0.9) };

        Assert.True(PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0).Passed);
    }

    [Fact]
    public void Every_corpus_is_checked()
    {
        var results = new[]
        {
            Result("a", "ours-html", 0.95), Result("a", "current-html", 0.90),
            Result("b", "ours-html", 0.70), Result("b", "current-html", 0.90),
        };

        var verdict = PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0.01);

        Assert.Equal(2, verdict.Checks.Count);
        Assert.Equal("b", Assert.Single(verdict.Checks, c => !c.Passed).Corpus);
    }

    [Fact]
    public void The_hand_labelled_macro_f1_is_checked_when_given()
    {
        var results = new[] { Result("a", "ours-html", 0.9), Result("a", "current-html", 0.9) };
        var poor = new ClassificationReport([("body", "legal"), ("navigation", "navigation"), ("legal", "body")]);
        var good = new ClassificationReport([("body", "body"), ("navigation", "navigation"), ("legal", "legal")]);

        Assert.True(PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0.005).Passed);
        var verdict = PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0.005, (poor, good));
        Assert.False(verdict.Passed);
        var failed = Assert.Single(verdict.Checks, c => !c.Passed);
        Assert.Equal((PromotionGate.HandLabelled, PromotionGate.LabelsMode), (failed.Corpus, failed.Mode));
        Assert.True(PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0.005, (good, good)).Passed);
    }

    [Fact]
    public void Each_in_page_form_is_a_check_of_its_own()
    {
        var results = new[] { Result("a", "ours-html", 0.9), Result("a", "current-html", 0.9) };
        var poor = new ClassificationReport([("body", "navigation"), ("navigation", "navigation"), ("legal", "navigation")]);
        var good = new ClassificationReport([("body", "body"), ("navigation", "navigation"), ("legal", "legal")]);

        var verdict = PromotionGate.Judge(results, [EvaluationMode.Html], tolerance: 0.005, inPage: [("HtmlTelling", good, good), ("Text", poor, good)]);

        Assert.Equal(3, verdict.Checks.Count);
        var failed = Assert.Single(verdict.Checks, c => !c.Passed);
        Assert.Equal((PromotionGate.InPage, "Text"), (failed.Corpus, failed.Mode));
    }
}
