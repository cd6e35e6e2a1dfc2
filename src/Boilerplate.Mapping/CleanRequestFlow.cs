using System.Diagnostics;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Model;
using Boilerplate.Core.Pipeline;
using Boilerplate.Protos.V1;

namespace Boilerplate.Mapping;

/// <summary>
/// Cleans one protobuf request: the one sequence (translate, clean, answer) the service and the CLI's in-process mode
/// share, so a page and its options are treated the same in both.
/// </summary>
public static class CleanRequestFlow
{
    /// <summary>The response to <paramref name="request"/>, cleaned by <paramref name="pipeline"/> with <paramref name="classifier"/>.</summary>
    /// <param name="pipeline">The process's pipeline.</param>
    /// <param name="classifier">The model that scores the page; the options are checked against its labels.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The call's deadline or cancellation.</param>
    /// <param name="cleaned">Told of the result before it is mapped (the service counts pages with it), or null.</param>
    /// <exception cref="PageRejectedException">The page or its options are refused (<see cref="CleanOptionsValidator"/>).</exception>
    public static CleanResponse Run(
        CleaningPipeline pipeline,
        IBlockClassifier classifier,
        CleanRequest request,
        CancellationToken cancellationToken,
        Action<CleanResult>? cleaned = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var input = CleanRequestMapper.ToInput(request);
        var options = CleanRequestMapper.ToOptions(request.Options);
        var result = pipeline.Clean(input, classifier, options, cancellationToken);
        // Mapping every paragraph of a big page costs too; a caller past its deadline would never read it.
        cancellationToken.ThrowIfCancellationRequested();
        cleaned?.Invoke(result);
        return CleanResponseMapper.ToResponse(request.Id, result, request.Options, Stopwatch.GetElapsedTime(started));
    }
}
