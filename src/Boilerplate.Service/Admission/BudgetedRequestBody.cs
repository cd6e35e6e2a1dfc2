using Boilerplate.Service.Errors;
using Grpc.Core;

namespace Boilerplate.Service.Admission;

/// <summary>
/// A call's request body that takes every byte it yields from the <see cref="RequestBytesBudget"/> and fails the
/// read with RESOURCE_EXHAUSTED (AT_CAPACITY) when the budget has no room. The call gives bytes back with
/// <see cref="Release"/> as it answers pages (a stream), and admission gives back the rest when the call ends.
/// </summary>
internal sealed class BudgetedRequestBody(Stream inner, RequestBytesBudget budget, Caller caller, TimeSpan retryAfter) : Stream
{
    private readonly byte[] _prefix = new byte[RefusedBody.FrameHeaderBytes];
    private int _prefixLength;
    private long _held;

    /// <summary>Bytes this call holds of the budget.</summary>
    public long Held => Interlocked.Read(ref _held);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Gives back up to <paramref name="bytes"/> (a page answered); never more than the call holds.</summary>
    public void Release(long bytes)
    {
        while (true)
        {
            var held = Interlocked.Read(ref _held);
            var returned = Math.Min(held, bytes);
            if (returned <= 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _held, held - returned, held) == held)
            {
                budget.Return(caller, returned);
                return;
            }
        }
    }

    /// <summary>Gives back everything this call holds (the call ended).</summary>
    public void ReleaseAll() => Release(long.MaxValue);

    public override int Read(byte[] buffer, int offset, int count) => Take(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        NotePrefix(buffer.Span[..read]);
        if (read > 0 && !budget.TryTake(caller, read))
        {
            // The call will not run: its bytes go back at once, for the calls that will. The rest of a small message
            // is read and discarded, so the call ends with this status, not a reset.
            ReleaseAll();
            if (RefusedBody.IsDrainable(_prefix.AsSpan(0, _prefixLength)))
            {
                await RefusedBody.DrainAsync(inner, null, cancellationToken, atMessageStart: false).ConfigureAwait(false);
            }

            throw Refusal();
        }

        return Hold(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Keeps the body's first five bytes, the gRPC prefix that holds the first message's length.</summary>
    private void NotePrefix(ReadOnlySpan<byte> read)
    {
        var wanted = Math.Min(RefusedBody.FrameHeaderBytes - _prefixLength, read.Length);
        if (wanted > 0)
        {
            read[..wanted].CopyTo(_prefix.AsSpan(_prefixLength));
            _prefixLength += wanted;
        }
    }

    private int Take(int read)
    {
        if (read > 0 && !budget.TryTake(caller, read))
        {
            throw Refusal();
        }

        return Hold(read);
    }

    private int Hold(int read)
    {
        if (read > 0)
        {
            Interlocked.Add(ref _held, read);
        }

        return read;
    }

    // An RpcException, as gRPC reads a unary request before any interceptor could translate another.
    private RpcException Refusal() => ErrorStatuses.AtCapacity(
        $"The service, or this key's share of it, holds all the request bytes it may ({budget.Limit / (1024 * 1024)} MiB " +
        "in all, Limits:MaxInFlightRequestBytes; Limits:MaxKeyShare of it per key). Retry after a back-off, " +
        "send smaller pages, or add replicas.",
        retryAfter).ToRpcException();
}
