using System.Diagnostics;
using System.Text;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Input;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Service.Configuration;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Models;

/// <summary>
/// Runs a new model through the whole pipeline on sample pages before it serves: a model that cannot clean a
/// page is refused, and the first real calls do not pay for JIT compilation and lazy initialisation
/// (<see cref="ModelOptions.Warmup"/> says for how long).
/// </summary>
internal sealed class ModelWarmer(CleaningPipeline pipeline, IOptions<ModelOptions> options)
{
    private const int MinimumRounds = 3;

    private static readonly PageInput[] SamplePages =
    [
        new PageInput.Html(ReadSample("article.html")) { Url = "https://example.org/news/lighthouse" },
        new PageInput.Text(ReadSample("article.txt")),
    ];

    /// <summary>Cleans every sample page for the configured time, at least a few times; throws whatever the model throws.</summary>
    public void Warm(IBlockClassifier model, CancellationToken cancellationToken)
    {
        var duration = options.Value.Warmup;
        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round < MinimumRounds || Stopwatch.GetElapsedTime(started) < duration; round++)
        {
            foreach (var page in SamplePages)
            {
                var result = pipeline.Clean(page, model, CleanOptions.Default, cancellationToken);
                if (result.Blocks.Count == 0)
                {
                    throw new InvalidOperationException("The model produced no paragraphs for a warm-up page.");
                }
            }
        }
    }

    private static string ReadSample(string name)
    {
        using var stream = typeof(ModelWarmer).Assembly.GetManifestResourceStream($"Boilerplate.Service.WarmupPages.{name}")
            ?? throw new InvalidOperationException($"Warm-up page {name} is not embedded in the service assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
