using Boilerplate.Core.Errors;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Bounds on what one page may cost. Hard limits (input size, element count, block count) refuse the page with
/// <see cref="PageRejection.TooLarge"/> (or the finer <see cref="PageRejection.TooManyNodes"/> and
/// <see cref="PageRejection.TooManyParagraphs"/>); soft limits (depth, block length) cap features or truncate text so a
/// hostile page still yields a usable result.
/// </summary>
public sealed record SegmentationLimits
{
    /// <summary>The defaults: generous enough for any real page, small enough that one page cannot starve the process.</summary>
    public static SegmentationLimits Default { get; } = new();

    /// <summary>Largest input accepted, in UTF-16 characters (after decoding).</summary>
    public int MaxInputChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// Most elements a page may hold. Real pages stay under ~16,000 (largest of the 1,107 corpus pages); parsing costs
    /// a few microseconds per element, so this keeps even a maximal page well inside <see cref="ParseTimeout"/>.
    /// </summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>
    /// Element nesting depth beyond which the tree builder attaches elements at this depth instead of deeper (their
    /// text joins the deepest element kept), as browsers do; it bounds every walk of the open elements, so tree
    /// building stays linear. Also caps the depth feature.
    /// </summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>Most blocks a page may yield.</summary>
    public int MaxBlocks { get; init; } = 20_000;

    /// <summary>Longest block text kept, in characters; longer text is truncated.</summary>
    public int MaxBlockChars { get; init; } = 100_000;

    /// <summary>Time budget for decoding, parsing and segmenting one page.</summary>
    public TimeSpan ParseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first limit that is not positive.</summary>
    public SegmentationLimits Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInputChars, 1, nameof(MaxInputChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNodes, 1, nameof(MaxNodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBlocks, 1, nameof(MaxBlocks));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBlockChars, 1, nameof(MaxBlockChars));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ParseTimeout, TimeSpan.Zero, nameof(ParseTimeout));
        return this;
    }

    /// <summary>Refuses input longer than <see cref="MaxInputChars"/>.</summary>
    internal void CheckInputLength(int length)
    {
        if (length > MaxInputChars)
        {
            throw new PageRejectedException(
                PageRejection.TooLarge,
                $"The page has {length:N0} characters, over the limit of {MaxInputChars:N0} (SegmentationLimits.MaxInputChars); " +
                "send a smaller page or raise the limit in the service configuration.");
        }
    }
}
