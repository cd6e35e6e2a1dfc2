using System.Text.Json;
using Boilerplate.Testing;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training.Tests;

[Trait("Category", "Quality")]
public sealed class CrossValidationTests
{
    [Fact]
    public void Every_train_page_is_scored_once_by_a_model_that_never_saw_it_and_dev_is_never_read()
    {
        var corpora = LabelledDataset.DefaultCorpora.Select(name => LabelledDataset.Load(SharedData.PathOf("datasets", name))).ToList();
        var data = new TrainingData { Corpora = corpora, Samples = SeedSamples.Load() };
        var options = SmallModelFixture.Options;

        var kept = Directory.CreateTempSubdirectory("boilerplate-folds-");
        CrossValidationReport report;
        CrossValidationReport rescored;
        string[] blockLines;
        try
        {
            report = CrossValidation.Run(data, options, folds: 2, progress: null, CancellationToken.None, keepModels: kept.FullName);
            Assert.True(File.Exists(Path.Combine(kept.FullName, "fold-1.zip")) && File.Exists(Path.Combine(kept.FullName, "fold-2.zip")));
            using var blocks = new StringWriter();
            rescored = CrossValidation.Rescore(kept.FullName, corpora, CancellationToken.None, blocks);
            blockLines = blocks.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            kept.Delete(recursive: true);
        }

        // The kept fold models, scored again on the pages they held out, give every page the same figures.
        Assert.Equal(
            report.Results.Select(r => (r.Corpus, r.Mode, Pages: string.Join(';', r.Pages.Select(p => $"{p.Id}:{p.Comparison}")))),
            rescored.Results.Select(r => (r.Corpus, r.Mode, Pages: string.Join(';', r.Pages.Select(p => $"{p.Id}:{p.Comparison}")))));
        Assert.Equal(report.HandLabelledMacroF1, rescored.HandLabelledMacroF1, 6);

        // The block dump holds every held-out page once per mode, and its kept blocks are the text that was scored.
        var dumped = blockLines.Select(line => JsonSerializer.Deserialize<HeldOutPageBlocks>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!).ToList();
        Assert.Equal(rescored.Results.Sum(r => r.Pages.Count), dumped.Count);
        foreach (var result in rescored.Results)
        {
            foreach (var page in result.Pages)
            {
                var lines = dumped.Single(d => d.Corpus == result.Corpus && d.Id == page.Id && d.Mode == result.Mode.Name());
                Assert.Equal(page.Comparison.F1, lines.F1, 9);
                Assert.All(lines.Blocks, b => Assert.Equal(lines.Labels.Count, b.Scores.Count));
                var keptText = string.Join("\n\n", lines.Blocks.Where(b => b.Kept).Select(b => b.Text));
                Assert.Equal(page.Comparison.F1, ArticleMetrics.Compare(lines.Truth, keptText).F1, 9);
            }
        }

        Assert.Equal(2, report.Folds);
        Assert.Equal(corpora.Count * 2, report.Results.Count);
        foreach (var corpus in corpora)
        {
            var trainPages = corpus.Take(options.MaxPagesPerCorpus!.Value).Train.Count();
            foreach (var mode in EvaluationModes.Standard)
            {
                var result = Assert.Single(report.Results, r => r.Corpus == corpus.Name && r.Mode == mode);
                Assert.Equal(trainPages, result.Score.Pages);
                Assert.Equal(trainPages, result.Pages.Select(p => p.Id).Distinct().Count());
                Assert.InRange(result.Score.F1, 0.3, 1.0);
                Assert.InRange(result.Score.Words.F1, 0.3, 1.0);
                Assert.InRange(result.Score.Catastrophic, 0, trainPages);

                // Every wcxb-dev page names its type, so its per-type scores share out all its pages and lost pages;
                // the readability-pages truth names none, so it has no per-type scores.
                var typed = corpus.Take(options.MaxPagesPerCorpus!.Value).Train.Where(p => p.PageType is not null).ToList();
                if (typed.Count == 0)
                {
                    Assert.Empty(result.ByPageType);
                    continue;
                }

                Assert.Equal(trainPages, typed.Count);
                Assert.Equal(trainPages, result.ByPageType.Values.Sum(s => s.Pages));
                Assert.Equal(result.Score.Catastrophic, result.ByPageType.Values.Sum(s => s.Catastrophic));
                Assert.Equal(typed.Select(p => p.PageType!).Distinct().Order(StringComparer.Ordinal), result.ByPageType.Keys.Order(StringComparer.Ordinal));
            }
        }

        Assert.InRange(report.HandLabelledMacroF1, 0.3, 1.0);
    }

    [Fact]
    public void Rescoring_a_folder_without_kept_folds_says_how_to_keep_them()
    {
        var empty = Directory.CreateTempSubdirectory("boilerplate-folds-");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => CrossValidation.Rescore(empty.FullName, [], CancellationToken.None));
            Assert.Contains("--keep-models", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_kept_folds_file_that_misses_a_fold_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("boilerplate-folds-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, CrossValidation.FoldsFile), """{"Folds":3,"HeldOut":{"wcxb-dev":[["0001"],["0002"]]}}""");
            Assert.Throws<InvalidDataException>(() => CrossValidation.Rescore(folder.FullName, [], CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Samples_alone_cannot_be_cross_validated()
    {
        var data = new TrainingData { Samples = SeedSamples.Load() };
        Assert.Throws<InvalidOperationException>(() => CrossValidation.Run(data, new TrainingOptions(), 3, null, CancellationToken.None));
    }
}
