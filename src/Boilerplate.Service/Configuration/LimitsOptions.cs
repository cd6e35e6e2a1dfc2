using System.ComponentModel.DataAnnotations;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Service.Configuration;

/// <summary>What one call may cost, and how many calls may run at once (section <c>Limits</c>).</summary>
public sealed class LimitsOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Limits";

    /// <summary>Largest request message accepted; bigger ones are refused by gRPC with RESOURCE_EXHAUSTED.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxReceiveMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest response message sent.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxSendMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Most blocks (the API's paragraphs) one page may yield before it is refused as too large; unset, 20,000. At
    /// least 32, so the warm-up pages every new model must clean fit.
    /// </summary>
    [Range(32, int.MaxValue)]
    public int? MaxBlocks { get; set; }

    /// <summary>Deprecated name of <see cref="MaxBlocks"/>, still read; setting both is refused at start-up.</summary>
    [Range(32, int.MaxValue)]
    public int? MaxParagraphs { get; set; }

    /// <summary>The block limit in force: <see cref="MaxBlocks"/>, else its deprecated name, else the domain's default.</summary>
    public int EffectiveMaxBlocks => MaxBlocks ?? MaxParagraphs ?? SegmentationLimits.Default.MaxBlocks;

    /// <summary>Most HTML elements one page may hold before it is refused as too large (at least 256, for the warm-up pages).</summary>
    [Range(256, int.MaxValue)]
    public int MaxNodes { get; set; } = SegmentationLimits.Default.MaxNodes;

    /// <summary>Time budget for decoding and parsing one page.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ParseTimeout { get; set; } = SegmentationLimits.Default.ParseTimeout;

    /// <summary>
    /// Deadline applied to a call (to each page of a stream) when the client sets none, so a forgotten
    /// deadline cannot pin a worker forever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Pages cleaned at once: a Clean call holds a slot for its run, a CleanStream one per page while that page is
    /// cleaned (a silent stream holds none). More wait in the queue.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>
    /// Pages waiting for a slot; beyond this a call is refused with RESOURCE_EXHAUSTED (reason AT_CAPACITY), and a
    /// stream's page comes back with that error in its place while the stream goes on.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxQueuedRequests { get; set; } = 256;

    /// <summary>
    /// The delay an AT_CAPACITY refusal asks the client to wait before retrying (its google.rpc.RetryInfo): long
    /// enough for some of the queue to drain, so retries do not arrive as one storm.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CapacityRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The share (0 to 1] of the slots and queue places together that the calls of one API key may hold; beyond it that
    /// key's calls are refused with AT_CAPACITY while other keys still get in. Applies only when keys are configured.
    /// </summary>
    [Range(0.01, 1.0)]
    public double MaxKeyShare { get; set; } = 0.5;

    /// <summary>
    /// Request bytes read and not yet answered, over all calls; a call whose body would pass it is refused with
    /// RESOURCE_EXHAUSTED (AT_CAPACITY). Sized against the pod's memory in docs/operations.md.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxInFlightRequestBytes { get; set; } = 192L * 1024 * 1024;

    /// <summary>Concurrent HTTP/2 streams (calls) one connection may open (Kestrel's own default is 100).</summary>
    [Range(1, 10_000)]
    public int MaxStreamsPerConnection { get; set; } = 32;

    /// <summary>Pages of one CleanStream call cleaned concurrently (read-ahead); reading pauses beyond it.</summary>
    [Range(1, 1024)]
    public int StreamParallelism { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>
    /// How long a CleanStream may wait for its next page while none of its pages is in progress or unanswered; past
    /// it the stream ends with DEADLINE_EXCEEDED, so forgotten streams do not pile up.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Parser workers abandoned on hung pages that the process tolerates; beyond it health reports NOT_SERVING so
    /// the orchestrator replaces the process before leaked threads starve it.
    /// </summary>
    [Range(0, 1000)]
    public int MaxAbandonedParserWorkers { get; set; } = 4;

    /// <summary>The parsing limits the domain enforces, from these options.</summary>
    public SegmentationLimits ToSegmentationLimits() => SegmentationLimits.Default with
    {
        MaxBlocks = EffectiveMaxBlocks,
        MaxNodes = MaxNodes,
        ParseTimeout = ParseTimeout,
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Two values for one limit would leave the reader guessing which one holds.
        if (MaxBlocks is not null && MaxParagraphs is not null)
        {
            yield return new ValidationResult(
                "Set Limits:MaxBlocks only; Limits:MaxParagraphs is its deprecated name.", [nameof(MaxBlocks), nameof(MaxParagraphs)]);
        }
    }
}
