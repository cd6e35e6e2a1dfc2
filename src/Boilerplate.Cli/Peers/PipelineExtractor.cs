using System.Diagnostics;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Cli.Peers;

/// <summary>
/// Our own pipeline as an extractor, in HTML mode (the page's markup) or a text mode (the page as a scraper's plain
/// text, <see cref="EvaluationModes.Render"/>), with the clean options a caller would send (the defaults unless told).
/// </summary>
/// <param name="name">Name shown in reports.</param>
/// <param name="pipeline">The cleaning pipeline.</param>
/// <param name="classifier">The model that scores blocks.</param>
/// <param name="mode">Which form the page is given in.</param>
/// <param name="options">Clean options; null for <see cref="CleanOptions.Default"/>.</param>
public sealed class PipelineExtractor(string name, CleaningPipeline pipeline, IBlockClassifier classifier, EvaluationMode mode, CleanOptions? options = null) : IArticleExtractor
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public ValueTask<ExtractedArticle> ExtractAsync(PageToExtract page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);

        // Rendering the plain text stands for the scraper's work, so it happens before the clock starts.
        var input = mode.ToInput(mode.Render(page.Html), page.Url);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var result = pipeline.Clean(input, classifier, options ?? CleanOptions.Default, cancellationToken);
            return ValueTask.FromResult(new ExtractedArticle(result.Title, result.Text, stopwatch.Elapsed));
        }
        catch (PageRejectedException ex)
        {
            return ValueTask.FromResult(new ExtractedArticle(string.Empty, string.Empty, stopwatch.Elapsed, ex.Message));
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
