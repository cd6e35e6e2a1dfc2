namespace Boilerplate.Core.Metadata;

/// <summary>
/// Chooses between the published date the markup states and the one the page's dateline shows. The markup wins
/// unless the dateline shows an earlier day: no page shows a date before it was published, so a later markup date is
/// a re-save or a migration, or a UTC timestamp that fell after midnight while the page's own day had not ended.
/// </summary>
public static class ShownDate
{
    /// <summary>
    /// Latest UTC hour at which a markup timestamp may still be the previous day where the page was written: the
    /// Americas are three to ten hours behind UTC.
    /// </summary>
    public const int LatestUtcHourOfPreviousDay = 10;

    /// <summary>
    /// The published date to give: <paramref name="markup"/>, unless <paramref name="dateline"/> shows an earlier day;
    /// when neither is known, the updated date the dateline shows (<paramref name="shownUpdated"/>): a page that shows
    /// only "Updated March 3, 2025" presents that as its date.
    /// </summary>
    public static DateTimeOffset? Published(DateTimeOffset? markup, DateTimeOffset? dateline, DateTimeOffset? shownUpdated = null)
    {
        if (markup is not { } stated || dateline is not { } shown)
        {
            return markup ?? dateline ?? shownUpdated;
        }

        // Calendar days as each was written: the markup in its own offset, the dateline as the page shows it.
        var statedDay = DateOnly.FromDateTime(stated.DateTime);
        var shownDay = DateOnly.FromDateTime(shown.DateTime);
        if (shownDay < statedDay.AddDays(-1))
        {
            return shown;
        }

        var previousDayInTheAmericas = stated.Offset == TimeSpan.Zero && stated.Hour < LatestUtcHourOfPreviousDay;
        return shownDay == statedDay.AddDays(-1) && previousDayInTheAmericas ? shown : stated;
    }
}
