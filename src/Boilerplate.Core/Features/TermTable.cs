using System.Buffers;
using System.Numerics;

namespace Boilerplate.Core.Features;

/// <summary>
/// A page's words as numbers, for <see cref="TopicCoherence"/>: an open-addressing table from a word's hash to its
/// number (numbered in order of first use), and for each number the last block that used it. Its buffers are rented
/// and given back with <see cref="Return"/>: a dictionary and a set per page had cost most of that step and a
/// fifteenth of a page's allocations.
/// </summary>
internal sealed class TermTable
{
    private uint[] _keys;
    private int[] _ids;
    private int[] _lastBlock;
    private int _mask;
    private int _shift;

    /// <summary>Sized for about <paramref name="expected"/> distinct words; it grows past them.</summary>
    public TermTable(int expected)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(32, expected * 2));
        (_keys, _ids, _lastBlock, _mask, _shift) = Allocate(capacity);
    }

    /// <summary>Distinct words so far.</summary>
    public int Count { get; private set; }

    /// <summary>The number of the word with <paramref name="key"/>, numbering it next if it is new.</summary>
    public int IdOf(uint key)
    {
        var at = SlotOf(key);
        if (_ids[at] != 0)
        {
            return _ids[at] - 1;
        }

        if ((Count + 1) * 2 > _mask + 1)
        {
            Grow();
            return IdOf(key);
        }

        _keys[at] = key;
        _ids[at] = ++Count;
        return Count - 1;
    }

    /// <summary>Whether <paramref name="block"/> uses word <paramref name="term"/> for the first time (and marks it used).</summary>
    public bool FirstInBlock(int term, int block)
    {
        if (_lastBlock[term] == block + 1)
        {
            return false;
        }

        _lastBlock[term] = block + 1;
        return true;
    }

    /// <summary>Gives the buffers back to the pool.</summary>
    public void Return()
    {
        PageBuffers.Ints.Return(_ids);
        PageBuffers.Ints.Return(_lastBlock);
        ArrayPool<uint>.Shared.Return(_keys);
    }

    /// <summary>The slot that holds <paramref name="key"/>, or the empty slot where it would go (linear probing).</summary>
    private int SlotOf(uint key)
    {
        var at = (int)((key * 0x9E3779B1u) >> _shift);
        while (_ids[at] != 0 && _keys[at] != key)
        {
            at = (at + 1) & _mask;
        }

        return at;
    }

    private void Grow()
    {
        var (keys, ids, lastBlock, capacity) = (_keys, _ids, _lastBlock, _mask + 1);
        (_keys, _ids, _lastBlock, _mask, _shift) = Allocate(capacity * 2);
        for (var i = 0; i < capacity; i++)
        {
            if (ids[i] == 0)
            {
                continue;
            }

            var at = SlotOf(keys[i]);
            _keys[at] = keys[i];
            _ids[at] = ids[i];
        }

        lastBlock.AsSpan(0, Count).CopyTo(_lastBlock);
        PageBuffers.Ints.Return(ids);
        PageBuffers.Ints.Return(lastBlock);
        ArrayPool<uint>.Shared.Return(keys);
    }

    // Rented arrays may be longer than asked for: only the first capacity slots are cleared and used.
    private static (uint[] Keys, int[] Ids, int[] LastBlock, int Mask, int Shift) Allocate(int capacity)
    {
        var keys = ArrayPool<uint>.Shared.Rent(capacity);
        var ids = PageBuffers.Ints.Rent(capacity);
        var lastBlock = PageBuffers.Ints.Rent(capacity / 2);
        ids.AsSpan(0, capacity).Clear();
        lastBlock.AsSpan(0, capacity / 2).Clear();
        return (keys, ids, lastBlock, capacity - 1, 32 - BitOperations.Log2((uint)capacity));
    }
}
