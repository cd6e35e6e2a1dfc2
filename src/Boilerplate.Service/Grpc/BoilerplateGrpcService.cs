using Boilerplate.Protos.V1;
using Boilerplate.Service.Configuration;
using Boilerplate.Service.Errors;
using Boilerplate.Service.Interceptors;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Grpc;

/// <summary>boilerplate.v1.BoilerplateService: cleans pages one at a time or as an ordered stream.</summary>
internal sealed class BoilerplateGrpcService(PageCleaner cleaner, RequestLimiter limiter, ErrorStatuses errors, IOptions<LimitsOptions> limits)
    : BoilerplateService.BoilerplateServiceBase
{
    public override Task<CleanResponse> Clean(CleanRequest request, ServerCallContext context)
    {
        using var budget = CallBudget.Start(context, limits.Value.DefaultDeadline, context.CancellationToken);
        return Task.FromResult(cleaner.Clean(request, budget.Token));
    }

    public override Task CleanStream(
        IAsyncStreamReader<CleanRequest> requestStream,
        IServerStreamWriter<CleanResponse> responseStream,
        ServerCallContext context)
    {
        var settings = limits.Value;
        return OrderedParallelStream.RunAsync(
            requestStream,
            responseStream,
            (request, streamToken) =>
            {
                // Without a client deadline the default applies to each page, not to the whole stream,
                // which may legitimately run for hours.
                using var budget = CallBudget.Start(context, settings.DefaultDeadline, streamToken);
                return cleaner.Clean(request, budget.Token);
            },
            settings.StreamParallelism,
            // A slot per page while it is cleaned, not per stream: a stream that holds one while silent starves unary calls.
            admit: limiter.AdmitAsync,
            settings.StreamIdleTimeout,
            // A page that fails, admission included, is answered in its place and the stream goes on; only the call's
            // own end (cancellation, its deadline, idleness) ends the stream, and RunAsync never asks then.
            failed: (request, exception) => new CleanResponse { Id = request.Id, Error = errors.ToStatus(exception, context) },
            context.CancellationToken);
    }
}
