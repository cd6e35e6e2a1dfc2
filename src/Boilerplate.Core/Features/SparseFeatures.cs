namespace Boilerplate.Core.Features;

/// <summary>
/// A reusable sparse feature vector under construction: hashed indices with values, duplicates allowed (a linear
/// model sums them anyway). Each group of features is scaled to unit length so a long paragraph's thousands of
/// n-grams do not drown its handful of markup tokens.
/// </summary>
public sealed class SparseFeatures
{
    private int[] _indices = new int[512];
    private float[] _values = new float[512];
    private int _groupStart;

    /// <summary>Number of entries (duplicates included).</summary>
    public int Count { get; private set; }

    /// <summary>The indices added so far.</summary>
    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    /// <summary>The values added so far.</summary>
    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    /// <summary>Empties the vector for the next block.</summary>
    public void Clear()
    {
        Count = 0;
        _groupStart = 0;
    }

    /// <summary>Starts a group whose entries <see cref="EndGroup"/> will scale together.</summary>
    public void BeginGroup() => _groupStart = Count;

    /// <summary>Scales the entries since <see cref="BeginGroup"/> to unit Euclidean length.</summary>
    public void EndGroup()
    {
        var sum = 0f;
        for (var i = _groupStart; i < Count; i++)
        {
            sum += _values[i] * _values[i];
        }

        if (sum > 0)
        {
            var scale = 1f / MathF.Sqrt(sum);
            for (var i = _groupStart; i < Count; i++)
            {
                _values[i] *= scale;
            }
        }

        _groupStart = Count;
    }

    /// <summary>Adds the feature with hash <paramref name="hash"/>.</summary>
    public void Add(uint hash, float value = 1f)
    {
        if (Count == _indices.Length)
        {
            Grow(Count + 1);
        }

        _indices[Count] = FeatureHasher.Index(hash);
        _values[Count] = value;
        Count++;
    }

    /// <summary>Adds entries already turned into indices (<see cref="Indices"/> and <see cref="Values"/> of an earlier block).</summary>
    internal void AddRange(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        if (Count + indices.Length > _indices.Length)
        {
            Grow(Count + indices.Length);
        }

        indices.CopyTo(_indices.AsSpan(Count));
        values.CopyTo(_values.AsSpan(Count));
        Count += indices.Length;
    }

    /// <summary>Doubles the buffers until they hold <paramref name="entries"/>.</summary>
    private void Grow(int entries)
    {
        var length = _indices.Length;
        while (length < entries)
        {
            length *= 2;
        }

        Array.Resize(ref _indices, length);
        Array.Resize(ref _values, length);
    }

    /// <summary>The entries sorted by index with duplicates summed, as a training row needs them.</summary>
    public (int[] Indices, float[] Values) ToSortedUnique() => SortedUnique(Indices, Values);

    /// <summary>Parallel index and value spans sorted by index with duplicates summed, in new arrays.</summary>
    public static (int[] Indices, float[] Values) SortedUnique(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        var sortedIndices = indices.ToArray();
        var sortedValues = values.ToArray();
        Array.Sort(sortedIndices, sortedValues);
        var unique = 0;
        for (var i = 0; i < sortedIndices.Length; i++)
        {
            if (unique > 0 && sortedIndices[unique - 1] == sortedIndices[i])
            {
                sortedValues[unique - 1] += sortedValues[i];
            }
            else
            {
                sortedIndices[unique] = sortedIndices[i];
                sortedValues[unique] = sortedValues[i];
                unique++;
            }
        }

        return (sortedIndices[..unique], sortedValues[..unique]);
    }
}
