using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Boilerplate.Protos.V1;
using Google.Protobuf;

namespace Boilerplate.Cli.Clean;

/// <summary>
/// Writes one JSON object a line per page: the service's response in the proto's JSON mapping (proto field
/// names, so <c>model_version</c>, <c>heading_level</c>), with the file's <c>path</c> first, and
/// <c>error</c> instead of the result when the page failed. Not thread-safe: one writer, pages in order.
/// </summary>
internal sealed class PageJsonWriter(TextWriter output) : IPageWriter
{
    private static readonly JsonFormatter Formatter = new(
        JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithPreserveProtoFieldNames(true));

    // Data for pipelines, not for embedding in HTML: text stays readable UTF-8 (’ not \u2019), with only what
    // JSON itself requires escaped.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a cleaned page; markdown, html and paragraphs only when they were asked for.</summary>
    public Task WriteAsync(PageFile page, CleanResponse response, CleanOptions options, CancellationToken cancellationToken)
    {
        var json = JsonNode.Parse(Formatter.Format(response))!.AsObject();
        if (!options.IncludeMarkdown)
        {
            json.Remove("markdown");
        }

        if (!options.IncludeHtml)
        {
            json.Remove("html");
        }

        if (!options.IncludeParagraphs)
        {
            json.Remove("paragraphs");
        }

        json.Insert(0, "path", page.Path);
        return WriteLineAsync(json, cancellationToken);
    }

    /// <summary>Writes a page that could not be cleaned.</summary>
    public Task WriteErrorAsync(PageFile page, string error, CancellationToken cancellationToken) =>
        WriteLineAsync(new JsonObject { ["path"] = page.Path, ["id"] = page.Id, ["error"] = error }, cancellationToken);

    private async Task WriteLineAsync(JsonObject json, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(json.ToJsonString(Compact).AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}
