using Boilerplate.Client;
using Boilerplate.Protos.V1;
using Google.Protobuf;

namespace Boilerplate.Cli.Clean;

/// <summary>Cleans pages on a Boilerplate server through the client library (retries, circuit breaker).</summary>
internal sealed class RemotePageCleaner(BoilerplateClient client, string address, CleanOptions options) : IPageCleaner
{
    public string Description => $"server {address}";

    public Task<CleanResponse> CleanAsync(PageFile page, byte[] content, CancellationToken cancellationToken)
    {
        var request = new CleanRequest { Id = page.Id, Options = options };
        if (page.Format == PageFormat.Text)
        {
            request.Text = PageText.Decode(content);
        }
        else
        {
            request.HtmlBytes = ByteString.CopyFrom(content);
        }

        return client.CleanAsync(request, cancellationToken);
    }

    public void Dispose() => client.Dispose();
}
