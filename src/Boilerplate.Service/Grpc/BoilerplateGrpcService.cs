using System.Collections.Concurrent;
using Boilerplate.Protos.V1;
using Google.Protobuf;
using Boilerplate.Service.Admission;
using Boilerplate.Service.Configuration;
using Boilerplate.Service.Errors;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Grpc;

/// <summary>boilerplate.v1.BoilerplateService: cleans pages one at a time or as an ordered stream.</summary>
internal sealed partial class BoilerplateGrpcService(
    CleanRequestHandler handler,
    RequestLimiter limiter,
    ErrorStatuses errors,
    IOptions<LimitsOptions> limits,
    IHostApplicationLifetime lifetime,
    ILogger<BoilerplateGrpcService> logger)
    : BoilerplateService.BoilerplateServiceBase
{
    public override Task<CleanResponse> Clean(CleanRequest request, ServerCallContext context)
    {
        using var budget = CallBudget.Start(context, limits.Value.DefaultDeadline, context.CancellationToken);
        return Task.FromResult(budget.Finish(handler.Clean(request, budget.Token)));
    }

    public override async Task CleanStream(
        IAsyncStreamReader<CleanRequest> requestStream,
        IServerStreamWriter<CleanResponse> responseStream,
        ServerCallContext context)
    {
        var settings = limits.Value;
        var http = context.GetHttpContext();
        var caller = http.Features.Get<Caller>() ?? Caller.Anonymous;
        var body = http.Features.Get<BudgetedRequestBody>();
        var unanswered = new ConcurrentQueue<long>();
        var requests = new ShutdownAwareReader(requestStream, lifetime.ApplicationStopping, unanswered);
        var answers = new ReleasingWriter(responseStream, body, unanswered);
        await OrderedParallelStream.RunAsync(
            requests,
            answers,
            (request, streamToken) =>
            {
                // Without a client deadline the default applies to each page, not to the whole stream,
                // which may legitimately run for hours.
                using var budget = CallBudget.Start(context, settings.DefaultDeadline, streamToken);
                return budget.Finish(handler.Clean(request, budget.Token));
            },
            settings.StreamParallelism,
            // A slot per page while it is cleaned, not per stream: a stream that holds one while silent starves unary calls.
            admit: token => limiter.AdmitAsync(caller, token),
            settings.StreamIdleTimeout,
            // A page that fails, admission included, is answered in its place and the stream goes on; only the call's
            // own end (cancellation, its deadline, idleness) ends the stream, and RunAsync never asks then.
            failed: (request, exception) => new CleanResponse { Id = request.Id, Error = errors.ToStatus(exception, context) },
            context.CancellationToken).ConfigureAwait(false);

        if (requests.StoppedByShutdown)
        {
            // Every page read was answered above; the client resends the rest to another replica.
            LogShutdown(requests.Read);
            throw ErrorStatuses.Create(
                StatusCode.Unavailable,
                ErrorReasons.ShuttingDown,
                $"The service is shutting down: the {requests.Read} pages read on this stream were answered, later ones " +
                "were not read. Send them again on a new stream (another replica).").ToRpcException();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CleanStream ended by shutdown after answering {Pages} pages; the client is told UNAVAILABLE (SHUTTING_DOWN) to resend the rest")]
    private partial void LogShutdown(int pages);

    /// <summary>
    /// Ends the request stream, as if the client had, once the host is stopping: the pages already read are cleaned
    /// and answered, none is read after, and <see cref="StoppedByShutdown"/> tells the call to end with UNAVAILABLE.
    /// It also notes each page's size on the wire for <see cref="ReleasingWriter"/>.
    /// </summary>
    private sealed class ShutdownAwareReader(IAsyncStreamReader<CleanRequest> inner, CancellationToken stopping, ConcurrentQueue<long> unanswered)
        : IAsyncStreamReader<CleanRequest>
    {
        public CleanRequest Current => inner.Current;

        public bool StoppedByShutdown { get; private set; }

        public int Read { get; private set; }

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (stopping.IsCancellationRequested)
            {
                StoppedByShutdown = true;
                return false;
            }

            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
            try
            {
                var more = await inner.MoveNext(either.Token).ConfigureAwait(false);
                if (more)
                {
                    Read++;
                    // The 5-byte gRPC frame header (flag and length) came off the budget too.
                    unanswered.Enqueue(inner.Current.CalculateSize() + 5L);
                }

                return more;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                StoppedByShutdown = true;
                return false;
            }
        }
    }

    /// <summary>
    /// Gives a page's request bytes back to the in-flight budget when its answer is written: answers come in request
    /// order, one per request, so the sizes of the requests read pair with the answers one to one.
    /// </summary>
    private sealed class ReleasingWriter(IServerStreamWriter<CleanResponse> inner, BudgetedRequestBody? body, ConcurrentQueue<long> unanswered)
        : IServerStreamWriter<CleanResponse>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public async Task WriteAsync(CleanResponse message) => await WriteAsync(message, CancellationToken.None).ConfigureAwait(false);

        public async Task WriteAsync(CleanResponse message, CancellationToken cancellationToken)
        {
            await inner.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            if (unanswered.TryDequeue(out var size))
            {
                body?.Release(size);
            }
        }
    }
}
