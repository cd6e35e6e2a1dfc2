using System.IO.Compression;
using System.Text.Json.Nodes;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;
using Boilerplate.Training.AddedLabels;

namespace Boilerplate.Training.Tests.AddedLabels;

/// <summary>Trains "promo" once on top of the default model from 60 real sample lines and a few dozen base pages.</summary>
public sealed class PromoModelFixture : IDisposable
{
    public static readonly AddedLabelOptions Options = new() { Folds = 3, BasePages = 40, EvaluateDev = false };

    public PromoModelFixture()
    {
        Base = BoilerplateModel.LoadDefault();
        Samples = SampleReader.Read(Path.Combine(AppContext.BaseDirectory, "AddedLabels", "promo-samples.jsonl"));
        Corpora = LabelledDataset.DefaultCorpora.Select(name => LabelledDataset.Load(SharedData.PathOf("datasets", name)).Take(60)).ToList();
        (Model, Report) = new AddedLabelTrainer(Options).Train(Base, Samples, Corpora, null, CancellationToken.None);
    }

    public BoilerplateModel Base { get; }

    public IReadOnlyList<TrainingSample> Samples { get; }

    public IReadOnlyList<LabelledDataset> Corpora { get; }

    public BoilerplateModel Model { get; }

    public AddedLabelReport Report { get; }

    public void Dispose()
    {
        Model.Dispose();
        Base.Dispose();
    }
}

[Trait("Category", "Quality")]
public sealed class AddedLabelTrainerTests(PromoModelFixture fixture) : IClassFixture<PromoModelFixture>
{
    private static readonly string[] News =
    [
        "The city council approved the new budget on Tuesday after a debate that lasted well into the night, with the opposition calling the plan unrealistic.",
        "Researchers at the university said the results, published in a peer-reviewed journal, would need to be confirmed by larger studies before any change in treatment.",
    ];

    [Fact]
    public void The_new_label_closes_the_base_labels_and_carries_its_figures()
    {
        Assert.Equal([.. Labels.Default, "promo"], fixture.Model.Labels);
        var added = Assert.Single(fixture.Model.Metadata.AddedLabels);
        Assert.Equal("promo", added.Name);
        Assert.Equal(60, added.Samples);
        Assert.InRange(added.Recall, 0.45, 1);
        Assert.Equal(added.Precision, fixture.Model.Metadata.Metrics["added.promo.precision"]);
        Assert.NotEqual(fixture.Base.Version, fixture.Model.Version);
    }

    [Fact]
    public void Held_out_promotions_between_news_paragraphs_are_told_and_the_news_is_not()
    {
        var heldOut = SampleReader.Read(Path.Combine(AppContext.BaseDirectory, "AddedLabels", "promo-heldout.jsonl")).OfType<TrainingSample.Paragraph>().ToList();
        var segmenter = new TextSegmenter(SegmentationLimits.Default);
        var told = 0;
        foreach (var line in heldOut)
        {
            var page = segmenter.FromParagraphs([News[0], line.Text, News[1]], null);
            var scores = fixture.Model.Score(page, CancellationToken.None);
            Assert.Equal(3, scores.BlockCount);
            Assert.Equal(Labels.Body, fixture.Model.Labels[scores.ArgMax(0)]);
            Assert.Equal(Labels.Body, fixture.Model.Labels[scores.ArgMax(2)]);
            told += fixture.Model.Labels[scores.ArgMax(1)] == "promo" ? 1 : 0;
        }

        // Reworded lines in other languages: the measured curve (docs/labels.md) puts recall near one half at 50-100
        // samples; a stage that learnt nothing, or one that never shifts the merge, tells none.
        Assert.True(told >= heldOut.Count / 4, $"{told} of {heldOut.Count} held-out promotions told as promo");
    }

    [Fact]
    public void Rows_still_sum_to_one_and_the_base_labels_keep_their_order()
    {
        var page = new TextSegmenter(SegmentationLimits.Default).FromParagraphs([News[0], "Save 40% on every sofa this weekend only!", News[1]], null);
        var before = fixture.Base.Score(page, CancellationToken.None);
        var after = fixture.Model.Score(page, CancellationToken.None);
        for (var i = 0; i < after.BlockCount; i++)
        {
            var row = after.For(i);
            Assert.Equal(1f, row.ToArray().Sum(), 3);
            // The base labels share what the stage leaves them in the base model's proportions.
            var scale = row[..3].ToArray().Sum() / before.For(i).ToArray().Sum();
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(before.For(i)[j] * scale, row[j], 4);
            }
        }
    }

    [Fact]
    public void The_model_file_round_trips_with_its_added_labels()
    {
        var path = Path.Combine(Path.GetTempPath(), $"added-{Guid.NewGuid():N}.zip");
        try
        {
            fixture.Model.Save(path);
            using var loaded = BoilerplateModel.Load(path);
            Assert.Equal(fixture.Model.Version, loaded.Version);
            Assert.Equal(fixture.Model.Metadata.AddedLabels, loaded.Metadata.AddedLabels);
            var page = new TextSegmenter(SegmentationLimits.Default).FromParagraphs([News[0], "Black Friday: all laptops 30% off today.", News[1]], null);
            Assert.Equal(fixture.Model.Score(page, CancellationToken.None).For(1).ToArray(), loaded.Score(page, CancellationToken.None).For(1).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_whose_added_labels_are_not_its_last_labels_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"added-{Guid.NewGuid():N}.zip");
        try
        {
            fixture.Model.Save(path);
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
            {
                var entry = zip.GetEntry("metadata.json")!;
                JsonNode metadata;
                using (var reader = new StreamReader(entry.Open()))
                {
                    metadata = JsonNode.Parse(reader.ReadToEnd())!;
                }

                metadata["Labels"] = new JsonArray("promo", "body", "navigation", "legal");
                entry.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("metadata.json").Open());
                writer.Write(metadata.ToJsonString());
            }

            var error = Assert.Throws<ModelLoadException>(() => BoilerplateModel.Load(path));
            Assert.Contains("added labels must be the last", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Samples_of_base_labels_only_are_sent_to_a_full_retrain()
    {
        TrainingSample[] samples = [new TrainingSample.Paragraph("Read more", Labels.Navigation, null, null, null, "test:1")];
        var error = Assert.Throws<InvalidOperationException>(() => new AddedLabelTrainer(PromoModelFixture.Options).Train(fixture.Base, samples, fixture.Corpora, null, CancellationToken.None));
        Assert.Contains("--full", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_with_too_few_samples_is_refused_before_any_training()
    {
        var samples = fixture.Samples.Take(3).ToList();
        var error = Assert.Throws<InvalidOperationException>(() => new AddedLabelTrainer(PromoModelFixture.Options).Train(fixture.Base, samples, fixture.Corpora, null, CancellationToken.None));
        Assert.Contains("'promo' has 3 samples", error.Message, StringComparison.Ordinal);
    }
}
