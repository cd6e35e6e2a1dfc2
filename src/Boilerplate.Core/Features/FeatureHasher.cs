namespace Boilerplate.Core.Features;

/// <summary>
/// FNV-1a over UTF-16 code units: stable across processes and machines (unlike <see cref="string.GetHashCode()"/>),
/// which a saved model relies on, and cheap enough to hash every character n-gram of every block.
/// </summary>
public static class FeatureHasher
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>Hash of a namespace tag, the starting point of every feature in that namespace.</summary>
    public static uint Namespace(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Add(Offset, name);
    }

    /// <summary>Continues <paramref name="hash"/> with <paramref name="text"/>.</summary>
    public static uint Add(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Add(hash, c);
        }

        return hash;
    }

    /// <summary>Adds one UTF-16 code unit to <paramref name="hash"/>, low byte first (as the text overload does).</summary>
    public static uint Add(uint hash, char c)
    {
        hash = (hash ^ (c & 0xFFu)) * Prime;
        return (hash ^ ((uint)c >> 8)) * Prime;
    }

    /// <summary>Continues <paramref name="hash"/> with a number.</summary>
    public static uint Add(uint hash, int value)
    {
        for (var i = 0; i < 4; i++)
        {
            hash = (hash ^ ((uint)value & 0xFFu)) * Prime;
            value >>= 8;
        }

        return hash;
    }

    /// <summary>Index of <paramref name="hash"/> in the sparse feature space.</summary>
    public static int Index(uint hash)
    {
        // FNV's low bits mix poorly; fold the high half in before masking.
        return (int)((hash ^ (hash >> FeatureSchema.SparseBits)) & (FeatureSchema.SparseDimension - 1));
    }
}
