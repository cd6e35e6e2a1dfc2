using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Testing;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Boilerplate.Core.Tests.Model;

/// <summary>
/// The model scores with its stages' trained numbers read out of the ML.NET models; these tests hold that reading
/// to ML.NET's own predictions, so an ML.NET upgrade that changes a model's meaning fails here, not in production: on the
/// committed tiny model's bytes as unit tests, and on a model this ML.NET trains in the run as quality tests.
/// </summary>
public abstract class CompiledStagesTests(IModelFixture fixture)
{
    /// <summary>The committed tiny model and pages: needs no ../shared.</summary>
    [Collection(TinyModelCollection.Name)]
    public sealed class OfCommittedModel(TinyModelFixture fixture) : CompiledStagesTests(fixture);

    /// <summary>A model trained on a dozen pages of each corpus in this run.</summary>
    [Collection(SmallModelCollection.Name)]
    [Trait("Category", "Quality")]
    public sealed class OfTrainedModel(SmallModelFixture fixture) : CompiledStagesTests(fixture);

    [Fact]
    public void Text_stage_matches_ml_net()
    {
        var ml = new MLContext();
        var transformer = ml.Model.Load(new MemoryStream(fixture.Model.File.TextModel), out _);
        using var engine = ml.Model.CreatePredictionEngine<SparseInput, MulticlassOutput>(transformer);
        var (text, _) = fixture.Model.Stages;
        var extractor = new TextFeatureExtractor(fixture.Model.FeatureGroups);
        var features = new SparseFeatures();
        var expected = new float[3];
        var compared = 0;
        foreach (var page in fixture.DevPages.Take(3))
        {
            var prepared = new PreparedPage(page);
            for (var i = 0; i < prepared.Count; i++)
            {
                extractor.Extract(prepared, i, features);
                var (indices, values) = features.ToSortedUnique();
                var predicted = engine.Predict(new SparseInput { Features = new VBuffer<float>(FeatureSchema.SparseDimension, indices.Length, values, indices) });
                text.Score(features, expected);
                for (var k = 0; k < 3; k++)
                {
                    Assert.Equal(predicted.Score[k], expected[k], 1e-5);
                }

                compared++;
            }
        }

        Assert.True(compared > 50);
    }

    [Fact]
    public void Context_stage_matches_ml_net()
    {
        var ml = new MLContext();
        var (text, context) = fixture.Model.Stages;
        var trees = Assert.IsType<TreeEnsembleScorer>(context);
        var dimension = fixture.Model.ContextDimension;
        var schema = SchemaDefinition.Create(typeof(DenseInput));
        schema[nameof(DenseInput.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        for (var k = 0; k < 3; k++)
        {
            var transformer = ml.Model.Load(new MemoryStream(fixture.Model.File.ContextModels[k]), out _);
            using var engine = ml.Model.CreatePredictionEngine<DenseInput, BinaryOutput>(transformer, inputSchemaDefinition: schema);
            foreach (var page in fixture.DevPages.Take(3))
            {
                var preparedPage = new PreparedPage(page);
                var dense = fixture.Model.ContextFeatures(preparedPage, fixture.Model.ScoreFirstStage(preparedPage));
                for (var i = 0; i < preparedPage.Count; i++)
                {
                    var row = dense.AsSpan(i * dimension, dimension);
                    var predicted = engine.Predict(new DenseInput { Features = row.ToArray() });
                    Assert.Equal(predicted.Probability, trees.LabelProbability(k, row), 1e-5);
                }
            }
        }

        Assert.Equal(3, text.Labels);
    }

    [Fact]
    public void Scoring_a_page_of_rows_at_once_matches_scoring_each_row_alone()
    {
        var (_, context) = fixture.Model.Stages;
        var dimension = fixture.Model.ContextDimension;
        var checkedRows = 0;
        foreach (var page in fixture.DevPages.Take(4))
        {
            var preparedPage = new PreparedPage(page);
            var dense = fixture.Model.ContextFeatures(preparedPage, fixture.Model.ScoreFirstStage(preparedPage));

            // Every row count from 1 to past a block of 32, so full and partial blocks of 16 and 32 are covered.
            for (var rows = 1; rows <= Math.Min(preparedPage.Count, 40); rows++)
            {
                var together = new float[rows * 3];
                context.ScoreRows(dense.AsSpan(0, rows * dimension), dimension, together);
                for (var i = 0; i < rows; i++)
                {
                    var alone = new float[3];
                    context.Score(dense.AsSpan(i * dimension, dimension), alone);
                    Assert.Equal(alone, together.AsSpan(i * 3, 3).ToArray());
                    checkedRows++;
                }
            }
        }

        Assert.True(checkedRows > 100);
    }

    private sealed class SparseInput
    {
        [VectorType(FeatureSchema.SparseDimension)]
        public VBuffer<float> Features { get; set; }
    }

    private sealed class MulticlassOutput
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class DenseInput
    {
        public float[] Features { get; set; } = [];
    }

    private sealed class BinaryOutput
    {
        public float Probability { get; set; }
    }
}
