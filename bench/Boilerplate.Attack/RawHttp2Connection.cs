using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace Boilerplate.Attack;

/// <summary>
/// A bare HTTP/2 client connection over TCP (prior knowledge, no TLS), for what HttpClient will not send: a window
/// of zero, header fields of any size, repeated or malformed fields, unnormalised paths. It asks for an HPACK table
/// of 0 so the server's header blocks decode with the static table alone.
/// </summary>
internal sealed class RawHttp2Connection : IAsyncDisposable
{
    private const int FrameData = 0, FrameHeaders = 1, FrameRstStream = 3, FrameSettings = 4, FramePing = 6, FrameGoAway = 7, FrameWindowUpdate = 8, FrameContinuation = 9;
    private const int FlagEndStream = 0x1, FlagEndHeaders = 0x4, FlagAck = 0x1;
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly bool _grantWindow;
    private readonly object _windowLock = new();
    private readonly ConcurrentDictionary<int, StreamState> _streams = new();
    private readonly TaskCompletionSource _serverSettings = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closing = new();
    private TaskCompletionSource _windowChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _connectionSendWindow = 65_535;
    private long _initialStreamSendWindow = 65_535;
    private int _maxFrameSize = 16_384;
    private int _nextStreamId = 1;
    private Task _reader = Task.CompletedTask;

