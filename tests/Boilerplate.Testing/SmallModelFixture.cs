using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Training;

namespace Boilerplate.Testing;

/// <summary>
/// A model trained once per test run on a dozen real pages of each corpus: small, fast, and real. Shared by the Core
/// and Training tests; each declares its own collection, as xUnit finds collection definitions only in the test assembly.
/// </summary>
public sealed class SmallModelFixture : IModelFixture, IDisposable
{
    public static readonly TrainingOptions Options = new()
    {
        MaxPagesPerCorpus = 12,
        Folds = 2,
        Trees = 40,
        EvaluateDev = false,
    };

    public SmallModelFixture()
    {
        Data = new TrainingData
        {
            Corpora = LabelledDataset.DefaultCorpora.Select(name => LabelledDataset.Load(SharedData.PathOf("datasets", name))).ToList(),
            Samples = SeedSamples.Load(),
        };
        Trainer = new ModelTrainer(Options);
        Pages = Trainer.Prepare(Data, null, CancellationToken.None);
        Model = Trainer.Fit(Pages, Data.Describe(), null, CancellationToken.None);
        var segmenter = new HtmlSegmenter(SegmentationLimits.Default);
        DevPages = Data.Corpora.SelectMany(c => c.Take(40).Dev)
            .Select(p => segmenter.Segment(p.ReadHtml(), p.Url, CancellationToken.None))
            .ToList();
    }

    public TrainingData Data { get; }

    public ModelTrainer Trainer { get; }

    public IReadOnlyList<TrainingPage> Pages { get; }

    public BoilerplateModel Model { get; }

    /// <summary>Segmented dev pages (never trained on) to score.</summary>
    public IReadOnlyList<SegmentedPage> DevPages { get; }

    public void Dispose() => Model.Dispose();
}
