using ComplaintRules;

namespace ComplaintRules.Deadlines.Tests;

public class DeadlineCalculatorTests
{
    private static readonly TimeZoneInfo s_shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Chinese_business_days_skip_holidays_and_count_make_up_working_weekends()
    {
        var china = ComplaintRuleSet.Default.Regimes["CN-NFRA"].Calendar;
        Assert.True(china.IsBusinessDay(new DateOnly(2025, 9, 28)));  // Sunday, make-up working day
        Assert.True(china.IsBusinessDay(new DateOnly(2026, 2, 14)));  // Saturday, make-up working day
        Assert.False(china.IsBusinessDay(new DateOnly(2025, 10, 6))); // Monday, National Day holiday
        Assert.False(china.IsBusinessDay(new DateOnly(2025, 9, 27))); // an ordinary Saturday

        // Friday 26 Sep 2025 + 4 business days: Sunday 28 Sep (make-up) is the 1st, 29 and 30 Sep the 2nd and 3rd; the holiday
        // runs to 8 Oct, so the 4th is Thursday 9 Oct.
        var due = DeadlineCalculator.Due(new DateTimeOffset(2025, 9, 26, 9, 0, 0, TimeSpan.FromHours(8)), new DeadlinePeriod(4, DeadlineUnit.BusinessDays), s_shanghai, china);
        Assert.Equal(new DateTimeOffset(2025, 10, 9, 23, 59, 59, TimeSpan.FromHours(8)), due);
    }

    [Fact]
    public void Weekends_only_is_the_calendar_of_a_regime_that_names_none()
    {
        Assert.Same(HolidayCalendar.WeekendsOnly, ComplaintRuleSet.Default.Regimes["US-CFPB"].Calendar);
        var due = DeadlineCalculator.Due(new DateTimeOffset(2025, 1, 31, 10, 0, 0, TimeSpan.Zero), new DeadlinePeriod(1, DeadlineUnit.BusinessDays), TimeZoneInfo.Utc, HolidayCalendar.WeekendsOnly);
        Assert.Equal(new DateTimeOffset(2025, 2, 3, 23, 59, 59, TimeSpan.Zero), due);
    }

    [Fact]
    public void Zero_days_is_the_end_of_the_day_of_receipt_and_a_negative_amount_is_refused()
    {
        var due = DeadlineCalculator.Due(new DateTimeOffset(2025, 5, 6, 1, 0, 0, TimeSpan.Zero), new DeadlinePeriod(0, DeadlineUnit.CalendarDays), s_shanghai, HolidayCalendar.WeekendsOnly);
        Assert.Equal(new DateTimeOffset(2025, 5, 6, 23, 59, 59, TimeSpan.FromHours(8)), due);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DeadlineCalculator.Due(DateTimeOffset.UnixEpoch, new DeadlinePeriod(-1, DeadlineUnit.CalendarDays), s_shanghai, HolidayCalendar.WeekendsOnly));
    }
}
