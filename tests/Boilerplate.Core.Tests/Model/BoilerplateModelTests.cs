using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Core.Tests.Model;

/// <summary>
/// Scoring, saving and loading a model: on the committed tiny model as unit tests (with the refusals of bad model files),
/// and on a model trained from the datasets in this run as quality tests (with what it extracts from unseen articles).
/// </summary>
public abstract class BoilerplateModelTests(IModelFixture fixture)
{
    /// <summary>The committed tiny model and pages: needs no ../shared.</summary>
    [Collection(TinyModelCollection.Name)]
    public sealed class OfCommittedModel(TinyModelFixture fixture) : BoilerplateModelTests(fixture)
    {
        [Fact]
        public void Was_trained_against_this_builds_feature_schema() =>
            Assert.True(
                TinyModelFixture.CommittedSchemaVersion() == FeatureSchema.Version,
                $"The committed tiny model was trained against feature schema {TinyModelFixture.CommittedSchemaVersion()}, this build extracts {FeatureSchema.Version}. {TinyModelFixture.RegenerateHint}");

        [Fact]
        public void Refuses_a_file_that_is_not_a_zip()
        {
            var error = Assert.Throws<ModelLoadException>(() => BoilerplateModel.Load(new MemoryStream(Encoding.UTF8.GetBytes("not a model"))));
            Assert.Contains("not a zip", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_missing_file_naming_it()
        {
            var error = Assert.Throws<ModelLoadException>(() => BoilerplateModel.Load("/nonexistent/model.zip"));
            Assert.Contains("/nonexistent/model.zip", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_model_missing_a_part()
        {
            var stream = Rewrite(zip => zip.GetEntry("text-model.zip")!.Delete());
            var error = Assert.Throws<ModelLoadException>(() => BoilerplateModel.Load(stream));
            Assert.Contains("lacks its text-model.zip part", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_model_of_another_feature_schema()
        {
            var stream = RewriteMetadata(metadata => metadata["FeatureSchemaVersion"] = FeatureSchema.Version + 1);
            var error = Assert.Throws<ModelLoadException>(() => BoilerplateModel.Load(stream));
            Assert.Contains($"feature schema {FeatureSchema.Version + 1}", error.Message, StringComparison.Ordinal);
            Assert.Contains("Retrain", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_model_whose_parts_do_not_match_its_hash()
        {
            var stream = RewriteMetadata(metadata => metadata["Version"] = new string('0', 64));
            var error = Assert.Throws<ModelLoadException>(() => BoilerplateModel.Load(stream));
            Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Refuses_a_damaged_ml_net_part()
        {
            var stream = Rewrite(zip =>
            {
                zip.GetEntry("text-model.zip")!.Delete();
                using var writer = new StreamWriter(zip.CreateEntry("text-model.zip").Open());
                writer.Write("garbage");
            });
            var error = Assert.Throws<ModelLoadException>(() => BoilerplateModel.Load(stream));
            Assert.Contains("text-model.zip is not a readable ML.NET model", error.Message, StringComparison.Ordinal);
        }

        private MemoryStream Rewrite(Action<ZipArchive> change)
        {
            var stream = Serialise(fixture.Model);
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
            {
                change(zip);
            }

            stream.Position = 0;
            return stream;
        }

        private MemoryStream RewriteMetadata(Action<JsonObject> change) => Rewrite(zip =>
        {
            var entry = zip.GetEntry("metadata.json")!;
            JsonObject metadata;
            using (var reader = new StreamReader(entry.Open()))
            {
                metadata = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
            }

            change(metadata);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("metadata.json").Open());
            writer.Write(metadata.ToJsonString());
        });
    }

    /// <summary>A model trained on a dozen pages of each corpus in this run.</summary>
    [Collection(SmallModelCollection.Name)]
    [Trait("Category", "Quality")]
    public sealed class OfTrainedModel(SmallModelFixture fixture) : BoilerplateModelTests(fixture)
    {
        [Fact]
        public void Extracts_most_of_unseen_articles_after_training_on_a_dozen_pages()
        {
            var dev = fixture.Data.Corpora.SelectMany(c => c.Take(40).Dev).ToList();
            using var evaluator = new ModelEvaluator();
            var result = evaluator.Evaluate(fixture.Model, "first dev pages", dev, EvaluationMode.Html, CancellationToken.None);
            Assert.True(result.Score.F1 > 0.6, $"F1 {result.Score.F1:0.000} on {dev.Count} dev pages");
        }
    }

    [Fact]
    public void Scores_every_block_with_a_distribution_over_the_labels()
    {
        var model = fixture.Model;
        Assert.Equal(["body", "navigation", "legal"], model.Labels);
        Assert.Matches("^[0-9a-f]{64}$", model.Version);
        foreach (var page in fixture.DevPages)
        {
            var scores = model.Score(page, CancellationToken.None);
            Assert.Equal(page.Blocks.Count, scores.BlockCount);
            for (var i = 0; i < scores.BlockCount; i++)
            {
                Assert.Equal(1f, scores.For(i).ToArray().Sum(), 3);
            }
        }
    }

    [Fact]
    public void Save_then_load_gives_identical_scores_and_version()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bp-{Guid.NewGuid():N}.zip");
        try
        {
            fixture.Model.Save(path);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}*"));
            using var loaded = BoilerplateModel.Load(path);
            Assert.Equal(fixture.Model.Version, loaded.Version);
            Assert.Equal(fixture.Model.Metadata.Labels, loaded.Metadata.Labels);
            foreach (var page in fixture.DevPages)
            {
                Assert.Equal(Flatten(fixture.Model.Score(page, CancellationToken.None)), Flatten(loaded.Score(page, CancellationToken.None)));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parallel_scoring_gives_the_same_scores_as_sequential()
    {
        var pages = fixture.DevPages;
        var expected = pages.Select(p => Flatten(fixture.Model.Score(p, CancellationToken.None))).ToArray();
        var actual = new float[pages.Count * 8][];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = Flatten(fixture.Model.Score(pages[i % pages.Count], CancellationToken.None)));
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % pages.Count], actual[i]);
        }
    }

    [Fact]
    public void Scoring_honours_cancellation_and_disposal()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => fixture.Model.Score(fixture.DevPages[0], cancelled.Token));

        using var copy = BoilerplateModel.Load(Serialise(fixture.Model));
        copy.Dispose();
        Assert.Throws<ObjectDisposedException>(() => copy.Score(fixture.DevPages[0], CancellationToken.None));
    }

    [Fact]
    public void An_empty_page_has_no_scores()
    {
        var scores = fixture.Model.Score(new SegmentedPage(string.Empty, [], InputFormat.Text), CancellationToken.None);
        Assert.Equal(0, scores.BlockCount);
    }

    private static float[] Flatten(PageScores scores) =>
        Enumerable.Range(0, scores.BlockCount).SelectMany(i => scores.For(i).ToArray()).ToArray();

    private static MemoryStream Serialise(BoilerplateModel model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bp-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            return new MemoryStream(File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
