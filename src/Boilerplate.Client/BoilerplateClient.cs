using System.Runtime.CompilerServices;
using Boilerplate.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace Boilerplate.Client;

/// <summary>
/// Typed client of the Boilerplate service. Unary calls run through Polly pipelines in the standard order (total
/// timeout → retry, or hedging for Clean when enabled → circuit breaker → attempt timeout; docs/client.md); failures
/// surface as a <see cref="BoilerplateException"/> (an <see cref="RpcException"/> with the service's status, or
/// DEADLINE_EXCEEDED for a client timeout): <see cref="RetryLaterException"/> for "send it again later",
/// <see cref="PageRefusedException"/> for "never resend this page", or <c>Polly.CircuitBreaker.BrokenCircuitException</c>
/// while the circuit is open. The caller's cancellation surfaces as <see cref="OperationCanceledException"/>.
/// Thread-safe; create one per process (or register it with <c>AddBoilerplateClient</c>) and share it.
/// </summary>
public sealed class BoilerplateClient : IBoilerplateClient, IDisposable
{
    private readonly BoilerplateClientOptions _options;
    private readonly GrpcChannel _channel;
    private readonly ClientResilience _resilience;

    /// <summary>Creates the client and its channel from a copy of <paramref name="options"/>; connections open on first use.</summary>
    /// <exception cref="ArgumentException">A setting cannot work; the message names it.</exception>
    public BoilerplateClient(BoilerplateClientOptions options)
        : this(options, fallbackLoggerFactory: null)
    {
    }

    /// <summary>The DI path: the container's logger factory serves when the options name none, without changing them.</summary>
    internal BoilerplateClient(BoilerplateClientOptions options, ILoggerFactory? fallbackLoggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Copy();
        _options.LoggerFactory ??= fallbackLoggerFactory;
        _options.Validate();
        _channel = ChannelFactory.Create(_options);
        _resilience = ClientResilience.Create(_options);
        Service = new BoilerplateService.BoilerplateServiceClient(_channel);
        Models = new ModelService.ModelServiceClient(_channel);
    }

    /// <summary>The generated client of the clean service, for calls this class does not wrap (no resilience; the API key is sent).</summary>
    public BoilerplateService.BoilerplateServiceClient Service { get; }

    /// <summary>The generated client of the model service (no resilience; the API key is sent).</summary>
    public ModelService.ModelServiceClient Models { get; }

    /// <inheritdoc />
    public Task<CleanResponse> CleanHtmlAsync(
        string html,
        string? url = null,
        CleanOptions? options = null,
        CancellationToken cancellationToken = default) =>
        CleanAsync(Request(url, options, request => request.Html = html), cancellationToken);

    /// <inheritdoc />
    public Task<CleanResponse> CleanTextAsync(
        string text,
        string? url = null,
        CleanOptions? options = null,
        CancellationToken cancellationToken = default) =>
        CleanAsync(Request(url, options, request => request.Text = text), cancellationToken);

    /// <inheritdoc />
    public Task<CleanResponse> CleanAsync(CleanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InvokeAsync(
            static (client, request, options) => client.Service.CleanAsync(request, options),
            request,
            _resilience.HedgedClean,
            cancellationToken);
    }

