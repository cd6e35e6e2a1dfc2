namespace Boilerplate.Core.Features;

/// <summary>
/// The markup-token features (parent, ancestor tags, class and id tokens) of the last block that needed them. The
/// blocks of one container, and the items of a menu or list, carry the same ancestor and token strings one after
/// another, so one entry spares hashing the same tokens again for each of them (comparing two strings costs far less
/// than hashing their tokens). One per page, one thread.
/// </summary>
internal sealed class MarkupTokenMemo
{
    private string? _ancestors;
    private string? _attributes;
    private int[] _indices = new int[64];
    private float[] _values = new float[64];
    private int _count;

    /// <summary>Adds the remembered features to <paramref name="output"/> when they are those of these strings.</summary>
    public bool TryAddTo(SparseFeatures output, string ancestors, string attributes)
    {
        if (!string.Equals(ancestors, _ancestors, StringComparison.Ordinal) || !string.Equals(attributes, _attributes, StringComparison.Ordinal))
        {
            return false;
        }

        output.AddRange(_indices.AsSpan(0, _count), _values.AsSpan(0, _count));
        return true;
    }

    /// <summary>Remembers the entries of <paramref name="output"/> from <paramref name="start"/> on as these strings' features.</summary>
    public void Remember(SparseFeatures output, int start, string ancestors, string attributes)
    {
        var count = output.Count - start;
        if (count > _indices.Length)
        {
            _indices = new int[count];
            _values = new float[count];
        }

        output.Indices[start..].CopyTo(_indices);
        output.Values[start..].CopyTo(_values);
        _count = count;
        _ancestors = ancestors;
        _attributes = attributes;
    }
}
