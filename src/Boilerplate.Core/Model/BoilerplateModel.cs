using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Boilerplate.Core.Model;

/// <summary>
/// The trained block classifier. Two stages: a linear text model over hashed words, character n-grams and markup
/// tokens scores each block alone; a second model (boosted trees by default) rescoring each block from those scores
/// in context (neighbours, container, page) and the block's dense facts. Both are ML.NET models stored in one zip
/// (see <see cref="ModelFile"/>); on load their trained numbers are read into flat tables, so scoring is
/// allocation-light, lock-free and safe from any number of threads.
/// </summary>
public sealed class BoilerplateModel : IBlockClassifier, IDisposable
{
    /// <summary>Name of the default model embedded in this assembly.</summary>
    public const string DefaultResourceName = "Boilerplate.Core.Model.Default.boilerplate-default.zip";

    private const int CancellationCheckInterval = 64;

    private readonly ModelFile _file;
    private LinearScorer? _text;
    private IRowScorer? _context;
    private readonly PageTypeClassifier? _pageType;
    private readonly LinearScorer? _added;
    private readonly float[] _addedOffsets;
    private readonly TextFeatureExtractor _textFeatures;
    private readonly ContextFeatureExtractor _contextFeatures;
    private readonly NoticeWords? _noticeWords;

    private BoilerplateModel(ModelFile file, LinearScorer text, IRowScorer context, PageTypeClassifier? pageType, LinearScorer? added)
    {
        _file = file;
        _text = text;
        _context = context;
        _pageType = pageType;
        _added = added;
        _addedOffsets = file.Metadata.AddedLabels.Select(a => a.Offset).ToArray();
        _textFeatures = new TextFeatureExtractor(file.Groups);
        _contextFeatures = new ContextFeatureExtractor(file.Groups, file.Metadata.BaseLabelCount, pageType?.Types.Count ?? 0);
        _noticeWords = NoticeWords.For(BaseLabels);
    }

    /// <summary>What the model file says about itself.</summary>
    public ModelMetadata Metadata => _file.Metadata;

    /// <inheritdoc />
    public IReadOnlyList<string> Labels => _file.Metadata.Labels;

    /// <inheritdoc />
    public string Version => _file.Metadata.Version;

    /// <summary>The file parts, for tests that check the compiled stages against ML.NET's own scoring.</summary>
    internal ModelFile File => _file;

    /// <summary>The compiled stages.</summary>
    internal (LinearScorer Text, IRowScorer Context) Stages => Scorers();

    /// <summary>The labels the base stages score, before any added ones.</summary>
    public IReadOnlyList<string> BaseLabels => _file.Metadata.Labels.Take(_file.Metadata.BaseLabelCount).ToList();

    /// <summary>The page types the model tells (empty: none).</summary>
    public IReadOnlyList<string> PageTypes => _pageType?.Types ?? [];

    /// <summary>The feature groups the model was trained with.</summary>
    public FeatureGroups FeatureGroups => _file.Groups;

