using Boilerplate.Protos.V1;

namespace Boilerplate.Cli.Clean;

/// <summary>
/// Where <c>clean</c> sends its pages: this process (<see cref="InProcessBackend"/>) or a server
/// (<see cref="ServerBackend"/>). Both take the service's request and answer with its response message, so a page
/// is read and written by one piece of code whichever way it was cleaned.
/// </summary>
internal interface ICleanBackend : IDisposable
{
    /// <summary>Where pages are cleaned, for the summary ("model 1a2b3c4d5e6f" or the server address).</summary>
    string Description { get; }

    /// <summary>Cleans the page <paramref name="request"/> carries.</summary>
    /// <exception cref="Exception">Any failure of this page; the caller reports it and goes on.</exception>
    Task<CleanResponse> CleanAsync(CleanRequest request, CancellationToken cancellationToken);
}
