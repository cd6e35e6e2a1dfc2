using System.Collections;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Cleaning;

/// <summary>
/// Blocks that count how often they are read, and cancel a token at a chosen read, so tests measure work and how soon
/// it stops in reads rather than with a clock.
/// </summary>
internal sealed class CountingBlocks(IReadOnlyList<Block> blocks, CancellationTokenSource? cancel = null, long cancelAtRead = long.MaxValue)
    : IReadOnlyList<Block>
{
    /// <summary>Reads so far.</summary>
    public long Reads { get; private set; }

    /// <summary>Reads after the one that cancelled the token.</summary>
    public long ReadsAfterCancel => Math.Max(0, Reads - cancelAtRead);

    public int Count => blocks.Count;

    public Block this[int index]
    {
        get
        {
            if (++Reads == cancelAtRead)
            {
                cancel?.Cancel();
            }

            return blocks[index];
        }
    }

    public IEnumerator<Block> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A table of a header row and <paramref name="rows"/> data rows of three cells.</summary>
    public static Block[] Table(int rows) =>
    [
        new("Station | Value | Note", BlockKind.TableRow) { Cells = ["Station", "Value", "Note"], HeaderRow = true },
        .. Enumerable.Range(0, rows).Select(i =>
            new Block($"Station {i} | {i * 7 % 1000} | morning", BlockKind.TableRow) { Cells = [$"Station {i}", $"{i * 7 % 1000}", "morning"] }),
    ];
}