    /// <summary>Loads the model file at <paramref name="path"/>.</summary>
    /// <exception cref="ModelLoadException">The file is missing, not a model, damaged or of another feature schema.</exception>
    public static BoilerplateModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!System.IO.File.Exists(path))
        {
            throw new ModelLoadException($"Model file '{Path.GetFullPath(path)}' does not exist; check the path (train one with `boilerplate train`).");
        }

        using var stream = System.IO.File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Loads a model from <paramref name="stream"/> (a model zip).</summary>
    /// <exception cref="ModelLoadException">The stream is not a model, damaged or of another feature schema.</exception>
    public static BoilerplateModel Load(Stream stream) => Load(stream, "the model stream");

    /// <summary>Loads the default model embedded in Boilerplate.Core.</summary>
    /// <exception cref="ModelLoadException">This build carries no default model.</exception>
    public static BoilerplateModel LoadDefault()
    {
        using var stream = typeof(BoilerplateModel).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new ModelLoadException(
                $"This build of Boilerplate.Core embeds no default model (resource '{DefaultResourceName}'); " +
                "rebuild it with src/Boilerplate.Core/Model/Default/boilerplate-default.zip in place, or load a model file.");
        return Load(stream, "the embedded default model");
    }

    /// <summary>
    /// Builds a model from trained ML.NET stages. <paramref name="metadata"/>'s Version is replaced by the
    /// content hash of what was trained. Public for the trainer (Boilerplate.Training).
    /// </summary>
    public static BoilerplateModel Create(ModelMetadata metadata, FeatureGroups groups, byte[] textModel, IReadOnlyList<byte[]> contextModels, byte[]? pageTypeModel = null)
    {
        var file = new ModelFile(metadata, groups, textModel, contextModels) { PageTypeModel = pageTypeModel };
        var (text, context) = Compile(file, "the trained model");
        var pageType = CompilePageType(file, "the trained model");
        var version = ContentHash(file, text, context, pageType, null);
        return new BoilerplateModel(file with { Metadata = metadata with { Version = version } }, text, context, pageType, null);
    }

    /// <summary>
    /// This model's base stages with an added-label stage on top (<see cref="AddedLabelStage"/>): its labels become the
    /// base labels followed by <paramref name="added"/>'s. Public for the trainer (Boilerplate.Training).
    /// </summary>
    /// <param name="added">The added labels, in the stage's class order (after its "other" class).</param>
    /// <param name="stageModel">The stage as saved by ML.NET: a multiclass linear model over <see cref="AddedLabelFeatures"/>' rows.</param>
    /// <param name="trainer">What trained the stage, appended to the base model's trainer.</param>
    /// <param name="trainingData">What the stage was trained on, appended to the base model's description.</param>
    /// <param name="metrics">Held-out figures of the whole model.</param>
    public BoilerplateModel WithAddedLabels(IReadOnlyList<AddedLabel> added, byte[] stageModel, string trainer, string trainingData, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(stageModel);
        if (added.Count == 0)
        {
            throw new ArgumentException("Give at least one added label.", nameof(added));
        }

        var (text, context) = Scorers();
        var baseLabels = BaseLabels;
        var metadata = _file.Metadata with
        {
            Labels = [.. baseLabels, .. added.Select(a => a.Name)],
            AddedLabels = added,
            Trainer = $"{_file.Metadata.Trainer}; added labels: {trainer}",
            TrainingData = $"{_file.Metadata.TrainingData}; added labels: {trainingData}",
            Metrics = metrics,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var file = _file with { Metadata = metadata, AddedLabelsModel = stageModel };
        var stage = CompileAddedLabels(file, "the trained added-label stage");
        var version = ContentHash(file, text, context, _pageType, stage);
        return new BoilerplateModel(file with { Metadata = metadata with { Version = version } }, text, context, _pageType, stage);
    }

    /// <summary>
    /// A copy of this model with other held-out figures in its metadata (the trained parts are shared). Public for the
    /// trainer (Boilerplate.Training), which scores the dev split after fitting.
    /// </summary>
    public BoilerplateModel WithMetrics(IReadOnlyDictionary<string, double> metrics)
    {
        var (text, context) = Scorers();
        return new BoilerplateModel(_file with { Metadata = _file.Metadata with { Metrics = metrics } }, text, context, _pageType, _added);
    }

    /// <summary>Writes the model to <paramref name="path"/> atomically: a temporary file beside it, then a rename.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                _file.WriteTo(stream);
                stream.Flush(flushToDisk: true);
            }

            System.IO.File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (System.IO.File.Exists(temporary))
            {
                System.IO.File.Delete(temporary);
            }
        }
    }

    /// <inheritdoc />
    public PageScores Score(SegmentedPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var (text, context) = Scorers();
        var k = _file.Metadata.BaseLabelCount;
        var n = page.Blocks.Count;
        var prepared = new PreparedPage(page);
        var firstStage = new float[n * k];
        var features = new SparseFeatures();
        for (var i = 0; i < n; i++)
        {
            if (i % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            _textFeatures.Extract(prepared, i, features);
            text.Score(features, firstStage.AsSpan(i * k, k));
        }

        var pageType = _pageType is null ? [] : new float[_pageType.Types.Count];
        _pageType?.Probabilities(prepared, pageType);
        var dimension = _contextFeatures.Dimension;
        var probabilities = new float[n * k];

        // The second stage's rows are the page's largest buffer (blocks x dimension floats, past the large-object
        // threshold from about 250 blocks) and live only here: rented, so pages do not churn the large-object heap.
        var dense = PageBuffers.Floats.Rent(n * dimension);
        try
        {
            WriteContextFeatures(prepared, firstStage, pageType, dense.AsSpan(0, n * dimension));
            for (var start = 0; start < n; start += CancellationCheckInterval)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(CancellationCheckInterval, n - start);
                context.ScoreRows(dense.AsSpan(start * dimension, count * dimension), dimension, probabilities.AsSpan(start * k, count * k));
            }
        }
        finally
        {
            PageBuffers.Floats.Return(dense);
        }

        _noticeWords?.Apply(firstStage, probabilities);
        if (_added is not null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            probabilities = new AddedLabelFeatures(k).Combine(prepared, probabilities, _added, _addedOffsets);
        }

        return new PageScores(Labels, probabilities)
        {
            PageType = _pageType?.Name(prepared, pageType) ?? string.Empty,
            PageTypes = _pageType?.Types ?? [],
            PageTypeProbabilities = pageType,
        };
    }

    /// <summary>The page's type alone (empty when the model tells no types, or a text page's cannot be told).</summary>
    public string PageTypeOf(SegmentedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        ObjectDisposedException.ThrowIf(_text is null, this);
        return _pageType?.Predict(new PreparedPage(page)) ?? string.Empty;
    }

    /// <summary>
    /// The second stage's input rows (blocks x <see cref="ContextDimension"/>) from the first stage's probabilities
    /// and, when the model tells types, the page's type probabilities (computed here when not given).
    /// </summary>
    internal float[] ContextFeatures(PreparedPage page, float[] firstStage, float[]? pageType = null)
    {
        if (pageType is null && _pageType is not null)
        {
            pageType = new float[_pageType.Types.Count];
            _pageType.Probabilities(page, pageType);
        }

        var dense = new float[page.Count * _contextFeatures.Dimension];
        WriteContextFeatures(page, firstStage, pageType, dense);
        return dense;
    }

    /// <summary>Writes the second stage's rows into <paramref name="rows"/> (blocks x <see cref="ContextDimension"/>).</summary>
    private void WriteContextFeatures(PreparedPage page, ReadOnlySpan<float> firstStage, float[]? pageType, Span<float> rows) =>
        _contextFeatures.Extract(page, firstStage, rows, _contextFeatures.PageTypes > 0 ? pageType : default);

    /// <summary>Features per row of the second stage.</summary>
    internal int ContextDimension => _contextFeatures.Dimension;

    /// <summary>The first stage's probabilities alone (blocks x labels), which the second stage is trained on.</summary>
    internal float[] ScoreFirstStage(PreparedPage page)
    {
        var (text, _) = Scorers();
        var k = _file.Metadata.BaseLabelCount;
        var result = new float[page.Count * k];
        var features = new SparseFeatures();
        for (var i = 0; i < page.Count; i++)
        {
            _textFeatures.Extract(page, i, features);
            text.Score(features, result.AsSpan(i * k, k));
        }

        return result;
    }

    /// <summary>Releases the weight tables; scoring afterwards throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        _text = null;
        _context = null;
    }

    private (LinearScorer Text, IRowScorer Context) Scorers()
    {
        var text = _text;
        var context = _context;
        ObjectDisposedException.ThrowIf(text is null || context is null, this);
        return (text, context);
    }

    private static BoilerplateModel Load(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var file = ModelFile.Read(stream, source);
        var (text, context) = Compile(file, source);
        var pageType = CompilePageType(file, source);
        var added = CompileAddedLabels(file, source);
        var version = ContentHash(file, text, context, pageType, added);
        if (!string.Equals(version, file.Metadata.Version, StringComparison.Ordinal))
        {
            throw new ModelLoadException(
                $"{source} is damaged: its trained parts hash to {version}, but its metadata.json says {file.Metadata.Version}. " +
                "Use an intact copy of the file, or retrain it.");
        }

        return new BoilerplateModel(file, text, context, pageType, added);
    }

    private static (LinearScorer Text, IRowScorer Context) Compile(ModelFile file, string source)
    {
        var labels = file.Metadata.BaseLabelCount;
        var ml = new MLContext();
        var text = Transformer(ml, file.TextModel, source, ModelFile.TextModelEntry) switch
        {
            MaximumEntropyModelParameters maxEnt => LinearScorer.From(maxEnt),
            var other => throw Unsupported(source, ModelFile.TextModelEntry, other),
        };
        var contextModels = file.ContextModels.Select((bytes, i) => Transformer(ml, bytes, source, file.ContextModels.Count == 1 ? ModelFile.ContextModelEntry : ModelFile.PerLabelEntry(i))).ToList();
        IRowScorer context = contextModels switch
        {
            [MaximumEntropyModelParameters maxEnt] => LinearScorer.From(maxEnt),
            _ when contextModels.Count == labels => (IRowScorer?)TreeEnsembleScorer.TryFrom(contextModels) ?? throw Unsupported(source, "the second stage", contextModels[0]),
            _ => throw Unsupported(source, "the second stage", contextModels[0]),
        };

        var expected = new ContextFeatureExtractor(file.Groups, labels, file.PageTypeModel is null ? 0 : file.Metadata.PageTypes.Count).Dimension;
        if (text.Labels != labels || context.Labels != labels || text.Dimension != FeatureSchema.SparseDimension
            || (context is LinearScorer linear && linear.Dimension != expected))
        {
            throw new ModelLoadException(
                $"{source} does not fit together: metadata.json names {labels} labels, but the stages score {text.Labels} and " +
                $"{context.Labels} labels over {text.Dimension} features. The file was assembled by hand or damaged; retrain it.");
        }

        return (text, context);
    }

    private static PageTypeClassifier? CompilePageType(ModelFile file, string source)
    {
        if (file.PageTypeModel is not { } bytes)
        {
            return null;
        }

        var scorer = Transformer(new MLContext(), bytes, source, ModelFile.PageTypeModelEntry) switch
        {
            MaximumEntropyModelParameters maxEnt => LinearScorer.From(maxEnt),
            var other => throw Unsupported(source, ModelFile.PageTypeModelEntry, other),
        };
        if (scorer.Labels != file.Metadata.PageTypes.Count || scorer.Dimension != FeatureSchema.SparseDimension)
        {
            throw new ModelLoadException(
                $"{source} does not fit together: metadata.json names {file.Metadata.PageTypes.Count} page types, but the page-type model " +
                $"scores {scorer.Labels} over {scorer.Dimension} features. The file was assembled by hand or damaged; retrain it.");
        }

        return new PageTypeClassifier(scorer, file.Metadata.PageTypes);
    }

    private static LinearScorer? CompileAddedLabels(ModelFile file, string source)
    {
        if (file.AddedLabelsModel is not { } bytes)
        {
            return null;
        }

        var scorer = Transformer(new MLContext(), bytes, source, ModelFile.AddedLabelsModelEntry) switch
        {
            MaximumEntropyModelParameters maxEnt => LinearScorer.From(maxEnt),
            var other => throw Unsupported(source, ModelFile.AddedLabelsModelEntry, other),
        };
        var dimension = new AddedLabelFeatures(file.Metadata.BaseLabelCount).Dimension;
        if (scorer.Labels != file.Metadata.AddedLabels.Count + 1 || scorer.Dimension != dimension)
        {
            throw new ModelLoadException(
                $"{source} does not fit together: metadata.json names {file.Metadata.AddedLabels.Count} added labels, but the added-label model " +
                $"scores {scorer.Labels} classes over {scorer.Dimension} features. The file was assembled by hand or damaged; retrain it.");
        }

        return scorer;
    }

    private static object Transformer(MLContext ml, byte[] bytes, string source, string entry)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var transformer = ml.Model.Load(stream, out _);
            return transformer is IPredictionTransformer<object> prediction
                ? prediction.Model
                : throw new ModelLoadException($"{source}: {entry} holds no trained predictor; retrain the model.");
        }
        catch (Exception e) when (e is not ModelLoadException and not OutOfMemoryException)
        {
            throw new ModelLoadException($"{source}: {entry} is not a readable ML.NET model ({e.Message}); use an intact copy of the file, or retrain it.", e);
        }
    }

    private static ModelLoadException Unsupported(string source, string entry, object model) =>
        new($"{source}: {entry} holds a {model.GetType().Name}, which this build cannot score; retrain the model with this build.");

    private static string ContentHash(ModelFile file, LinearScorer text, IRowScorer context, PageTypeClassifier? pageType, LinearScorer? added)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { file.Metadata.Labels, Groups = file.Groups.ToString(), FeatureSchema.Version })));
        text.AddTo(hash);
        context.AddTo(hash);
        if (pageType is not null)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Join('\n', pageType.Types)));
            pageType.Scorer.AddTo(hash);
        }

        added?.AddTo(hash);
        foreach (var label in file.Metadata.AddedLabels)
        {
            hash.AppendData(BitConverter.GetBytes(label.Offset));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
