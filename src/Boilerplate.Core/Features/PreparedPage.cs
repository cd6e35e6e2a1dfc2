using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Features;

/// <summary>
/// A page prepared for feature extraction: each block's statistics computed once, container sizes counted. One thread
/// at a time: extraction remembers the last block's markup features here for the next.
/// </summary>
public sealed class PreparedPage
{
    private readonly Dictionary<int, int> _containerSizes = [];

    /// <summary>Prepares <paramref name="page"/>.</summary>
    public PreparedPage(SegmentedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Page = page;
        Statistics = new BlockStatistics[page.Blocks.Count];
        for (var i = 0; i < page.Blocks.Count; i++)
        {
            var block = page.Blocks[i];
            Statistics[i] = BlockStatistics.Of(block.Text);
            TotalChars += Statistics[i].Chars;
            if (block.Dom is { } dom)
            {
                _containerSizes[dom.ContainerId] = _containerSizes.GetValueOrDefault(dom.ContainerId) + 1;
            }
        }
    }

    /// <summary>The first stage's markup-token features of the last block that needed them, for its container's next blocks.</summary>
    internal MarkupTokenMemo MarkupTokens { get; } = new();

    /// <summary>The page.</summary>
    public SegmentedPage Page { get; }

    /// <summary>Number of blocks.</summary>
    public int Count => Page.Blocks.Count;

    /// <summary>Statistics of each block, in page order.</summary>
    public BlockStatistics[] Statistics { get; }

    /// <summary>Characters in all blocks.</summary>
    public long TotalChars { get; }

    /// <summary>Block <paramref name="index"/>.</summary>
    public Block this[int index] => Page.Blocks[index];

    /// <summary>Number of blocks that share block <paramref name="index"/>'s container; 0 without markup.</summary>
    public int ContainerSize(int index) => Page.Blocks[index].Dom is { } dom ? _containerSizes[dom.ContainerId] : 0;
}
