using Boilerplate.Protos.V1;

namespace Boilerplate.Client;

/// <summary>
/// The Boilerplate service as a scraper uses it; <see cref="BoilerplateClient"/> implements it with resilience. Depend
/// on this interface to replace the service in your own tests. Register with <c>AddBoilerplateClient</c>.
/// </summary>
public interface IBoilerplateClient
{
    /// <summary>Cleans a page given as decoded HTML.</summary>
    /// <param name="html">The page's HTML.</param>
    /// <param name="url">The page's URL, if known (a model feature; never fetched).</param>
    /// <param name="options">How to clean; null for the service defaults.</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    Task<CleanResponse> CleanHtmlAsync(string html, string? url = null, CleanOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Cleans a page given as plain text (paragraphs separated by blank lines).</summary>
    /// <param name="text">The page's text.</param>
    /// <param name="url">The page's URL, if known.</param>
    /// <param name="options">How to clean; null for the service defaults.</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    Task<CleanResponse> CleanTextAsync(string text, string? url = null, CleanOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Cleans one page described by a full request.</summary>
    /// <param name="request">The page and options.</param>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    Task<CleanResponse> CleanAsync(CleanRequest request, CancellationToken cancellationToken = default);

    /// <summary>Cleans a stream of pages over one call; responses come back in request order with each request's id.</summary>
    /// <param name="requests">The pages, read as the service accepts them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    IAsyncEnumerable<CleanResponse> CleanStreamAsync(IAsyncEnumerable<CleanRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>Describes the model the service is using.</summary>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    Task<ModelInfo> GetModelInfoAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes the service reload its model file now; fails with FAILED_PRECONDITION if the file is invalid.</summary>
    /// <param name="cancellationToken">Cancels the call and its retries.</param>
    Task<ModelInfo> ReloadModelAsync(CancellationToken cancellationToken = default);
}
