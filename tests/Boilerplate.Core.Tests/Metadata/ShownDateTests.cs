using System.Globalization;
using Boilerplate.Core.Metadata;

namespace Boilerplate.Core.Tests.Metadata;

/// <summary>The published date the markup states against the one the page's dateline shows.</summary>
public sealed class ShownDateTests
{
    [Theory]
    [InlineData("2025-06-24T00:00:00Z", "2024-08-25", "2024-08-25")]
    [InlineData("2025-12-19T03:05:00Z", "2025-12-18", "2025-12-18")]
    [InlineData("2025-12-19T14:05:00Z", "2025-12-18", "2025-12-19")]
    [InlineData("2025-12-19T03:05:00+02:00", "2025-12-18", "2025-12-19")]
    [InlineData("2024-02-01T09:00:00Z", "2025-04-19", "2024-02-01")]
    [InlineData("2024-02-01T09:00:00Z", null, "2024-02-01")]
    [InlineData(null, "2024-02-01", "2024-02-01")]
    public void The_markup_date_stands_unless_the_page_shows_an_earlier_day(string? markup, string? dateline, string expectedDay)
    {
        var published = ShownDate.Published(Parse(markup), Parse(dateline));

        Assert.Equal(expectedDay, published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null, null, "2025-03-03", "2025-03-03")]
    [InlineData(null, "2024-02-01", "2025-03-03", "2024-02-01")]
    [InlineData("2024-02-01T09:00:00Z", null, "2025-03-03", "2024-02-01")]
    public void A_page_that_shows_only_its_updated_date_presents_that_as_its_date(string? markup, string? dateline, string shownUpdated, string expectedDay)
    {
        var published = ShownDate.Published(Parse(markup), Parse(dateline), Parse(shownUpdated));

        Assert.Equal(expectedDay, published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static DateTimeOffset? Parse(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value.Length == 10 ? value + "T00:00:00Z" : value, CultureInfo.InvariantCulture);
}
