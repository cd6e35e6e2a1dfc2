using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Segmentation;
using Boilerplate.Protos.V1;
using DomainCleanOptions = Boilerplate.Core.Cleaning.CleanOptions;
using ProtoCleanOptions = Boilerplate.Protos.V1.CleanOptions;

namespace Boilerplate.Cli.Clean;

/// <summary>
/// Gives an in-process result the shape of the service's response, so `clean` writes one JSON format whether it
/// cleaned locally or through a server. Follows the field documentation of protos/boilerplate/v1/boilerplate.proto.
/// </summary>
internal static class CleanResponseMapping
{
    /// <summary>The domain's options for the request options (the proto's defaults spelled out).</summary>
    public static DomainCleanOptions ToDomain(ProtoCleanOptions options) => new()
    {
        Bias = options.Bias,
        Threshold = options.Threshold > 0 ? options.Threshold : null,
        KeepLabels = options.KeepLabels.Count > 0 ? [.. options.KeepLabels] : DomainCleanOptions.Default.KeepLabels,
        IncludeMarkdown = options.IncludeMarkdown,
        KeepDuplicates = options.KeepDuplicates,
    };

    /// <summary>The response the service would send for <paramref name="result"/>.</summary>
    public static CleanResponse ToResponse(string id, CleanResult result, ProtoCleanOptions options, TimeSpan elapsed)
    {
        var response = new CleanResponse
        {
            Id = id,
            Title = result.Title,
            Text = result.Text,
            Markdown = options.IncludeMarkdown ? result.Markdown : string.Empty,
            ModelVersion = result.ModelVersion,
            Stats = new CleanStats
            {
                Paragraphs = result.Paragraphs.Count,
                Kept = result.Paragraphs.Count(paragraph => paragraph.Kept),
                ElapsedMicros = (long)elapsed.TotalMicroseconds,
            },
        };
        if (options.IncludeParagraphs)
        {
            foreach (var paragraph in result.Paragraphs)
            {
                response.Paragraphs.Add(ToParagraph(paragraph, result.Labels));
            }
        }

        return response;
    }

    private static Paragraph ToParagraph(CleanedParagraph paragraph, IReadOnlyList<string> labels)
    {
        var mapped = new Paragraph
        {
            Text = paragraph.Block.Text,
            Label = paragraph.Label,
            Kept = paragraph.Kept,
            Reason = paragraph.Reason,
            Kind = paragraph.Block.Kind switch
            {
                BlockKind.Paragraph => "paragraph",
                BlockKind.Heading => "heading",
                BlockKind.ListItem => "list_item",
                BlockKind.Quote => "quote",
                BlockKind.TableRow => "table_row",
                BlockKind.Code => "code",
                _ => "other",
            },
            HeadingLevel = paragraph.Block.Kind == BlockKind.Heading ? paragraph.Block.Level : 0,
        };
        for (var i = 0; i < labels.Count; i++)
        {
            mapped.Scores[labels[i]] = paragraph.Scores[i];
        }

        return mapped;
    }
}
