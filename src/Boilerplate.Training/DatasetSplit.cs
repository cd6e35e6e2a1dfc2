using System.Security.Cryptography;
using System.Text;

namespace Boilerplate.Training;

/// <summary>
/// The fixed train/dev split of the labelled corpora. A page is in dev when the first four bytes of the SHA-256 of its
/// id (UTF-8), read as a big-endian unsigned number, fall in the lowest <see cref="DevPercent"/> percent. The split
/// never depends on a seed, on the order of pages or on the machine, so every figure ever reported on dev is
/// comparable, and dev pages are never trained on.
/// </summary>
public static class DatasetSplit
{
    /// <summary>Share of pages held out for evaluation, in percent.</summary>
    public const int DevPercent = 20;

    /// <summary>Whether the page with id <paramref name="id"/> is held out for evaluation.</summary>
    public static bool IsDev(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        var bucket = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash) % 100;
        return bucket < DevPercent;
    }
}
