using Boilerplate.Core.Model;
using Boilerplate.Testing;
using Boilerplate.Training;

namespace Boilerplate.Cli.Tests.Evaluate;

/// <summary>
/// Model files for the evaluate tests: the built-in model saved to disk, and a deliberately worse one trained on a
/// handful of pages with a tiny second stage, so the promotion gate has something real to refuse.
/// </summary>
public sealed class EvaluationModels : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("evaluate-models-");

    /// <summary>Saves the default model and trains the worse one.</summary>
    public EvaluationModels()
    {
        DefaultPath = Path.Combine(Folder, "default.zip");
        using (var builtIn = BoilerplateModel.LoadDefault())
        {
            builtIn.Save(DefaultPath);
        }

        WorsePath = Path.Combine(Folder, "worse.zip");
        var options = new TrainingOptions { MaxPagesPerCorpus = 4, ContextTrainer = ContextTrainer.Linear, Folds = 2, EvaluateDev = false };
        // Four pages may hold no legal block: two notices make sure it has the default model's labels, so the gate
        // compares the two on the hand-labelled set too.
        var data = new TrainingData
        {
            Corpora = [LabelledDataset.Load(SharedData.PathOf("datasets", "wcxb-dev"))],
            Samples =
            [
                new TrainingSample.Paragraph("We use cookies to measure traffic. Accept all", "legal", null, null, null, "test"),
                new TrainingSample.Paragraph("© 2024 Example Media. All rights reserved.", "legal", null, null, null, "test"),
            ],
        };
        using var worse = new ModelTrainer(options).Train(data, null, CancellationToken.None);
        worse.Save(WorsePath);
    }

    /// <summary>Scratch folder for the models and any output a test writes.</summary>
    public string Folder => _folder.FullName;

    /// <summary>The built-in model as a file.</summary>
    public string DefaultPath { get; }

    /// <summary>A model trained on four pages.</summary>
    public string WorsePath { get; }

    /// <inheritdoc />
    public void Dispose() => _folder.Delete(recursive: true);
}
