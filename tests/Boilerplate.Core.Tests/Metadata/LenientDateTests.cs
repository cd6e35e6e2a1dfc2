using System.Globalization;
using Boilerplate.Core.Metadata;

namespace Boilerplate.Core.Tests.Metadata;

/// <summary>Dates found in dateline text.</summary>
public sealed class LenientDateTests
{
    [Theory]
    [InlineData("Dec 17, 2025Lena Hartmann", "2025-12-17")]
    [InlineData("March 2, 2024Updated on: May 5, 2024", "2024-03-02")]
    [InlineData("Published 2025-06-01T08:30:00.000+02:00", "2025-06-01")]
    [InlineData("Dec 17, 20251", null)]
    public void A_date_glued_to_the_next_element_s_text_is_still_found(string text, string? expectedDay) =>
        Assert.Equal(expectedDay, LenientDate.Find(text)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2016年10月14日07:17", "2016-10-14")]
    [InlineData("发布时间：2017年3月10日 来源：光明网", "2017-03-10")]
    [InlineData("記事公開日：2023年4月8日", "2023-04-08")]
    [InlineData("입력 2024년 5월 21일 09:30", "2024-05-21")]
    [InlineData("第2016年", null)]
    [InlineData("2016年13月40日", null)]
    public void Chinese_japanese_and_korean_dates_are_found(string text, string? expectedDay) =>
        Assert.Equal(expectedDay, LenientDate.Find(text)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    [Fact]
    public void A_cjk_date_in_markup_parses() =>
        Assert.Equal(new DateTimeOffset(2016, 10, 14, 0, 0, 0, TimeSpan.Zero), LenientDate.Parse("2016年10月14日"));
}
