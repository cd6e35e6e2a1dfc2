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
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.StatusCode == StatusCode.Unavailable),
                MaxRetryAttempts = options.Retry.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
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

    /// <summary>Statuses that say the service is unwell, as opposed to answers about the request.</summary>
    internal static bool IsServerFailure(StatusCode status) =>
        status is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown;
}
