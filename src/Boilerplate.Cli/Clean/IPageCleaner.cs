using Boilerplate.Protos.V1;

namespace Boilerplate.Cli.Clean;

/// <summary>
/// Cleans one page file, in this process or on a server. Both answer with the service's response message, so
/// the output is written by one piece of code whichever way a page was cleaned.
/// </summary>
internal interface IPageCleaner : IDisposable
{
    /// <summary>Where pages are cleaned, for the summary ("model 1a2b3c4d5e6f" or the server address).</summary>
    string Description { get; }

    /// <summary>Cleans <paramref name="page"/>, whose bytes are <paramref name="content"/>.</summary>
    /// <exception cref="Exception">Any failure of this page; the caller reports it and goes on.</exception>
    Task<CleanResponse> CleanAsync(PageFile page, byte[] content, CancellationToken cancellationToken);
}
