using System.Security.Cryptography;
using System.Text;
using Boilerplate.Service.Configuration;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace Boilerplate.Service.Interceptors;

/// <summary>
/// When <c>Security:ApiKeys</c> is set, every call except health checks must carry one of the keys as
/// <c>x-api-key</c> or <c>authorization: Bearer</c>; otherwise UNAUTHENTICATED. Keys are compared as SHA-256
/// digests with a constant-time comparison, so neither timing nor length reveals how much of a key matched.
/// </summary>
/// <remarks>
/// Which key counts: a non-empty <c>x-api-key</c> is the key and <c>authorization</c> is not read, so a wrong
/// <c>x-api-key</c> fails even beside a right bearer token; an empty one counts as absent. Otherwise the key is what
/// follows the <c>Bearer</c> scheme, which matches in any letter case (RFC 7235: schemes are case-insensitive) and is
/// separated from the key by one or more spaces; whitespace around the key is ignored. Other schemes carry no key. A
/// request carrying the header its key comes from more than once is refused rather than guessing which value counts
/// (the .NET client joins repeats into one value, which matches no key; other clients may send separate fields).
/// </remarks>
internal sealed class ApiKeyInterceptor : Interceptor
{
    private const string ApiKeyHeader = "x-api-key";
    private const string AuthorizationHeader = "authorization";
    private const string BearerPrefix = "Bearer ";

    // Orchestrators probe health without credentials.
    private static readonly string ExemptService = global::Grpc.Health.V1.Health.Descriptor.FullName;

    private readonly byte[][] _keyDigests;

    public ApiKeyInterceptor(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keyDigests = options.Value.ApiKeys.Select(Digest).ToArray();
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private void Authenticate(ServerCallContext context)
    {
        // The routed service, not the raw path: routing accepts any letter case of it.
        if (_keyDigests.Length == 0 || ResolvedMethod.IsOfService(context, ExemptService))
        {
            return;
        }

        var presented = PresentedKey(context.RequestHeaders, out var ambiguous);
        if (ambiguous)
        {
            throw new RpcException(new Status(
                StatusCode.Unauthenticated,
                "The request carries more than one API key header value; send exactly one x-api-key or one authorization: Bearer <key>."));
        }

        if (presented is not null)
        {
            var digest = Digest(presented);
            var matched = false;
            foreach (var key in _keyDigests)
            {
                // No early exit: the time taken does not depend on which key matched.
                matched |= CryptographicOperations.FixedTimeEquals(digest, key);
            }

            if (matched)
            {
                return;
            }
        }

        throw new RpcException(new Status(
            StatusCode.Unauthenticated,
            "Missing or invalid API key: send it in the x-api-key header or as authorization: Bearer <key>."));
    }

    /// <summary>The key the call presents by the rule in the remarks; <paramref name="ambiguous"/> when its header repeats.</summary>
    private static string? PresentedKey(Metadata headers, out bool ambiguous)
    {
        var apiKeys = Values(headers, ApiKeyHeader);
        if (apiKeys.Exists(value => value.Length > 0))
        {
            ambiguous = apiKeys.Count > 1;
            return apiKeys[0];
        }

        var authorizations = Values(headers, AuthorizationHeader);
        ambiguous = authorizations.Count > 1;
        var authorization = authorizations.Count == 1 ? authorizations[0].Trim() : null;
        return authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }

    private static List<string> Values(Metadata headers, string key) =>
        headers.GetAll(key).Where(entry => !entry.IsBinary).Select(entry => entry.Value).ToList();
}
