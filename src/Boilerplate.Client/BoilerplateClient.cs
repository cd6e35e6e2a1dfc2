using System.Runtime.CompilerServices;
using Boilerplate.Protos.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Polly;

namespace Boilerplate.Client;

/// <summary>
/// Typed client of the Boilerplate service. Unary calls run through a Polly pipeline (retry on UNAVAILABLE, and on
/// AT_CAPACITY after the delay the service asks for, up to Retry.MaxDelay, with a fresh deadline per attempt, then a
/// circuit breaker); failures surface as a <see cref="BoilerplateException"/> (an <see cref="RpcException"/> with the
/// service's status): <see cref="RetryLaterException"/> for "send it again later", <see cref="PageRefusedException"/>
/// for "never resend this page", or <c>Polly.CircuitBreaker.BrokenCircuitException</c> while the circuit is open.
/// Thread-safe; create one per process (or register it with <c>AddBoilerplateClient</c>) and share it.
/// </summary>
public sealed class BoilerplateClient : IDisposable
{
    private const string ApiKeyHeader = "x-api-key";

    private readonly GrpcChannel _channel;
    private readonly ResiliencePipeline _pipeline;
    private readonly TimeSpan _deadline;
    private readonly Metadata? _headers;

    /// <summary>Creates the client and its channel; connections are opened on first use.</summary>
    public BoilerplateClient(BoilerplateClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _channel = ChannelFactory.Create(options);
        _pipeline = ClientResilience.Create(options);
        _deadline = options.Deadline;
        _headers = string.IsNullOrEmpty(options.ApiKey) ? null : new Metadata { { ApiKeyHeader, options.ApiKey } };
        Service = new BoilerplateService.BoilerplateServiceClient(_channel);
        Models = new ModelService.ModelServiceClient(_channel);
    }

    /// <summary>The generated client of the clean service, for calls this class does not wrap (no resilience pipeline).</summary>
    public BoilerplateService.BoilerplateServiceClient Service { get; }

    /// <summary>The generated client of the model service (no resilience pipeline).</summary>
    public ModelService.ModelServiceClient Models { get; }

    /// <summary>Cleans a page given as decoded HTML.</summary>
    /// <param name="html">The page's HTML.</param>
    /// <param name="url">The page's URL, if known (a model feature; never fetched).</param>
    /// <param name="options">How to clean; null for the service defaults.</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    public Task<CleanResponse> CleanHtmlAsync(
        string html,
        string? url = null,
        CleanOptions? options = null,
        CancellationToken cancellationToken = default) =>
        CleanAsync(Request(url, options, request => request.Html = html), cancellationToken);

    /// <summary>Cleans a page given as plain text (paragraphs separated by blank lines).</summary>
    /// <param name="text">The page's text.</param>
    /// <param name="url">The page's URL, if known.</param>
    /// <param name="options">How to clean; null for the service defaults.</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    public Task<CleanResponse> CleanTextAsync(
        string text,
        string? url = null,
        CleanOptions? options = null,
        CancellationToken cancellationToken = default) =>
        CleanAsync(Request(url, options, request => request.Text = text), cancellationToken);

    /// <summary>Cleans one page described by a full request.</summary>
    /// <param name="request">The page and options.</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    public Task<CleanResponse> CleanAsync(CleanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InvokeAsync(static (service, request, options) => service.Service.CleanAsync(request, options), request, cancellationToken);
    }

    /// <summary>
    /// Cleans a stream of pages over one call; responses come back in request order with each request's id. A page
    /// that failed comes back in its place with <c>Error</c> set and the stream goes on: read it with
    /// <see cref="CleanResponseExtensions.GetError"/> (resend it later when its disposition is
    /// <see cref="ErrorDisposition.RetryLater"/>). The stream itself is not retried (responses already received cannot
    /// be taken back): when the call fails (authentication, cancellation, deadline, idleness), it throws a
    /// <see cref="BoilerplateException"/> and the ids received so far tell the caller which pages to resend.
    /// </summary>
    /// <param name="requests">The pages, read as the service accepts them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async IAsyncEnumerable<CleanResponse> CleanStreamAsync(
        IAsyncEnumerable<CleanRequest> requests,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = Service.CleanStream(new CallOptions(_headers, cancellationToken: stop.Token));
        var sending = SendAllAsync(call.RequestStream, requests, stop.Token);
        try
        {
            while (await NextAsync(call.ResponseStream, stop.Token).ConfigureAwait(false))
            {
                yield return call.ResponseStream.Current;
            }

            await sending.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // The response stream already reported why the call ended; the sender's failure adds nothing.
            await Task.WhenAny(sending).ConfigureAwait(false);
            _ = sending.Exception;
        }
    }

    /// <summary>Describes the model the service is using.</summary>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    public Task<ModelInfo> GetModelInfoAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync(static (service, request, options) => service.Models.GetModelInfoAsync(request, options), new GetModelInfoRequest(), cancellationToken);

    /// <summary>Makes the service reload its model file now; fails with FAILED_PRECONDITION if the file is invalid.</summary>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    public Task<ModelInfo> ReloadModelAsync(CancellationToken cancellationToken = default) =>
        InvokeAsync(static (service, request, options) => service.Models.ReloadModelAsync(request, options), new ReloadModelRequest(), cancellationToken);

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
        CancellationToken cancellationToken)
    {
        return await _pipeline.ExecuteAsync(
            async (state, token) =>
            {
                // A fresh deadline per attempt: a retry must not inherit the time the failed attempt used up.
                var callOptions = new CallOptions(state.Client._headers, DateTime.UtcNow + state.Client._deadline, token);
                using var pending = state.Call(state.Client, state.Request, callOptions);
                try
                {
                    return await pending.ResponseAsync.ConfigureAwait(false);
                }
                catch (RpcException e)
                {
                    // Typed inside the pipeline, so the retry strategy reads the reason and the delay the service asked for.
                    throw BoilerplateException.From(e);
                }
            },
            (Client: this, Call: call, Request: request),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves to the next response; a failed call surfaces as a typed exception.</summary>
    private static async Task<bool> NextAsync(IAsyncStreamReader<CleanResponse> responses, CancellationToken cancellationToken)
    {
        try
        {
            return await responses.MoveNext(cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw BoilerplateException.From(e);
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
