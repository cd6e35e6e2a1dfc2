using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Segmentation;
using Boilerplate.Protos.V1;
using Boilerplate.Tests.Shared;

namespace Boilerplate.Mapping.Tests;

/// <summary>The flow the service and the CLI share refuses exactly as the library does.</summary>
public sealed class CleanRequestFlowTests : IDisposable
{
    private const string Page = "A first paragraph of the article.\n\nA second paragraph of the article.";

    private readonly CleaningPipeline _pipeline = new(SegmentationLimits.Default);

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public void A_request_is_cleaned_and_answered_under_its_id()
    {
        CleanResult? seen = null;

        var response = CleanRequestFlow.Run(
            _pipeline, new AllBody(), new CleanRequest { Id = "page-1", Text = Page }, CancellationToken.None, result => seen = result);

        Assert.Equal("page-1", response.Id);
        Assert.Contains("second paragraph", response.Text, StringComparison.Ordinal);
        Assert.NotNull(seen);
        Assert.Equal(seen.Blocks.Count, response.Stats.Paragraphs);
    }

    [Theory]
    [MemberData(nameof(RefusedOptions.Names), MemberType = typeof(RefusedOptions))]
    public void Options_are_refused_as_the_library_refuses_them(string refused)
    {
        var (proto, domain) = RefusedOptions.ByName[refused];
        var library = Assert.Throws<PageRejectedException>(() =>
            _pipeline.Clean(new PageInput.Text(Page), new AllBody(), domain, CancellationToken.None));

        var flow = Assert.Throws<PageRejectedException>(() =>
            CleanRequestFlow.Run(_pipeline, new AllBody(), new CleanRequest { Text = Page, Options = proto }, CancellationToken.None));

        Assert.Equal((library.Reason, library.Field, library.Message), (flow.Reason, flow.Field, flow.Message));
    }

    /// <summary>Scores every block as body with the default model's labels.</summary>
    private sealed class AllBody : IBlockClassifier
    {
        public IReadOnlyList<string> Labels => Core.Model.Labels.Default;

        public string Version => "test-all-body";

        public PageScores Score(SegmentedPage page, CancellationToken cancellationToken)
        {
            var probabilities = new float[page.Blocks.Count * Labels.Count];
            for (var i = 0; i < page.Blocks.Count; i++)
            {
                probabilities[i * Labels.Count] = 1f;
            }

            return new PageScores(Labels, probabilities);
        }
    }
}
