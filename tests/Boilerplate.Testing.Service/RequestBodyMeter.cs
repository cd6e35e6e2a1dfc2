using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Boilerplate.Testing.Service;

/// <summary>
/// Counts the request-body bytes the in-process service reads from Kestrel, over all calls: a test sees whether a
/// call was refused before its body was read. Installed in front of the whole pipeline (an <see cref="IStartupFilter"/>).
/// </summary>
public sealed class RequestBodyMeter
{
    private long _read;

    /// <summary>Body bytes read so far.</summary>
    public long BytesRead => Interlocked.Read(ref _read);

    /// <summary>Adds the meter to the service being configured.</summary>
    public void Install(ServiceHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var previous = options.ConfigureServices;
        options.ConfigureServices = services =>
        {
            previous?.Invoke(services);
            services.AddSingleton<IStartupFilter>(new Filter(this));
        };
    }

    private sealed class Filter(RequestBodyMeter meter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                context.Request.Body = new CountingStream(context.Request.Body, meter);
                await inner(context).ConfigureAwait(false);
            });
            next(app);
        };
    }

    private sealed class CountingStream(Stream inner, RequestBodyMeter meter) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Counted(int read)
        {
            Interlocked.Add(ref meter._read, read);
            return read;
        }
    }
}
