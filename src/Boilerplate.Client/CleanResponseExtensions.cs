using Boilerplate.Protos.V1;

namespace Boilerplate.Client;

/// <summary>Reading a <see cref="CleanResponse"/> of a stream, which may stand for a page that failed.</summary>
public static class CleanResponseExtensions
{
    /// <summary>Whether the page failed (its <c>error</c> is set); then only its id is filled.</summary>
    public static bool HasError(this CleanResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Error is not null;
    }

    /// <summary>Why the page failed, or null when it was cleaned.</summary>
    public static BoilerplateError? GetError(this CleanResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Error is { } status ? BoilerplateError.FromStatus(status) : null;
    }

    /// <summary>The response when the page was cleaned; otherwise throws its error as a typed exception.</summary>
    /// <exception cref="BoilerplateException">The page failed (a <see cref="RetryLaterException"/> or <see cref="PageRefusedException"/> when known).</exception>
    public static CleanResponse EnsureCleaned(this CleanResponse response) =>
        response.GetError() is { } error ? throw BoilerplateException.From(error) : response;
}
