namespace Boilerplate.Service.Admission;

/// <summary>The body of a call refused while it still arrives: read and thrown away, so the refusal is what the client reads.</summary>
internal static class RefusedBody
{
    /// <summary>
    /// Reads a refused call's body to its end and discards it (a message of at most <see cref="MaxDrainBytes"/>,
    /// within <see cref="DrainTime"/>) so the refusal closes the stream cleanly. Answered while its body still arrives, the
    /// stream is reset, and clients report that as INTERNAL, or as UNAVAILABLE when they lose count of the
    /// connection's open streams, instead of the RESOURCE_EXHAUSTED they back off on. Nothing is buffered.
    /// </summary>
    public static async Task DrainAsync(Stream body, long? declared, CancellationToken aborted, bool atMessageStart = true)
    {
        if (declared > MaxDrainBytes)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        timeout.CancelAfter(DrainTime);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            if (atMessageStart)
            {
                // A gRPC message starts with a flag byte and its length: a body bigger than the bound is not read
                // past those five bytes (it is refused with a reset, as before).
                while (total < FrameHeaderBytes)
                {
                    var got = await body.ReadAsync(buffer.AsMemory((int)total, FrameHeaderBytes - (int)total), timeout.Token).ConfigureAwait(false);
                    if (got == 0)
                    {
                        return;
                    }

                    total += got;
                }

                if (!IsDrainable(buffer.AsSpan(0, FrameHeaderBytes)))
                {
                    return;
                }
            }

            int read;
            while (total < MaxDrainBytes + FrameHeaderBytes && (read = await body.ReadAsync(buffer, timeout.Token).ConfigureAwait(false)) > 0)
            {
                total += read;
            }
        }
        catch (OperationCanceledException)
        {
            // A slow or departed client: the stream reset answers it.
        }
        catch (IOException)
        {
            // The client reset the stream or the connection: nothing is left to answer.
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether a gRPC message's prefix (all five bytes of it) announces a message small enough to drain.</summary>
    public static bool IsDrainable(ReadOnlySpan<byte> prefix) =>
        prefix.Length == FrameHeaderBytes && System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]) <= MaxDrainBytes;

    /// <summary>A gRPC message's prefix: the compressed flag and the 4-byte length.</summary>
    public const int FrameHeaderBytes = 5;

    /// <summary>Largest refused message read and discarded; a bigger one is refused with a reset after its 5-byte prefix.</summary>
    public const int MaxDrainBytes = 4 * 1024 * 1024;

    /// <summary>Longest a refused call's body is read for.</summary>
    public static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(2);
}
