using Boilerplate.Core.Evaluation;
using Boilerplate.Core.Model;
using Boilerplate.Core.Training;
using Boilerplate.Testing;
using Xunit.Abstractions;

namespace Boilerplate.Core.Tests.Quality;

/// <summary>
/// The committed default model must keep its quality: dev-split F1 of each corpus in HTML and in plain-text mode,
/// and macro-F1 on the held-out hand-labelled paragraphs, at or above floors pinned slightly below what it measured
/// when it was trained. A retrained model that scores lower fails here before it ships.
/// </summary>
public sealed class QualityGateTests(ITestOutputHelper output)
{
    private static readonly Lazy<BoilerplateModel> Model = new(BoilerplateModel.LoadDefault);

    [Theory]
    [InlineData("modern-web-2026", EvaluationMode.Html, 0.80)]
    [InlineData("modern-web-2026", EvaluationMode.Text, 0.76)]
    [InlineData("readability-pages", EvaluationMode.Html, 0.95)]
    [InlineData("readability-pages", EvaluationMode.Text, 0.89)]
    public void Dev_f1_stays_above_its_floor(string corpus, EvaluationMode mode, double floor)
    {
        var dataset = LabelledDataset.Load(SharedData.PathOf("datasets", corpus));
        using var evaluator = new ModelEvaluator();
        var result = evaluator.Evaluate(Model.Value, corpus, dataset.Dev.ToList(), mode, CancellationToken.None);

        output.WriteLine($"{corpus} {mode}: F1 {result.Score.F1:0.0000} P {result.Score.Precision:0.0000} R {result.Score.Recall:0.0000} on {result.Score.Pages} pages ({result.FailedPages} refused)");
        // A page whose text is all put there by scripts has no plain text at all, which the pipeline refuses; such
        // pages count as empty output, and there must stay few of them.
        Assert.True(result.FailedPages <= result.Score.Pages / 20, $"{result.FailedPages} pages could not be cleaned");
        Assert.True(result.Score.F1 >= floor, $"{corpus} {mode} dev F1 {result.Score.F1:0.0000} fell below {floor:0.00}");
    }

    [Fact]
    public void Hand_labelled_macro_f1_stays_above_its_floor()
    {
        var report = HandLabelledSet.Evaluate(Model.Value, null, CancellationToken.None);

        output.WriteLine($"macro-F1 {report.MacroF1:0.0000}, accuracy {report.Accuracy:0.0000} on {report.Count} paragraphs");
        Assert.True(report.Count >= 120);
        Assert.True(report.MacroF1 >= 0.96, $"hand-labelled macro-F1 {report.MacroF1:0.0000} fell below the floor");
    }
}
