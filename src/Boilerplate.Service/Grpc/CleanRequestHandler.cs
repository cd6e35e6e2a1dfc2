using System.Diagnostics;
using Boilerplate.Core.Pipeline;
using Boilerplate.Protos.V1;
using Boilerplate.Mapping;
using Boilerplate.Service.Models;
using Boilerplate.Service.Telemetry;

namespace Boilerplate.Service.Grpc;

/// <summary>Cleans one request with the model serving when it starts; shared by Clean and CleanStream.</summary>
internal sealed class CleanRequestHandler(CleaningPipeline pipeline, ModelHost models, ServiceMetrics metrics)
{
    public CleanResponse Clean(CleanRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var lease = models.Acquire();
        var input = CleanRequestMapper.ToInput(request);
        var options = CleanRequestMapper.ToOptions(request.Options, lease.Classifier.Labels);
        var result = pipeline.Clean(input, lease.Classifier, options, cancellationToken);
        // Mapping every paragraph of a big page costs too; a caller past its deadline would never read it.
        cancellationToken.ThrowIfCancellationRequested();
        metrics.PageCleaned(result);
        return CleanResponseMapper.ToResponse(request.Id, result, request.Options, Stopwatch.GetElapsedTime(started));
    }
}
