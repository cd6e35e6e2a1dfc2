using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training.Tests.Evaluation;

public sealed class ClassificationReportTests
{
    [Fact]
    public void Computes_confusion_and_macro_f1()
    {
        var report = new ClassificationReport([
            ("body", "body"), ("body", "body"), ("body", "navigation"),
            ("navigation", "navigation"), ("legal", "legal"), ("legal", "navigation"),
        ]);

        Assert.Equal(["body", "navigation", "legal"], report.Labels);
        Assert.Equal([2, 1, 0], report.Confusion[0]);
        Assert.Equal([0, 1, 0], report.Confusion[1]);
        Assert.Equal([0, 1, 1], report.Confusion[2]);
        // body: P 1, R 2/3 -> 0.8; navigation: P 1/3, R 1 -> 0.5; legal: P 1, R 1/2 -> 2/3.
        Assert.Equal((0.8 + 0.5 + (2.0 / 3)) / 3, report.MacroF1, 10);
        Assert.Equal(4.0 / 6, report.Accuracy, 10);
    }

    [Fact]
    public void Labels_only_predicted_do_not_dilute_the_macro_mean()
    {
        var report = new ClassificationReport([("body", "body"), ("body", "promo")]);
        Assert.Equal(2.0 / 3, report.MacroF1, 10);
    }
}
