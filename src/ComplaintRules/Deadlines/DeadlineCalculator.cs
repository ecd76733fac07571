namespace ComplaintRules;

/// <summary>Computes when a deadline falls due, in a regime's local time zone and calendar.</summary>
internal static class DeadlineCalculator
{
    private static readonly TimeOnly s_endOfDay = new(23, 59, 59);

    /// <summary>
    /// The last moment of a period that starts at <paramref name="start"/>. Days and weeks are counted in
    /// <paramref name="zone"/>'s local dates, from the day after the start (the start day does not count), and the
    /// deadline is the end (23:59:59) of the last day; hours are elapsed time from the start instant.
    /// </summary>
    /// <param name="start">When the period starts (e.g. the receipt of the complaint).</param>
    /// <param name="period">The period.</param>
    /// <param name="zone">The regime's time zone.</param>
    /// <param name="calendar">Working days, for business days and <paramref name="rollForward"/>.</param>
    /// <param name="rollForward">Whether a deadline that ends on a rest day moves to the end of the next working day.</param>
    /// <returns>The deadline, with <paramref name="zone"/>'s UTC offset at that moment.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public static DateTimeOffset Due(DateTimeOffset start, DeadlinePeriod period, TimeZoneInfo zone, IBusinessCalendar calendar, bool rollForward = false)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(period.Amount, nameof(period));
        if (period.Unit == DeadlineUnit.Hours)
        {
            var instant = start.AddHours(period.Amount);
            return TimeZoneInfo.ConvertTime(instant, zone);
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        switch (period.Unit)
        {
            case DeadlineUnit.CalendarDays:
                day = day.AddDays(period.Amount);
                break;
            case DeadlineUnit.Weeks:
                day = day.AddDays(7 * period.Amount);
                break;
            case DeadlineUnit.BusinessDays:
                for (var counted = 0; counted < period.Amount;)
                {
                    day = NextDay(day, start);
                    if (calendar.IsBusinessDay(day))
                    {
                        counted++;
                    }
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(period), period.Unit, "Unknown deadline unit.");
        }

        while (rollForward && !calendar.IsBusinessDay(day))
        {
            day = NextDay(day, start);
        }

        var local = day.ToDateTime(s_endOfDay);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    // A calendar with no working day in years would loop for ever; ten years is far beyond any complaint deadline.
    private static DateOnly NextDay(DateOnly day, DateTimeOffset start)
    {
        var next = day.AddDays(1);
        if (next.DayNumber - DateOnly.FromDateTime(start.UtcDateTime).DayNumber > 3660)
        {
            throw new InvalidOperationException("The calendar has no working day within ten years of the start.");
        }

        return next;
    }
}