    /// <summary>
    /// Cleans a stream of pages; responses come back in request order, one per request, with each request's id. A page
    /// that failed comes back in its place with <c>Error</c> set and the stream goes on: read it with
    /// <see cref="CleanResponseExtensions.GetError"/>. The call has <see cref="BoilerplateClientOptions.StreamTimeout"/>
    /// as its deadline and starts through the circuit breaker: while the circuit is open it fails at once with
    /// <c>BrokenCircuitException</c>; a stream that fails, before or after its first response, counts towards it.
    /// Without <see cref="BoilerplateClientOptions.StreamRetry"/> it is one gRPC stream: AT_CAPACITY pages reach the
    /// caller (resend them when their disposition is <see cref="ErrorDisposition.RetryLater"/>), and when the call fails
    /// it throws a <see cref="BoilerplateException"/> and the ids received so far tell which pages to resend. With it,
    /// AT_CAPACITY pages are resent after the service's delay and a stream ended with UNAVAILABLE is reopened to send
    /// the unanswered pages again, still in request order and never a page already answered (docs/client.md).
    /// </summary>
    /// <param name="requests">The pages, read as the service accepts them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public IAsyncEnumerable<CleanResponse> CleanStreamAsync(
        IAsyncEnumerable<CleanRequest> requests,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        DateTime? deadline = _options.StreamTimeout is { } timeout ? DateTime.UtcNow + timeout : null;
        return _options.StreamRetry.Enabled
            ? new ResilientStream(Service, _resilience, _options, deadline).RunAsync(requests, cancellationToken)
            : SingleStreamAsync(requests, deadline, cancellationToken);
    }

    /// <summary>One gRPC stream, not retried: answers received cannot be taken back.</summary>
    private async IAsyncEnumerable<CleanResponse> SingleStreamAsync(
        IAsyncEnumerable<CleanRequest> requests,
        DateTime? deadline,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        AsyncDuplexStreamingCall<CleanRequest, CleanResponse>? call = null;
        Task? sending = null;
        try
        {
            // The breaker sees the call up to its first response: whether the service took the stream at all.
            var more = await _resilience.Breaker.ExecuteAsync(
                async token =>
                {
                    call = Service.CleanStream(new CallOptions(deadline: deadline, cancellationToken: stop.Token));
                    sending = SendAllAsync(call.RequestStream, requests, stop.Token);
                    return await NextAsync(call.ResponseStream, deadline, token).ConfigureAwait(false);
                },
                stop.Token).ConfigureAwait(false);
            while (more)
            {
                yield return call!.ResponseStream.Current;
                more = await NextAfterStartAsync(call.ResponseStream, deadline, stop.Token).ConfigureAwait(false);
            }

            await sending!.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            if (sending is not null)
            {
                // The response stream already reported why the call ended; the sender's failure adds nothing.
                await Task.WhenAny(sending).ConfigureAwait(false);
                _ = sending.Exception;
            }

            call?.Dispose();
        }
    }

    /// <summary>Moves to the next response after the first; a failure now is recorded by the breaker too.</summary>
    private async Task<bool> NextAfterStartAsync(IAsyncStreamReader<CleanResponse> responses, DateTime? deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await NextAsync(responses, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (BoilerplateException e)
        {
            await _resilience.RecordStreamFailureAsync(e).ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public Task<ModelInfo> GetModelInfoAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync(static (client, request, options) => client.Models.GetModelInfoAsync(request, options), new GetModelInfoRequest(), null, cancellationToken);

    /// <inheritdoc />
    public Task<ModelInfo> ReloadModelAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync(static (client, request, options) => client.Models.ReloadModelAsync(request, options), new ReloadModelRequest(), null, cancellationToken);

    /// <summary>Closes the channel and its connections.</summary>
    public void Dispose() => _channel.Dispose();

    private static CleanRequest Request(string? url, CleanOptions? options, Action<CleanRequest> setContent)
    {
        var request = new CleanRequest { Url = url ?? string.Empty, Options = options };
        setContent(request);
        return request;
    }

    private async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        Func<BoilerplateClient, TRequest, CallOptions, AsyncUnaryCall<TResponse>> call,
        TRequest request,
        ResiliencePipeline<TResponse>? typedPipeline,
        CancellationToken cancellationToken)
    {
        // The service learns the total deadline, so it drops a page whose caller has given up; attempts end sooner by cancellation.
        var state = new Attempt<TRequest, TResponse>(this, call, request, DateTime.UtcNow + _options.TotalTimeout);
        try
        {
            return typedPipeline is null
                ? await _resilience.Unary.ExecuteAsync(static (state, token) => state.RunAsync(token), state, cancellationToken).ConfigureAwait(false)
                : await typedPipeline.ExecuteAsync(static (state, token) => state.RunAsync(token), state, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            // A client timeout reads as the gRPC status it stands for, like a deadline the service enforced.
            throw BoilerplateException.From(new RpcException(new Status(
                StatusCode.DeadlineExceeded,
                $"No answer within the client's timeout of {e.Timeout.TotalSeconds:0.###} s (TotalTimeout or the last AttemptTimeout).")));
        }
    }

    /// <summary>One attempt of a unary call.</summary>
    private sealed record Attempt<TRequest, TResponse>(
        BoilerplateClient Client,
        Func<BoilerplateClient, TRequest, CallOptions, AsyncUnaryCall<TResponse>> Call,
        TRequest Request,
        DateTime Deadline)
    {
        public async ValueTask<TResponse> RunAsync(CancellationToken token)
        {
            using var pending = Call(Client, Request, new CallOptions(deadline: Deadline, cancellationToken: token));
            try
            {
                return await pending.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && token.IsCancellationRequested)
            {
                // Our token ended the attempt (a timeout, a losing hedge, the caller): Polly tells which from this.
                throw new OperationCanceledException("The attempt was cancelled.", e, token);
            }
            catch (RpcException e)
            {
                // Typed inside the pipeline, so the retry strategy reads the reason and the delay the service asked for.
                throw BoilerplateException.FromCall(e, Deadline);
            }
        }
    }

    /// <summary>Moves to the next response; a failed call surfaces as a typed exception.</summary>
    private static async Task<bool> NextAsync(IAsyncStreamReader<CleanResponse> responses, DateTime? deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await responses.MoveNext(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The stream was cancelled.", e, cancellationToken);
        }
        catch (RpcException e)
        {
            throw BoilerplateException.FromCall(e, deadline);
        }
    }

    private static async Task SendAllAsync(
        IClientStreamWriter<CleanRequest> writer,
        IAsyncEnumerable<CleanRequest> requests,
        CancellationToken cancellationToken)
    {
        await foreach (var request in requests.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync().ConfigureAwait(false);
    }
}
