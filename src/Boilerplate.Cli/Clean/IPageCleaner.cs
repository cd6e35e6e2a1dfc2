using Boilerplate.Protos.V1;

namespace Boilerplate.Cli.Clean;

/// <summary>
/// Cleans one page, in this process or on a server. Both take the service's request and answer with its response
/// message, so a page is read and written by one piece of code whichever way it was cleaned.
/// </summary>
internal interface IPageCleaner : IDisposable
{
    /// <summary>Where pages are cleaned, for the summary ("model 1a2b3c4d5e6f" or the server address).</summary>
    string Description { get; }

    /// <summary>Cleans the page <paramref name="request"/> carries.</summary>
    /// <exception cref="Exception">Any failure of this page; the caller reports it and goes on.</exception>
    Task<CleanResponse> CleanAsync(CleanRequest request, CancellationToken cancellationToken);
}
