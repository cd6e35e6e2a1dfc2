using Boilerplate.Protos.V1;
using Boilerplate.Service.Mapping;
using Boilerplate.Service.Models;
using Grpc.Core;

namespace Boilerplate.Service.Grpc;

/// <summary>boilerplate.v1.ModelService: what model serves, and reloading it on demand.</summary>
internal sealed class ModelGrpcService(ModelHost models) : ModelService.ModelServiceBase
{
    public override Task<ModelInfo> GetModelInfo(GetModelInfoRequest request, ServerCallContext context) =>
        Task.FromResult(ModelInfoMapper.ToInfo(models.Current ?? throw new ModelUnavailableException()));

    public override async Task<ModelInfo> ReloadModel(ReloadModelRequest request, ServerCallContext context)
    {
        var outcome = await models.RefreshAsync(force: true, context.CancellationToken).ConfigureAwait(false);
        if (outcome.Refusal is not null)
        {
            throw new RpcException(new Status(
                StatusCode.FailedPrecondition,
                $"{outcome.Refusal} Model {outcome.Serving?.Metadata.Version ?? "(none)"} keeps serving."));
        }

        return ModelInfoMapper.ToInfo(outcome.Serving ?? throw new ModelUnavailableException());
    }
}
