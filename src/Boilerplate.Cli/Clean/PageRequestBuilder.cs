using Boilerplate.Core.Decoding;
using Boilerplate.Protos.V1;
using Google.Protobuf;

namespace Boilerplate.Cli.Clean;

/// <summary>
/// Makes the service's request for a page, for the in-process backend and a server alike: text or HTML bytes as
/// <c>--content-type</c>, the file's extension or the bytes decide (in that order), with the page's URL (a model
/// input) and the Content-Type's charset.
/// </summary>
/// <param name="options">How to clean, shared by every request.</param>
/// <param name="url">The page's URL (<c>--url</c>), or null.</param>
/// <param name="contentType">The page's Content-Type (<c>--content-type</c>), or null.</param>
internal sealed class PageRequestBuilder(CleanOptions options, string? url, string? contentType)
{
    /// <summary>The request for <paramref name="page"/>, whose bytes are <paramref name="content"/>.</summary>
    public CleanRequest Build(PageFile page, byte[] content)
    {
        var request = new CleanRequest { Id = page.Id, Options = options, Url = url ?? string.Empty };
        var format = ContentTypes.FormatOf(contentType) ?? page.Format ?? (PageSniffer.LooksLikeHtml(content) ? PageFormat.Html : PageFormat.Text);
        if (format == PageFormat.Text)
        {
            // A declared charset is honoured for text too; without one, text is UTF-8 (a byte-order mark wins).
            request.Text = contentType is null ? PageText.Decode(content) : CharsetDecoder.Decode(content, contentType);
        }
        else
        {
            request.HtmlBytes = ByteString.CopyFrom(content);
            request.ContentType = contentType ?? string.Empty;
        }

        return request;
    }
}
