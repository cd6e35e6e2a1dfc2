using System.Diagnostics;
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
    private readonly CleanOptions _options;
    private readonly Core.Cleaning.CleanOptions _domainOptions;

    /// <summary>Takes ownership of <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The options are out of range or name a label the model does not know.</exception>
    public InProcessBackend(BoilerplateModel model, CleanOptions options)
    {
        _model = model;
        _options = options;
        try
        {
            // The service's own checks, so a bad option reads the same in-process and against a server.
            _domainOptions = CleanRequestMapper.ToOptions(options, model.Labels);
        }
        catch (PageRejectedException e)
        {
            throw new ArgumentException(e.Message, nameof(options), e);
        }
    }

    public string Description => $"model {_model.Version[..Math.Min(12, _model.Version.Length)]}";

    public Task<CleanResponse> CleanAsync(CleanRequest request, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var started = Stopwatch.GetTimestamp();
                // The service's own mapping, so a page (its URL and charset included) reads the same here and on a server.
                var input = CleanRequestMapper.ToInput(request);
                var result = _pipeline.Clean(input, _model, _domainOptions, cancellationToken);
                return CleanResponseMapper.ToResponse(request.Id, result, _options, Stopwatch.GetElapsedTime(started));
            },
            cancellationToken);

    public void Dispose()
    {
        _pipeline.Dispose();
        _model.Dispose();
    }
}
