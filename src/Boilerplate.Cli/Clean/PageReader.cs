using System.IO.Compression;
using Boilerplate.Core.Errors;

namespace Boilerplate.Cli.Clean;

/// <summary>
/// Reads a page's bytes: a file (decompressed when gzip) or standard input, never more than
/// <paramref name="maxBytes"/>, so a huge file, an endless pipe or a gzip bomb fails that page instead of the process.
/// </summary>
internal sealed class PageReader(Func<Stream> openStandardInput, long maxBytes)
{
    /// <summary>Largest page read by default: the service's own default request limit (Limits:MaxReceiveMessageBytes).</summary>
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    /// <summary>The page's bytes.</summary>
    /// <exception cref="InvalidDataException">A .gz file that is not valid gzip.</exception>
    /// <exception cref="PageRejectedException"><see cref="PageRejection.TooLarge"/>: over the limit.</exception>
    public async Task<byte[]> ReadAsync(PageFile page, CancellationToken cancellationToken)
    {
        if (page.IsStandardInput)
        {
            // Not disposed: standard input belongs to the process, and a test hands in its own stream.
            return await ReadBoundedAsync(openStandardInput(), page, cancellationToken).ConfigureAwait(false);
        }

        await using var file = File.OpenRead(page.Path);
        if (!page.Compressed)
        {
            return await ReadBoundedAsync(file, page, cancellationToken).ConfigureAwait(false);
        }

        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return await ReadBoundedAsync(gzip, page, cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> ReadBoundedAsync(Stream stream, PageFile page, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                throw new PageRejectedException(
                    PageRejection.TooLarge,
                    $"{(page.IsStandardInput ? "Standard input" : "The page")} holds more than {maxBytes} bytes; no page is that large.");
            }

            content.Write(buffer, 0, read);
        }

        return content.ToArray();
    }
}
