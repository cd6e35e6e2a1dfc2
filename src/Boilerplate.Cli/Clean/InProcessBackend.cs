using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Segmentation;
using Boilerplate.Mapping;
using Boilerplate.Protos.V1;

namespace Boilerplate.Cli.Clean;

/// <summary>Cleans pages in this process with a model loaded from a file or the embedded default.</summary>
internal sealed class InProcessBackend : ICleanBackend
{
    private readonly BoilerplateModel _model;
    private readonly CleaningPipeline _pipeline = new(SegmentationLimits.Default);

    /// <summary>Takes ownership of <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The options are out of range or name a label the model does not know.</exception>
    public InProcessBackend(BoilerplateModel model, CleanOptions options)
    {
        _model = model;
        try
        {
            // Checked once before any page, with the rules every page is checked by, so a bad option stops the run.
            Core.Cleaning.CleanOptionsValidator.Validate(CleanRequestMapper.ToOptions(options), model.Labels);
        }
        catch (PageRejectedException e)
        {
            throw new ArgumentException(e.Message, nameof(options), e);
        }
    }

    public string Description => $"model {_model.Version[..Math.Min(12, _model.Version.Length)]}";

    public Task<CleanResponse> CleanAsync(CleanRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            // The service's own flow, so a page (its URL, charset and options included) reads the same here and on a server.
            () => CleanRequestFlow.Run(_pipeline, _model, request, cancellationToken),
            cancellationToken);

    public void Dispose()
    {
        _pipeline.Dispose();
        _model.Dispose();
    }
}
