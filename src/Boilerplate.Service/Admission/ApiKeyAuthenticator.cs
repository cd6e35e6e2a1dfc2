using System.Security.Cryptography;
using System.Text;
using Boilerplate.Service.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Boilerplate.Service.Admission;

/// <summary>
/// When <c>Security:ApiKeys</c> or <c>Security:AdminKeys</c> is set, a call must carry one of the keys as
/// <c>x-api-key</c> or <c>authorization: Bearer</c>. Keys are compared as SHA-256 digests with a constant-time
/// comparison, so neither timing nor length reveals how much of a key matched.
/// </summary>
/// <remarks>
/// Which key counts: a non-empty <c>x-api-key</c> is the key and <c>authorization</c> is not read, so a wrong
/// <c>x-api-key</c> fails even beside a right bearer token; an empty one counts as absent. Otherwise the key is what
/// follows the <c>Bearer</c> scheme, which matches in any letter case (RFC 7235: schemes are case-insensitive) and is
/// separated from the key by one or more spaces; whitespace around the key is ignored. Other schemes carry no key. A
/// request carrying the header its key comes from more than once is refused rather than guessing which value counts
/// (the .NET client joins repeats into one value, which matches no key; other clients may send separate fields).
/// </remarks>
internal sealed class ApiKeyAuthenticator
{
    private const string ApiKeyHeader = "x-api-key";
    private const string AuthorizationHeader = "authorization";
    private const string BearerPrefix = "Bearer ";

    private readonly (byte[] Digest, Caller Caller)[] _keys;

    public ApiKeyAuthenticator(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys =
        [
            .. options.Value.ApiKeys.Select((key, index) => (Digest(key), new Caller($"key {index}", IsAdmin: false))),
            .. options.Value.AdminKeys.Select((key, index) => (Digest(key), new Caller($"admin key {index}", IsAdmin: true))),
        ];
    }

    /// <summary>Whether calls must present a key at all.</summary>
    public bool RequiresKeys => _keys.Length > 0;

    /// <summary>The caller the headers identify; null with <paramref name="refusal"/> set when they identify none.</summary>
    public Caller? Authenticate(IHeaderDictionary headers, out string? refusal)
    {
        ArgumentNullException.ThrowIfNull(headers);
        refusal = null;
        if (!RequiresKeys)
        {
            return Caller.Anonymous;
        }

        var presented = PresentedKey(headers, out var ambiguous);
        if (ambiguous)
        {
            refusal = "The request carries more than one API key header value; send exactly one x-api-key or one authorization: Bearer <key>.";
            return null;
        }

        Caller? caller = null;
        if (presented is not null)
        {
            var digest = Digest(presented);
            foreach (var (key, owner) in _keys)
            {
                // No early exit: the time taken does not depend on which key matched.
                if (CryptographicOperations.FixedTimeEquals(digest, key))
                {
                    caller = owner;
                }
            }
        }

        refusal = caller is null ? "Missing or invalid API key: send it in the x-api-key header or as authorization: Bearer <key>." : null;
        return caller;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The key the call presents by the rule in the remarks; <paramref name="ambiguous"/> when its header repeats.</summary>
    private static string? PresentedKey(IHeaderDictionary headers, out bool ambiguous)
    {
        var apiKeys = headers[ApiKeyHeader];
        if (apiKeys.Any(value => !string.IsNullOrEmpty(value)))
        {
            ambiguous = apiKeys.Count > 1;
            return apiKeys[0];
        }

        StringValues authorizations = headers[AuthorizationHeader];
        ambiguous = authorizations.Count > 1;
        var authorization = authorizations.Count == 1 ? authorizations[0]?.Trim() : null;
        return authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }
}
