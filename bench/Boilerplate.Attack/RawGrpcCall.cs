using System.Net;
using System.Net.Http.Headers;

namespace Boilerplate.Attack;

/// <summary>
/// One unary call sent as raw HTTP/2, its body written from one shared buffer so hundreds of 15 MB calls cost the
/// attacker no memory; the status is read from the headers (trailers-only refusal) or the trailers.
/// </summary>
internal static class RawGrpcCall
{
    public static async Task<string> SendAsync(HttpClient http, Uri address, string path, byte[] framedMessage, string? apiKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new SharedBufferContent(framedMessage),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.Headers.TryGetValues("grpc-status", out var early))
            {
                return Name(early.First());
            }

            await response.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            return response.TrailingHeaders.TryGetValues("grpc-status", out var status) ? Name(status.First()) : $"HTTP {(int)response.StatusCode}, no grpc-status";
        }
        catch (HttpRequestException e)
        {
            return $"transport error ({e.HttpRequestError})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "client timeout";
        }
    }

    /// <summary>A gRPC length-prefixed message (uncompressed).</summary>
    public static byte[] Frame(byte[] message)
    {
        var framed = new byte[message.Length + 5];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
        message.CopyTo(framed, 5);
        return framed;
    }

    private static string Name(string code) =>
        int.TryParse(code, out var value) ? ((Grpc.Core.StatusCode)value).ToString() : code;

    private sealed class SharedBufferContent(byte[] buffer) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await stream.WriteAsync(buffer).ConfigureAwait(false);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            stream.WriteAsync(buffer, cancellationToken).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            // No Content-Length, as gRPC clients send none: the service must meter the body while reading.
            length = 0;
            return false;
        }
    }
}
