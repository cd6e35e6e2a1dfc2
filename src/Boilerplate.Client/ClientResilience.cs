using Boilerplate.Protos.V1;
using Grpc.Core;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Boilerplate.Client;

/// <summary>
/// The Polly pipeline around each call: retry outside, circuit breaker inside, so every attempt counts towards the
/// breaker and an open circuit is not retried.
/// </summary>
internal static class ClientResilience
{
    public static ResiliencePipeline Create(BoilerplateClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.LoggerFactory is not null)
        {
            builder.ConfigureTelemetry(options.LoggerFactory);
        }

        if (options.Retry.MaxAttempts > 1)
        {
            var retry = options.Retry;
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => ShouldRetry(e, retry.RetryAtCapacity, retry.MaxDelay)),
                MaxRetryAttempts = options.Retry.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
                // The service's RetryInfo wins over the back-off: retrying sooner than it asked only meets a full queue again.
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome.Exception)),
            });
        }

        var breaker = options.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => IsServerFailure(e.StatusCode)),
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
            });
        }

        return builder.Build();
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
}
