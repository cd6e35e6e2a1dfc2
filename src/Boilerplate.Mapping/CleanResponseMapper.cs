using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Segmentation;
using Boilerplate.Protos.V1;
using Google.Protobuf.WellKnownTypes;

namespace Boilerplate.Mapping;

/// <summary>Turns the domain's result into the protobuf response, filling only what the request asked for.</summary>
public static class CleanResponseMapper
{
    /// <summary>The response for <paramref name="result"/>: Markdown, HTML and paragraphs only when <paramref name="options"/> ask for them.</summary>
    public static CleanResponse ToResponse(string id, CleanResult result, Protos.V1.CleanOptions? options, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(result);
        var response = new CleanResponse
        {
            Id = id,
            Title = result.Title,
            Text = result.Text,
            Markdown = options?.IncludeMarkdown == true ? result.Markdown : string.Empty,
            Html = options?.IncludeHtml == true ? result.Html : string.Empty,
            ModelVersion = result.ModelVersion,
            PageType = result.PageType,
            Metadata = ToMetadata(result.Metadata),
            Stats = new CleanStats
            {
                Paragraphs = result.Blocks.Count,
                Kept = result.Blocks.Count(paragraph => paragraph.Kept),
                ElapsedMicros = (long)elapsed.TotalMicroseconds,
                Repairs = result.Blocks.Sum(paragraph => paragraph.Block.Repairs.Count),
            },
        };
        if (options?.IncludeParagraphs == true)
        {
            response.Paragraphs.AddRange(result.Blocks.Select(paragraph => ToParagraph(paragraph, result.Labels)));
        }

        return response;
    }

    /// <summary>The proto's page metadata; timestamps unset where the page gives none.</summary>
    public static Protos.V1.PageMetadata ToMetadata(Core.Metadata.PageMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var mapped = new Protos.V1.PageMetadata
        {
            Headline = metadata.Headline,
            Language = metadata.Language,
            LanguageDetected = metadata.LanguageDetected,
            SiteName = metadata.SiteName,
            CanonicalUrl = metadata.CanonicalUrl,
            Description = metadata.Description,
            ImageUrl = metadata.ImageUrl,
            PublishedTime = metadata.PublishedTime is { } published ? Timestamp.FromDateTimeOffset(published) : null,
            ModifiedTime = metadata.ModifiedTime is { } modified ? Timestamp.FromDateTimeOffset(modified) : null,
        };
        mapped.Authors.AddRange(metadata.Authors);
        mapped.Tags.AddRange(metadata.Tags);
        return mapped;
    }

    private static Paragraph ToParagraph(CleanedBlock paragraph, IReadOnlyList<string> labels)
    {
        var mapped = new Paragraph
        {
            Text = paragraph.Block.Text,
            Label = paragraph.Label,
            Kept = paragraph.Kept,
            Reason = paragraph.Reason,
            Kind = KindName(paragraph.Block.Kind),
            HeadingLevel = paragraph.Block.Kind == BlockKind.Heading ? paragraph.Block.Level : 0,
        };
        for (var i = 0; i < labels.Count; i++)
        {
            mapped.Scores[labels[i]] = paragraph.Scores[i];
        }

        foreach (var repair in paragraph.Block.Repairs)
        {
            mapped.Repairs.Add(new Protos.V1.TextRepair
            {
                Offset = CodePoints(paragraph.Block.Text, repair.Offset),
                Original = repair.Original,
                Replacement = repair.Replacement,
            });
        }

        return mapped;
    }

    /// <summary>Code points in the first <paramref name="utf16Offset"/> UTF-16 units: the proto's offsets read the same in every language.</summary>
    private static int CodePoints(string text, int utf16Offset)
    {
        var count = utf16Offset;
        for (var i = 0; i < utf16Offset && i < text.Length; i++)
        {
            count -= char.IsLowSurrogate(text[i]) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The proto's spelling of a block kind (snake case, as documented on <c>Paragraph.kind</c>).</summary>
    public static string KindName(BlockKind kind) => kind switch
    {
        BlockKind.Paragraph => "paragraph",
        BlockKind.Heading => "heading",
        BlockKind.ListItem => "list_item",
        BlockKind.Quote => "quote",
        BlockKind.TableRow => "table_row",
        BlockKind.Code => "code",
        _ => "other",
    };
}
