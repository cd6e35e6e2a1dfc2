using System.Text;
using Boilerplate.Core.Metadata;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Metadata;

/// <summary>JSON-LD and dates written to hurt: nothing throws, nothing unbounded is kept, and good data after bad still counts.</summary>
public sealed class HostileMetadataTests
{
    private static PageMetadata Read(string head) =>
        new HtmlSegmenter(SegmentationLimits.Default).Segment($"<html><head>{head}</head><body><p>Body text.</p></body></html>", "https://x.example/", CancellationToken.None).Markup;

    private static string Script(string json) => $"<script type=\"application/ld+json\">{json}</script>";

    private const string Good = """{"@type": "Article", "author": "Anna Berger", "datePublished": "2025-01-02"}""";

    [Fact]
    public void Nesting_deeper_than_the_limit_skips_that_script_only()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000);

        var metadata = Read(Script(deep) + Script(deepObject) + Script(Good));

        Assert.Equal(["Anna Berger"], metadata.Authors);
    }

    [Fact]
    public void A_script_over_the_size_limit_is_not_parsed()
    {
        var padding = new string(' ', JsonLdReader.MaxScriptChars);
        var metadata = Read(Script(Good.Replace("{", "{" + padding, StringComparison.Ordinal)));

        Assert.Empty(metadata.Authors);
    }

    [Fact]
    public void Only_the_first_scripts_are_kept_and_the_objects_visited_are_bounded()
    {
        var many = string.Concat(Enumerable.Repeat(Script("""{"@type": "Thing"}"""), 200)) + Script(Good);
        var wide = "[" + string.Join(",", Enumerable.Repeat("""{"@type": "Thing", "x": [{}, {}]}""", 20_000)) + "," + Good + "]";

        Assert.Empty(Read(many).Authors);
        Assert.Empty(Read(Script(wide)).Authors);
    }

    [Theory]
    [InlineData("""{"@type": "Article", "author": "\uD800", "datePublished": "2025-01-02"}""")]
    [InlineData("""{"@type": "Article", "author": {"name": 42}, "datePublished": 2025}""")]
    [InlineData("""{"@type": "Article", "author": [[["x"]]], "datePublished": {"@value": "not a date"}}""")]
    [InlineData("""{"@type": {"@id": 1}, "@graph": "nope", "author": null}""")]
    [InlineData("""{"@type": "Article", "author": {"@id": "#loop"}, "@id": "#loop", "name": {"@id": "#loop"}}""")]
    [InlineData("""{"@type": "Article", "datePublished": "99999-99-99T99:99:99+99:99", "image": {"url": "javascript:alert(1)"}}""")]
    [InlineData("""<!-- {"@type": "Article" -->""")]
    [InlineData("""{"@type": "Article",,, "author": }""")]
    [InlineData("\u0000\u0001{")]
    public void Malformed_or_strange_json_ld_never_throws(string json)
    {
        var metadata = Read(Script(json));

        Assert.All(metadata.Authors, author => Assert.True(author.Length <= MetadataText.MaxNameChars));
        Assert.Equal(string.Empty, metadata.ImageUrl);
    }

    [Fact]
    public void Huge_values_are_cut_to_their_bounds()
    {
        var longName = new string('A', 50_000);
        var json = $$"""{"@type": "Article", "author": [{{string.Join(",", Enumerable.Repeat($"\"{longName}\"", 2))}}, {{string.Join(",", Enumerable.Range(0, 500).Select(i => $"\"Person {i}\""))}}], "description": "{{longName}}", "keywords": "{{string.Join(",", Enumerable.Range(0, 1000))}}"}""";

        var metadata = Read(Script(json));

        Assert.InRange(metadata.Authors.Count, 1, MetadataText.MaxItems);
        Assert.All(metadata.Authors, author => Assert.True(author.Length <= MetadataText.MaxNameChars));
        Assert.True(metadata.Description.Length <= MetadataText.MaxDescriptionChars);
        Assert.Equal(MetadataText.MaxItems, metadata.Tags.Count);
    }

    [Theory]
    [InlineData("2025-09-04", 2025, 9, 4)]
    [InlineData("2025-09-04T10:00:00+0200", 2025, 9, 4)]
    [InlineData("2025-09-04 10:00:00", 2025, 9, 4)]
    [InlineData("September 4th, 2025", 2025, 9, 4)]
    [InlineData("Sept. 4, 2025", 2025, 9, 4)]
    [InlineData("4 Sep 2025", 2025, 9, 4)]
    [InlineData("Thu, 04 Sep 2025 10:00:00 GMT", 2025, 9, 4)]
    [InlineData("2025/09/04", 2025, 9, 4)]
    [InlineData("04.09.2025", 2025, 9, 4)]
    public void Dates_parse_leniently(string text, int year, int month, int day)
    {
        var date = LenientDate.Parse(text);

        Assert.NotNull(date);
        Assert.Equal((year, month, day), (date.Value.Year, date.Value.Month, date.Value.Day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("0001-01-01")]
    [InlineData("3025-01-01")]
    [InlineData("2025-13-45")]
    [InlineData("12345")]
    public void Implausible_dates_are_none(string text) => Assert.Null(LenientDate.Parse(text));

    [Fact]
    public void A_long_date_string_is_not_read()
    {
        var sb = new StringBuilder("2025-09-04");
        sb.Append(' ', LenientDate.MaxChars);
        Assert.Null(LenientDate.Parse(sb.ToString()));
    }

    [Theory]
    [InlineData("en_US", "en-US")]
    [InlineData("EN-us", "en-US")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("de, en", "de")]
    [InlineData("und", "")]
    [InlineData("<script>", "")]
    [InlineData("x", "")]
    public void Language_tags_are_normalized_or_dropped(string value, string expected) => Assert.Equal(expected, LanguageTag.Normalize(value));
}
