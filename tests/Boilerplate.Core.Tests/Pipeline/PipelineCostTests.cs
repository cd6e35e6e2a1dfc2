using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Input;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;
using Boilerplate.Training;
using Xunit.Abstractions;

namespace Boilerplate.Core.Tests.Pipeline;

/// <summary>Runs alone: it counts what every thread of the process allocates, the parser threads included.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCountedCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Allocation counted";
}

/// <summary>
/// What cleaning a page costs in bytes allocated, the whole pipeline with the default model (deterministic, unlike
/// time, which belongs in bench/): the guard that a per-word or per-block collection creeping back into a hot path
/// fails a test.
/// </summary>
[Trait("Category", "Quality")]
[Collection(AllocationCountedCollection.Name)]
public sealed class PipelineCostTests(ITestOutputHelper output)
{
    // 400 KiB a page on these pages when the bound was set, 434 before topic coherence kept its words in a table of
    // its own (bench/results/performance.md); a twentieth is left for runtime and library updates.
    private const double MaxKibPerPage = 420;

    [Fact]
    public void Cleaning_a_page_allocates_within_its_budget()
    {
        var pages = LabelledDataset.Load(SharedData.PathOf("datasets", "readability-pages")).Pages.Select(page => page.ReadHtml()).ToList();
        using var model = BoilerplateModel.LoadDefault();
        using var pipeline = new CleaningPipeline(SegmentationLimits.Default);
        var options = new CleanOptions();
        CleanAll();

        // The least of three passes: a pooled buffer that the pool trimmed after a collection is allocated anew once.
        var least = long.MaxValue;
        for (var pass = 0; pass < 3; pass++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            CleanAll();
            least = Math.Min(least, GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        var perPage = least / 1024.0 / pages.Count;
        output.WriteLine($"{pages.Count} pages: {perPage:0.0} KiB allocated a page");
        Assert.True(perPage <= MaxKibPerPage, $"{perPage:0.0} KiB a page, over the {MaxKibPerPage} KiB budget");

        void CleanAll()
        {
            foreach (var html in pages)
            {
                pipeline.Clean(new PageInput.Html(html), model, options, CancellationToken.None);
            }
        }
    }
}
