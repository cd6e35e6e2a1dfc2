using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Segmentation;
using Boilerplate.Mapping;
using CleanOptions = Boilerplate.Protos.V1.CleanOptions;

namespace Boilerplate.Mapping.Tests;

public sealed class CleanResponseMapperTests
{
    private static readonly CleanResult Result = new(
        "Title",
        "Kept text",
        "## Kept\n\nKept text",
        [
            new CleanedBlock(new Block("Kept", BlockKind.Heading) { Level = 2 }, "body", [0.8f, 0.15f, 0.05f], true, string.Empty),
            new CleanedBlock(new Block("Kept text", BlockKind.Paragraph), "body", [0.9f, 0.05f, 0.05f], true, string.Empty),
            new CleanedBlock(new Block("Read more", BlockKind.ListItem), "navigation", [0.1f, 0.85f, 0.05f], false, "navigation"),
        ],
        ["body", "navigation", "legal"],
        "v1")
    {
        PageType = "article",
        Html = "<article>\n<h2>Kept</h2>\n<p>Kept text</p>\n</article>",
    };

    [Fact]
    public void Only_what_the_request_asked_for_is_filled()
    {
        var response = CleanResponseMapper.ToResponse("id-1", Result, null, TimeSpan.FromMilliseconds(2));
        Assert.Equal("id-1", response.Id);
        Assert.Equal("Title", response.Title);
        Assert.Equal("Kept text", response.Text);
        Assert.Equal("v1", response.ModelVersion);
        Assert.Equal("article", response.PageType);
        Assert.Empty(response.Markdown);
        Assert.Empty(response.Html);
        Assert.Empty(response.Paragraphs);
        Assert.Equal(3, response.Stats.Paragraphs);
        Assert.Equal(2, response.Stats.Kept);
        Assert.Equal(2000, response.Stats.ElapsedMicros);
    }

    [Fact]
    public void Paragraphs_carry_label_scores_decision_reason_and_kind()
    {
        var response = CleanResponseMapper.ToResponse("id", Result, new CleanOptions { IncludeMarkdown = true, IncludeParagraphs = true }, TimeSpan.Zero);
        Assert.Equal("## Kept\n\nKept text", response.Markdown);
        Assert.Equal(3, response.Paragraphs.Count);
        var heading = response.Paragraphs[0];
        Assert.Equal(("heading", 2), (heading.Kind, heading.HeadingLevel));
        var dropped = response.Paragraphs[2];
        Assert.Equal(("navigation", false, "navigation", "list_item"), (dropped.Label, dropped.Kept, dropped.Reason, dropped.Kind));
        Assert.Equal(0.85f, dropped.Scores["navigation"]);
        Assert.Equal(1f, dropped.Scores.Values.Sum(), 5);
        Assert.Empty(response.Html);
    }

    [Fact]
    public void Html_is_filled_when_asked_for()
    {
        var response = CleanResponseMapper.ToResponse("id", Result, new CleanOptions { IncludeHtml = true }, TimeSpan.Zero);
        Assert.Equal("<article>\n<h2>Kept</h2>\n<p>Kept text</p>\n</article>", response.Html);
        Assert.Empty(response.Markdown);
    }

    [Fact]
    public void Repairs_are_listed_per_paragraph_with_code_point_offsets_and_counted_in_stats()
    {
        // "😀 " is two UTF-16 units but one code point: the offset must read the same in every language.
        var block = new Block("😀 Mexico’s Calderón", BlockKind.Paragraph)
        {
            Repairs = [new Core.Repair.TextRepair(9, "_", "’"), new Core.Repair.TextRepair(18, "__", "ó")],
        };
        var result = Result with { Blocks = [new CleanedBlock(block, "body", [1f, 0f, 0f], true, string.Empty), .. Result.Blocks] };

        var response = CleanResponseMapper.ToResponse("id", result, new CleanOptions { IncludeParagraphs = true }, TimeSpan.Zero);

        Assert.Equal(2, response.Stats.Repairs);
        Assert.Collection(
            response.Paragraphs[0].Repairs,
            r => Assert.Equal((8, "_", "’"), (r.Offset, r.Original, r.Replacement)),
            r => Assert.Equal((17, "__", "ó"), (r.Offset, r.Original, r.Replacement)));
        Assert.Empty(response.Paragraphs[1].Repairs);
    }

    [Fact]
    public void Metadata_maps_field_by_field_with_times_in_utc()
    {
        var metadata = new Core.Metadata.PageMetadata
        {
            Headline = "Headline",
            Authors = ["Jane Doe", "John Roe"],
            PublishedTime = new DateTimeOffset(2025, 3, 3, 9, 30, 0, TimeSpan.FromHours(2)),
            Language = "pt-BR",
            LanguageDetected = true,
            SiteName = "Example News",
            CanonicalUrl = "https://example.test/a",
            Description = "Summary",
            ImageUrl = "https://example.test/a.jpg",
            Tags = ["science", "space"],
        };

        var response = CleanResponseMapper.ToResponse("id", Result with { Metadata = metadata }, null, TimeSpan.Zero).Metadata;

        Assert.Equal(["Jane Doe", "John Roe"], response.Authors);
        Assert.Equal(new DateTime(2025, 3, 3, 7, 30, 0, DateTimeKind.Utc), response.PublishedTime.ToDateTime());
        Assert.Null(response.ModifiedTime);
        Assert.Equal(("Headline", "pt-BR", true, "Example News"), (response.Headline, response.Language, response.LanguageDetected, response.SiteName));
        Assert.Equal(("https://example.test/a", "Summary", "https://example.test/a.jpg"), (response.CanonicalUrl, response.Description, response.ImageUrl));
        Assert.Equal(["science", "space"], response.Tags);
    }

    [Fact]
    public void A_page_that_says_nothing_gets_empty_metadata_not_none()
    {
        var response = CleanResponseMapper.ToResponse("id", Result, null, TimeSpan.Zero);
        Assert.NotNull(response.Metadata);
        Assert.Empty(response.Metadata.Authors);
        Assert.Null(response.Metadata.PublishedTime);
        Assert.Equal(string.Empty, response.Metadata.Language);
    }
}
