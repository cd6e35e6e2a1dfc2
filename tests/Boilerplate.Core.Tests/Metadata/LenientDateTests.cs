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
}
