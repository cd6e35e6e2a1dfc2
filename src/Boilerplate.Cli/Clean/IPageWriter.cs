using Boilerplate.Protos.V1;

namespace Boilerplate.Cli.Clean;

/// <summary>Writes each page's result, in page order; not thread-safe.</summary>
internal interface IPageWriter
{
    /// <summary>Writes a cleaned page.</summary>
    Task WriteAsync(PageFile page, CleanResponse response, CleanOptions options, CancellationToken cancellationToken);

    /// <summary>Writes a page that could not be cleaned.</summary>
    Task WriteErrorAsync(PageFile page, string error, CancellationToken cancellationToken);
}
