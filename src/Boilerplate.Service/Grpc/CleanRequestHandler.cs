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
        using var lease = models.Acquire();
        return CleanRequestFlow.Run(pipeline, lease.Classifier, request, cancellationToken, metrics.PageCleaned);
    }
}