    private RawHttp2Connection(TcpClient tcp, bool grantWindow)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _grantWindow = grantWindow;
    }

    /// <summary>The GOAWAY error code the server sent, if it sent one.</summary>
    public int? GoAwayCode { get; private set; }

    /// <summary>Whether the server closed the connection (end of stream or a reset socket).</summary>
    public bool Closed { get; private set; }

    /// <summary>
    /// One gRPC call on a connection of its own, its body sent whole: the stream's outcome in a word
    /// (waiting at most <paramref name="wait"/> for the stream to end), or how the connection closed.
    /// </summary>
    public static async Task<string> CallOnceAsync(
        Uri address, string path, (string, string)[] extra, byte[] body, TimeSpan limit, TimeSpan wait)
    {
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await using var connection = await ConnectAsync(address, 1 << 20, grantWindow: true, cancel.Token).ConfigureAwait(false);
            var stream = await connection.OpenStreamAsync(NoWindowMode.GrpcHeaders(address, path, extra), endStream: false, cancel.Token).ConfigureAwait(false);
            try
            {
                await connection.SendDataAsync(stream, body, endStream: true, cancel.Token).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Refused while the body was on its way: the outcome below says how.
            }

            await Task.WhenAny(stream.Done.Task, Task.Delay(wait, cancel.Token)).ConfigureAwait(false);
            return stream.Outcome(connection);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            return $"connection closed ({e.GetType().Name})";
        }
    }

    /// <summary>
    /// Connects and exchanges settings. <paramref name="initialWindow"/> is the window granted to each response
    /// stream; with <paramref name="grantWindow"/> false no WINDOW_UPDATE is ever sent, so the server can send no
    /// more response bytes than that.
    /// </summary>
    public static async Task<RawHttp2Connection> ConnectAsync(Uri address, int initialWindow, bool grantWindow, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(address.Host, address.Port, cancellationToken).ConfigureAwait(false);
        var connection = new RawHttp2Connection(tcp, grantWindow);
        var settings = new byte[18];
        // HEADER_TABLE_SIZE 0 (static-table answers), ENABLE_PUSH 0, INITIAL_WINDOW_SIZE as asked.
        Setting(settings.AsSpan(0), 0x1, 0);
        Setting(settings.AsSpan(6), 0x2, 0);
        Setting(settings.AsSpan(12), 0x4, (uint)initialWindow);
        await connection._stream.WriteAsync(Preface, cancellationToken).ConfigureAwait(false);
        await connection.WriteFrameAsync(FrameSettings, 0, 0, settings, cancellationToken).ConfigureAwait(false);
        if (grantWindow)
        {
            await connection.WriteFrameAsync(FrameWindowUpdate, 0, 0, WindowIncrement(1 << 30), cancellationToken).ConfigureAwait(false);
        }

        connection._reader = Task.Run(() => connection.ReadLoopAsync(connection._closing.Token), CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        await connection._serverSettings.Task.WaitAsync(limit.Token).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Opens a stream with these header fields, in order, each sent as a literal (no indexing).</summary>
    public async Task<StreamState> OpenStreamAsync(IEnumerable<(string Name, string Value)> fields, bool endStream, CancellationToken cancellationToken)
    {
        var block = new MemoryStream();
        foreach (var (name, value) in fields)
        {
            block.WriteByte(0x00);
            WriteString(block, name);
            WriteString(block, value);
        }

        var id = Interlocked.Add(ref _nextStreamId, 2) - 2;
        var state = new StreamState(id, Volatile.Read(ref _initialStreamSendWindow));
        _streams[id] = state;
        var bytes = block.ToArray();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A block over the frame size goes out as HEADERS then CONTINUATIONs, with nothing between them.
            var first = Math.Min(bytes.Length, _maxFrameSize);
            var flags = (endStream ? FlagEndStream : 0) | (first == bytes.Length ? FlagEndHeaders : 0);
            await WriteFrameUnlockedAsync(FrameHeaders, flags, id, bytes.AsMemory(0, first), cancellationToken).ConfigureAwait(false);
            for (var offset = first; offset < bytes.Length; offset += _maxFrameSize)
            {
                var length = Math.Min(_maxFrameSize, bytes.Length - offset);
                var last = offset + length == bytes.Length;
                await WriteFrameUnlockedAsync(FrameContinuation, last ? FlagEndHeaders : 0, id, bytes.AsMemory(offset, length), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }

        return state;
    }

    /// <summary>Sends <paramref name="data"/> on a stream as the server's flow-control windows allow; waits while they are shut.</summary>
    public async Task SendDataAsync(StreamState stream, ReadOnlyMemory<byte> data, bool endStream, CancellationToken cancellationToken)
    {
        if (data.IsEmpty)
        {
            await WriteFrameAsync(FrameData, endStream ? FlagEndStream : 0, stream.Id, data, cancellationToken).ConfigureAwait(false);
            return;
        }

        var offset = 0;
        while (offset < data.Length)
        {
            int chunk;
            Task changed;
            lock (_windowLock)
            {
                chunk = (int)Math.Min(Math.Min(_connectionSendWindow, stream.SendWindow), Math.Min(_maxFrameSize, data.Length - offset));
                changed = _windowChanged.Task;
                if (chunk > 0)
                {
                    _connectionSendWindow -= chunk;
                    stream.SendWindow -= chunk;
                }
            }

            if (chunk <= 0)
            {
                if (stream.Reset || Closed)
                {
                    throw new IOException($"stream {stream.Id} ended by the server while sending");
                }

                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var last = endStream && offset + chunk == data.Length;
            await WriteFrameAsync(FrameData, last ? FlagEndStream : 0, stream.Id, data.Slice(offset, chunk), cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref stream.BytesSentField, chunk);
            offset += chunk;
        }
    }

    /// <summary>Cancels a stream (RST_STREAM CANCEL).</summary>
    public Task ResetAsync(StreamState stream, CancellationToken cancellationToken)
    {
        var code = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(code, 0x8);
        return WriteFrameAsync(FrameRstStream, 0, stream.Id, code, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false);
        _tcp.Dispose();
        try
        {
            await _reader.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // Closing is what ends the reader.
        }

        _closing.Dispose();
        _writeLock.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var header = new byte[9];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await _stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
                var length = (header[0] << 16) | (header[1] << 8) | header[2];
                var type = header[3];
                var flags = header[4];
                var id = (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(5)) & 0x7FFFFFFF);
                var payload = new byte[length];
                await _stream.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
                await HandleFrameAsync(type, flags, id, payload, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The server closed the connection, or we did.
        }
        finally
        {
            Closed = true;
            _serverSettings.TrySetResult();
            foreach (var stream in _streams.Values)
            {
                stream.Done.TrySetResult();
            }

            SignalWindow();
        }
    }

    private async Task HandleFrameAsync(int type, int flags, int id, byte[] payload, CancellationToken cancellationToken)
    {
        var stream = id == 0 ? null : _streams.GetValueOrDefault(id);
        switch (type)
        {
            case FrameSettings when (flags & FlagAck) == 0:
                for (var i = 0; i + 6 <= payload.Length; i += 6)
                {
                    var key = BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(i));
                    var value = BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(i + 2));
                    if (key == 0x4)
                    {
                        lock (_windowLock)
                        {
                            var delta = value - _initialStreamSendWindow;
                            _initialStreamSendWindow = value;
                            foreach (var open in _streams.Values)
                            {
                                open.SendWindow += delta;
                            }
                        }
                    }
                    else if (key == 0x5)
                    {
                        _maxFrameSize = (int)value;
                    }
                }

                await WriteFrameAsync(FrameSettings, FlagAck, 0, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                _serverSettings.TrySetResult();
                SignalWindow();
                break;
            case FrameWindowUpdate:
                var increment = BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7FFFFFFF;
                lock (_windowLock)
                {
                    if (id == 0)
                    {
                        _connectionSendWindow += increment;
                    }
                    else if (stream is not null)
                    {
                        stream.SendWindow += increment;
                    }
                }

                SignalWindow();
                break;
            case FramePing when (flags & FlagAck) == 0:
                await WriteFrameAsync(FramePing, FlagAck, 0, payload, cancellationToken).ConfigureAwait(false);
                break;
            case FrameGoAway:
                GoAwayCode = (int)BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(4));
                break;
            case FrameRstStream when stream is not null:
                stream.ResetCode = (int)BinaryPrimitives.ReadUInt32BigEndian(payload);
                stream.Reset = true;
                stream.Done.TrySetResult();
                SignalWindow();
                break;
            case FrameHeaders or FrameContinuation when stream is not null:
                // Padding and priority are never sent by Kestrel; a block split over CONTINUATIONs is joined.
                stream.PendingBlock.Write(payload);
                if ((flags & FlagEndHeaders) != 0)
                {
                    foreach (var (name, value) in Hpack.Decode(stream.PendingBlock.ToArray()))
                    {
                        stream.Headers.Add((name, value));
                    }

                    stream.PendingBlock.SetLength(0);
                }

                if ((flags & FlagEndStream) != 0)
                {
                    stream.Done.TrySetResult();
                }

                break;
            case FrameData when stream is not null:
                Interlocked.Add(ref stream.BytesReceivedField, payload.Length);
                if (_grantWindow && payload.Length > 0)
                {
                    await WriteFrameAsync(FrameWindowUpdate, 0, id, WindowIncrement(payload.Length), cancellationToken).ConfigureAwait(false);
                }

                if ((flags & FlagEndStream) != 0)
                {
                    stream.Done.TrySetResult();
                }

                break;
        }
    }

    private void SignalWindow()
    {
        TaskCompletionSource previous;
        lock (_windowLock)
        {
            previous = _windowChanged;
            _windowChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private async Task WriteFrameAsync(int type, int flags, int id, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteFrameUnlockedAsync(type, flags, id, payload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task WriteFrameUnlockedAsync(int type, int flags, int id, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var header = new byte[9];
        header[0] = (byte)(payload.Length >> 16);
        header[1] = (byte)(payload.Length >> 8);
        header[2] = (byte)payload.Length;
        header[3] = (byte)type;
        header[4] = (byte)flags;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(5), (uint)id);
        await _stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        if (!payload.IsEmpty)
        {
            await _stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Setting(Span<byte> target, ushort key, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(target, key);
        BinaryPrimitives.WriteUInt32BigEndian(target[2..], value);
    }

    private static byte[] WindowIncrement(int increment)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)increment);
        return bytes;
    }

    private static void WriteString(MemoryStream block, string text)
    {
        // Latin-1, so a test can put any byte (NUL included) in a field; never Huffman-coded.
        var bytes = Encoding.Latin1.GetBytes(text);
        Hpack.WriteInteger(block, 0x00, 7, bytes.Length);
        block.Write(bytes);
    }

    /// <summary>One request stream: the server's answer as it arrives.</summary>
    internal sealed class StreamState(int id, long sendWindow)
    {
        public long BytesSentField;
        public long BytesReceivedField;

        public int Id { get; } = id;

        public long SendWindow { get; set; } = sendWindow;

        public List<(string Name, string Value)> Headers { get; } = [];

        public MemoryStream PendingBlock { get; } = new();

        public bool Reset { get; set; }

        public int? ResetCode { get; set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long BytesSent => Interlocked.Read(ref BytesSentField);

        /// <summary>The response's :status, or null when none came.</summary>
        public string? Status => Headers.FirstOrDefault(h => h.Name == ":status").Value;

        /// <summary>The gRPC status the headers or trailers carry, by name, or null.</summary>
        public string? GrpcStatus => Headers.LastOrDefault(h => h.Name == "grpc-status").Value is { } code && int.TryParse(code, out var value)
            ? ((Grpc.Core.StatusCode)value).ToString()
            : null;

        /// <summary>What the server answered, in a word: the gRPC status, else the HTTP status, else the reset.</summary>
        public string Outcome(RawHttp2Connection connection) =>
            GrpcStatus ?? (Status is { } status ? $"HTTP {status}"
                : Reset ? $"RST_STREAM {ErrorName(ResetCode ?? -1)}"
                : connection.GoAwayCode is { } code ? $"GOAWAY {ErrorName(code)}"
                : connection.Closed ? "connection closed" : "no answer");
    }

    private static string ErrorName(int code) => code switch
    {
        0x0 => "NO_ERROR", 0x1 => "PROTOCOL_ERROR", 0x2 => "INTERNAL_ERROR", 0x3 => "FLOW_CONTROL_ERROR", 0x5 => "STREAM_CLOSED",
        0x6 => "FRAME_SIZE_ERROR", 0x7 => "REFUSED_STREAM", 0x8 => "CANCEL", 0x9 => "COMPRESSION_ERROR", 0xb => "ENHANCE_YOUR_CALM",
        _ => $"0x{code:x}",
    };
}
