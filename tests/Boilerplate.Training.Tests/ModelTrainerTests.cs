using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;
using Boilerplate.Training;

namespace Boilerplate.Training.Tests;

[Collection(SmallModelCollection.Name)]
[Trait("Category", "Quality")]
public sealed class ModelTrainerTests(SmallModelFixture fixture)
{
    [Fact]
    public void Same_data_and_seed_give_the_same_model()
    {
        using var again = fixture.Trainer.Fit(fixture.Pages, fixture.Data.Describe(), null, CancellationToken.None);
        Assert.Equal(fixture.Model.Version, again.Version);
    }

    [Fact]
    public void Text_stage_learns_every_label()
    {
        var model = fixture.Model;
        var recognised = new HashSet<string>();
        foreach (var page in fixture.Pages)
        {
            var firstStage = model.ScoreFirstStage(new PreparedPage(page.Page));
            for (var i = 0; i < page.Labels.Count; i++)
            {
                var row = firstStage.AsSpan(i * model.Labels.Count, model.Labels.Count);
                var best = 0;
                for (var k = 1; k < row.Length; k++)
                {
                    best = row[k] > row[best] ? k : best;
                }

                if (model.Labels[best] == page.Labels[i])
                {
                    recognised.Add(page.Labels[i]);
                }
            }
        }

        Assert.Equal(model.Labels.Order(), recognised.Order());
    }

    [Fact]
    public void Learns_any_label_set_from_paragraph_samples()
    {
        var samples = new List<TrainingSample>();
        // Varied texts in varied order, so that only what the texts say tells the labels apart.
        string[] goods = ["boots", "coats", "gloves", "scarves", "hats", "jackets", "sofas", "lamps", "bikes", "tents"];
        string[] topics = ["report", "budget", "plan", "survey", "study", "review", "law", "bridge", "school", "harbour"];
        string[] menus = ["Home | Shop | {0} | Contact", "Start > Catalogue > {0}", "Menu: {0}, Sale, Account"];
        for (var i = 0; i < 90; i++)
        {
            var pageId = $"p{i}";
            var order = new[] { 0, 1, 2 }.Select(j => (j + i) % 3).ToArray();
            samples.Add(new TrainingSample.Paragraph($"Save {10 + i}% on all winter {goods[i % 10]} this week only, use code SNOW{i}!", "promo", null, pageId, order[0], "test"));
            samples.Add(new TrainingSample.Paragraph($"The committee met for the {i + 2}th time and agreed to publish the {topics[i % 10]} in spring, after a long debate about its costs.", "body", null, pageId, order[1], "test"));
            samples.Add(new TrainingSample.Paragraph(string.Format(System.Globalization.CultureInfo.InvariantCulture, menus[i % 3], goods[(i + 3) % 10]), "navigation", null, pageId, order[2], "test"));
        }

        var progress = new List<TrainingProgress>();
        using var model = new ModelTrainer(SmallModelFixture.Options).Train(
            new TrainingData { Samples = samples }, new SynchronousProgress(progress), CancellationToken.None);

        Assert.Equal(["body", "navigation", "promo"], model.Labels);
        Assert.Contains(progress, p => p.Stage.Contains("text model", StringComparison.Ordinal));
        var page = new TextSegmenter().FromParagraphs(
        [
            "Save 15% on all winter boots this week only, use code SNOW3!",
            "The committee met for the 20th time and agreed to publish the report in spring, after a long debate about its costs.",
            "Home | Shop | Contact",
        ], null);
        var scores = model.Score(page, CancellationToken.None);
        Assert.Equal(["promo", "body", "navigation"], Enumerable.Range(0, 3).Select(i => model.Labels[scores.ArgMax(i)]));
    }

    [Fact]
    public void A_model_trained_on_typed_pages_tells_page_types_and_survives_a_save()
    {
        // Three train pages of each of three types: enough for a page-type model, small enough to train in seconds.
        var corpus = fixture.Data.Corpora.Single(c => c.Name == "wcxb-dev");
        string[] types = ["article", "forum", "product"];
        var picked = corpus.Train.Where(p => types.Contains(p.PageType)).GroupBy(p => p.PageType).SelectMany(g => g.Take(3)).Select(p => p.Id).ToHashSet();
        var data = new TrainingData { Corpora = [corpus.Where(p => picked.Contains(p.Id))] };
        using var model = new ModelTrainer(SmallModelFixture.Options with { MaxPagesPerCorpus = null, Trees = 20 }).Train(data, null, CancellationToken.None);

        Assert.Equal(types, model.PageTypes);
        Assert.Equal(types, model.Metadata.PageTypes);
        var page = fixture.DevPages[0];
        var told = model.Score(page, CancellationToken.None).PageType;
        Assert.Contains(told, types);
        Assert.Equal(told, model.PageTypeOf(page));

        var path = Path.Combine(Path.GetTempPath(), $"pagetype-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            using var loaded = BoilerplateModel.Load(path);
            Assert.Equal(model.Version, loaded.Version);
            Assert.Equal(types, loaded.PageTypes);
            Assert.Equal(told, loaded.Score(page, CancellationToken.None).PageType);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_data_with_a_single_label()
    {
        var samples = new TrainingSample[] { new TrainingSample.Paragraph("Only body here.", "body", null, null, null, "test") };
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ModelTrainer(SmallModelFixture.Options).Train(new TrainingData { Samples = samples }, null, CancellationToken.None));
        Assert.Contains("at least two labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corpus_weight_reaches_every_training_page_of_that_corpus_only()
    {
        var options = SmallModelFixture.Options with
        {
            MaxPagesPerCorpus = 4,
            CorpusWeights = new Dictionary<string, float> { ["readability-pages"] = 3f },
        };
        var data = fixture.Data with { Samples = [] };

        var pages = new ModelTrainer(options).Prepare(data, null, CancellationToken.None);

        Assert.Contains(pages, p => p.Key.StartsWith("readability-pages/", StringComparison.Ordinal));
        Assert.All(pages, p => Assert.Equal(p.Key.StartsWith("readability-pages/", StringComparison.Ordinal) ? 3f : 1f, p.Weight));
    }

    [Fact]
    public void A_weight_for_a_corpus_not_trained_on_is_refused()
    {
        var options = SmallModelFixture.Options with { CorpusWeights = new Dictionary<string, float> { ["readability-page"] = 3f } };
        var error = Assert.Throws<InvalidOperationException>(() => new ModelTrainer(options).Prepare(fixture.Data, null, CancellationToken.None));
        Assert.Contains("'readability-page'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void A_corpus_weight_must_be_positive(float weight)
    {
        var options = new TrainingOptions { CorpusWeights = new Dictionary<string, float> { ["wcxb-dev"] = weight } };
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());
    }

    private sealed class SynchronousProgress(List<TrainingProgress> sink) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
