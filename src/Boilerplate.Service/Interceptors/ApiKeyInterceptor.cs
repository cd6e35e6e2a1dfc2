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

        var presented = PresentedKey(context.RequestHeaders);
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

    private static string? PresentedKey(Metadata headers)
    {
        var apiKey = headers.GetValue(ApiKeyHeader);
        if (!string.IsNullOrEmpty(apiKey))
        {
            return apiKey;
        }

        var authorization = headers.GetValue(AuthorizationHeader);
        return authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }
}
