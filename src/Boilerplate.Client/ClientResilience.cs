using Boilerplate.Protos.V1;
using Grpc.Core;
using Polly;
using Polly.CircuitBreaker;
using Polly.Hedging;
using Polly.Retry;
using Polly.Timeout;

namespace Boilerplate.Client;

/// <summary>
/// The Polly pipelines around each call, outermost first: total timeout → retry (or, for Clean, hedging when enabled)
/// → circuit breaker → attempt timeout. So the total bounds everything the retries add; every attempt, a timed-out
/// one included, counts towards the breaker; an open circuit is not retried; and each attempt has a fresh timeout.
/// One breaker serves every pipeline and the start of streams: it describes the service, not a method.
/// gRPC's own retry policy stays off (ChannelFactory), so attempts never multiply.
/// </summary>
internal sealed class ClientResilience
{
    private ClientResilience(ResiliencePipeline unary, ResiliencePipeline<CleanResponse>? hedgedClean, ResiliencePipeline breaker)
    {
        Unary = unary;
        HedgedClean = hedgedClean;
        Breaker = breaker;
    }

    /// <summary>Every unary call: total timeout, retry, breaker, attempt timeout.</summary>
    public ResiliencePipeline Unary { get; }

    /// <summary>Clean when hedging is enabled: total timeout, hedging, breaker, attempt timeout; null otherwise.</summary>
    public ResiliencePipeline<CleanResponse>? HedgedClean { get; }

    /// <summary>The breaker alone (empty when disabled), around the start of a stream.</summary>
    public ResiliencePipeline Breaker { get; }

    public static ClientResilience Create(BoilerplateClientOptions options)
    {
        var breaker = Builder(options);
        if (options.CircuitBreaker is { Enabled: true } breakerOptions)
        {
            breaker.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<RpcException>(e => IsServerFailure(e.StatusCode))
                    .Handle<TimeoutRejectedException>(),
                FailureRatio = breakerOptions.FailureRatio,
                MinimumThroughput = breakerOptions.MinimumThroughput,
                SamplingDuration = breakerOptions.SamplingDuration,
                BreakDuration = breakerOptions.BreakDuration,
            });
        }

        var breakerPipeline = breaker.Build();

        var unary = Builder(options).AddTimeout(options.TotalTimeout);
        if (options.Retry.MaxAttempts > 1)
        {
            var retry = options.Retry;
            unary.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<RpcException>(e => ShouldRetry(e, retry.RetryAtCapacity, retry.MaxDelay))
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = retry.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                // The service's RetryInfo wins over the back-off: retrying sooner than it asked only meets a full queue again.
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome.Exception)),
            });
        }

        unary.AddPipeline(breakerPipeline).AddTimeout(options.AttemptTimeout);

        ResiliencePipeline<CleanResponse>? hedged = null;
        if (options.Hedging is { Enabled: true } hedging)
        {
            var builder = new ResiliencePipelineBuilder<CleanResponse>();
            if (options.LoggerFactory is not null)
            {
                builder.ConfigureTelemetry(options.LoggerFactory);
            }

            hedged = builder
                .AddTimeout(options.TotalTimeout)
                .AddHedging(new HedgingStrategyOptions<CleanResponse>
                {
                    // Only what says "this attempt reached no working server in time"; AT_CAPACITY would fill a full service further.
                    ShouldHandle = new PredicateBuilder<CleanResponse>()
                        .Handle<RpcException>(e => e.StatusCode == StatusCode.Unavailable)
                        .Handle<TimeoutRejectedException>(),
                    MaxHedgedAttempts = hedging.MaxHedgedAttempts,
                    Delay = hedging.Delay,
                })
                .AddPipeline(breakerPipeline)
                .AddTimeout(options.AttemptTimeout)
                .Build();
        }

        return new ClientResilience(unary.Build(), hedged, breakerPipeline);
    }

    /// <summary>
    /// Counts a stream that failed after its first answer towards the breaker, which saw only its start (a success):
    /// a service that drops streams midway is unwell too. Non-server failures are ignored by the breaker as ever.
    /// </summary>
    public async Task RecordStreamFailureAsync(BoilerplateException failure)
    {
        try
        {
            await Breaker.ExecuteAsync(static (failure, _) => ValueTask.FromException(failure), failure, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (BoilerplateException e) when (ReferenceEquals(e, failure))
        {
            // Executed only to be recorded; the caller throws or handles it.
        }
        catch (BrokenCircuitException)
        {
            // Already open: nothing more to record.
        }
    }

    /// <summary>
    /// UNAVAILABLE: the call reached no working server. AT_CAPACITY (a RESOURCE_EXHAUSTED that says so; other ones
    /// refuse the page itself): the service asked for a retry after a delay, retried here when that delay is no longer
    /// than <paramref name="maxDelay"/>, so no service can park a call for long; a longer one goes to the caller.
    /// </summary>
    internal static bool ShouldRetry(RpcException exception, bool retryAtCapacity, TimeSpan maxDelay) =>
        exception.StatusCode == StatusCode.Unavailable
        || (retryAtCapacity && exception is BoilerplateException { Reason: ErrorReasons.AtCapacity } busy
                            && (busy.RetryAfter ?? TimeSpan.Zero) <= maxDelay);

    /// <summary>
    /// The delay the service asked for, stretched by up to a fifth at random so clients refused together do not
    /// return together; null (the back-off) when it asked for none.
    /// </summary>
    internal static TimeSpan? ServerDelay(Exception? exception) =>
        exception is BoilerplateException { RetryAfter: { } delay }
            ? delay + (delay * (Random.Shared.NextDouble() / 5))
            : null;

    /// <summary>Statuses that say the service is unwell, as opposed to answers about the request.</summary>
    internal static bool IsServerFailure(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown;

    private static ResiliencePipelineBuilder Builder(BoilerplateClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.LoggerFactory is not null)
        {
            builder.ConfigureTelemetry(options.LoggerFactory);
        }

        return builder;
    }
}
