using System.Text.Json;
using ComplaintRules;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>The embedded regimes, through the public analyzer: month ends, holidays, time-zone edges, extensions.</summary>
public class RegimeDeadlinesTests
{
    private static readonly ComplaintAnalyzer s_analyzer = new();

    private static ComplaintAssessment Analyze(string regime, string receivedAt, string? dispComplaint = null, string text = "You charged me twice and I want a refund.") =>
        s_analyzer.Analyze(new Complaint
        {
            Id = "t",
            Text = text,
            Regime = regime,
            ReceivedAt = DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture),
            Attributes = dispComplaint is null ? null : new Dictionary<string, string> { ["disp_complaint"] = dispComplaint },
        });

    private static string Due(ComplaintAssessment assessment, DeadlineKind kind, int nth = 0) =>
        assessment.Deadlines.Where(d => d.Kind == kind).ElementAt(nth).Due?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) ?? "open";

    [Fact]
    public void The_default_rule_set_ships_the_three_regimes()
    {
        Assert.Equal(["CN-NFRA", "UK-FCA", "US-CFPB"], ComplaintRuleSet.Default.Regimes.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(ComplaintRuleSet.Validate(RuleSetSource.Default));
        Assert.Equal("Asia/Shanghai", ComplaintRuleSet.Default.Regimes["cn-nfra"].TimeZone.Id);
    }

    [Theory]
    [InlineData("2025-03-31T10:00:00+08:00", "2025-04-15T23:59:59+08:00")] // month end, plain 15 days
    [InlineData("2025-01-31T10:00:00+08:00", "2025-02-17T23:59:59+08:00")] // ends on Saturday 15 Feb: rolls to Monday
    [InlineData("2025-09-16T10:00:00+08:00", "2025-10-09T23:59:59+08:00")] // ends on 1 Oct: rolls past the National Day holiday
    [InlineData("2025-09-13T10:00:00+08:00", "2025-09-28T23:59:59+08:00")] // ends on Sunday 28 Sep, a make-up working day: stays
    [InlineData("2026-02-13T10:00:00+08:00", "2026-02-28T23:59:59+08:00")] // ends on Saturday 28 Feb 2026, a make-up working day
    [InlineData("2026-02-01T10:00:00+08:00", "2026-02-24T23:59:59+08:00")] // ends on 16 Feb, inside Spring Festival 2026
    public void CN_NFRA_decides_within_15_days_rolled_off_rest_days(string receivedAt, string due)
    {
        var assessment = Analyze("CN-NFRA", receivedAt);
        Assert.Equal(due, Due(assessment, DeadlineKind.Resolve));
        Assert.Empty(assessment.Warnings);
    }

    [Fact]
    public void CN_NFRA_counts_in_Beijing_time_either_side_of_local_midnight()
    {
        Assert.Equal("2025-04-15T23:59:59+08:00", Due(Analyze("CN-NFRA", "2025-03-31T15:59:59Z"), DeadlineKind.Resolve)); // 23:59:59 on 31 Mar
        Assert.Equal("2025-04-16T23:59:59+08:00", Due(Analyze("CN-NFRA", "2025-03-31T16:00:01Z"), DeadlineKind.Resolve)); // 00:00:01 on 1 Apr
    }

    [Fact]
    public void CN_NFRA_lists_both_extensions_with_their_conditions_and_the_review_route()
    {
        var assessment = Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00");
        Assert.Equal("2025-04-30T23:59:59+08:00", Due(assessment, DeadlineKind.Extension, 0));
        Assert.Equal("2025-05-30T23:59:59+08:00", Due(assessment, DeadlineKind.Extension, 1));
        Assert.All(assessment.Deadlines.Where(d => d.Kind == DeadlineKind.Extension), d => Assert.False(string.IsNullOrEmpty(d.Condition)));

        var review = Assert.Single(assessment.Deadlines, d => d.Kind == DeadlineKind.ReviewRequest);
        Assert.Null(review.Due); // counted from the decision, which triage cannot know
        Assert.Equal(DeadlineStart.Decision, review.From);
        Assert.Contains(HandlingStep.Agree, review.MentionIn);
        Assert.Contains("review", review.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_deadline_is_computed_from_the_decision_on_request()
    {
        var regime = ComplaintRuleSet.Default.Regimes["CN-NFRA"];
        var review = regime.Deadlines.Single(d => d.Kind == DeadlineKind.ReviewRequest);
        var due = regime.Due(review, new DateTimeOffset(2025, 6, 20, 16, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(new DateTimeOffset(2025, 7, 21, 23, 59, 59, TimeSpan.FromHours(8)), due); // 20 Jul is a Sunday
    }

    [Fact]
    public void Chinese_complaints_get_the_notices_in_Chinese()
    {
        var assessment = Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00", text: "说好的免年费，结果还是扣了我300元年费！！");
        var review = assessment.Deadlines.Single(d => d.Kind == DeadlineKind.ReviewRequest);
        Assert.Contains("核查", review.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void US_CFPB_counts_calendar_days_in_New_York_time_across_daylight_saving()
    {
        var assessment = Analyze("US-CFPB", "2025-01-31T12:00:00-05:00");
        Assert.Equal("2025-02-15T23:59:59-05:00", Due(assessment, DeadlineKind.Response)); // a Saturday: calendar days do not roll
        Assert.Equal("2025-04-01T23:59:59-04:00", Due(assessment, DeadlineKind.FinalResponse)); // after the switch to EDT
        Assert.NotNull(assessment.Deadlines.Single(d => d.Kind == DeadlineKind.FinalResponse).Condition);
    }

    [Fact]
    public void US_CFPB_receipt_either_side_of_local_midnight()
    {
        Assert.Equal("2025-03-15T23:59:59-04:00", Due(Analyze("US-CFPB", "2025-03-01T04:59:00Z"), DeadlineKind.Response)); // 23:59 EST on 28 Feb
        Assert.Equal("2025-03-16T23:59:59-04:00", Due(Analyze("US-CFPB", "2025-03-01T05:01:00Z"), DeadlineKind.Response)); // 00:01 on 1 Mar
    }

    [Fact]
    public void UK_FCA_counts_business_days_over_Christmas_and_New_Year()
    {
        var assessment = Analyze("UK-FCA", "2025-12-19T10:00:00Z", dispComplaint: "psd");
        Assert.Equal("open", Due(assessment, DeadlineKind.Acknowledge));
        Assert.Equal("2025-12-24T23:59:59+00:00", Due(assessment, DeadlineKind.SummaryResolution));
        Assert.Equal("2026-01-14T23:59:59+00:00", Due(assessment, DeadlineKind.FinalResponse)); // 15 business days
        Assert.Equal("2026-02-11T23:59:59+00:00", Due(assessment, DeadlineKind.Extension)); // exceptionally 35
        Assert.Single(assessment.Deadlines, d => d.Kind == DeadlineKind.FinalResponse);
    }

    [Fact]
    public void UK_FCA_gives_other_complaints_eight_weeks_and_no_extension()
    {
        var assessment = Analyze("UK-FCA", "2025-01-31T10:00:00Z");
        Assert.Equal("2025-03-28T23:59:59+00:00", Due(assessment, DeadlineKind.FinalResponse)); // month end + 8 weeks
        Assert.Single(assessment.Deadlines, d => d.Kind == DeadlineKind.FinalResponse);
        Assert.DoesNotContain(assessment.Deadlines, d => d.Kind == DeadlineKind.Extension);
    }

    [Fact]
    public void UK_FCA_skips_the_Easter_bank_holidays()
    {
        Assert.Equal("2025-04-23T23:59:59+01:00", Due(Analyze("UK-FCA", "2025-04-16T09:00:00+01:00"), DeadlineKind.SummaryResolution));
    }

    [Fact]
    public void UK_FCA_receipt_either_side_of_local_midnight_in_summer_time()
    {
        Assert.Equal("2025-07-03T23:59:59+01:00", Due(Analyze("UK-FCA", "2025-06-30T22:59:59Z"), DeadlineKind.SummaryResolution)); // 23:59:59 BST Monday
        Assert.Equal("2025-07-04T23:59:59+01:00", Due(Analyze("UK-FCA", "2025-06-30T23:00:01Z"), DeadlineKind.SummaryResolution)); // 00:00:01 Tuesday
    }

    [Fact]
    public void A_host_acknowledgement_target_fills_the_open_one()
    {
        var options = new ComplaintAnalyzerOptions();
        options.Deadlines.AcknowledgementTargets["UK-FCA"] = new DeadlinePeriod(1, DeadlineUnit.BusinessDays);
        options.Deadlines.AcknowledgementTargets["US-CFPB"] = new DeadlinePeriod(24, DeadlineUnit.Hours);
        var analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Default, options);

        var uk = analyzer.Analyze(new Complaint { Id = "u", Text = "x", Regime = "UK-FCA", ReceivedAt = new DateTimeOffset(2025, 12, 19, 17, 0, 0, TimeSpan.Zero) });
        var ack = uk.Deadlines.Single(d => d.Kind == DeadlineKind.Acknowledge);
        Assert.Equal(new DateTimeOffset(2025, 12, 22, 23, 59, 59, TimeSpan.Zero), ack.Due);
        Assert.Contains("host", ack.Basis, StringComparison.Ordinal);

        var us = analyzer.Analyze(new Complaint { Id = "v", Text = "x", Regime = "US-CFPB", ReceivedAt = new DateTimeOffset(2025, 3, 8, 12, 0, 0, TimeSpan.FromHours(-5)) });
        Assert.Equal(new DateTimeOffset(2025, 3, 9, 13, 0, 0, TimeSpan.FromHours(-4)), us.Deadlines[0].Due); // 24 elapsed hours across the DST switch
    }

    [Fact]
    public void No_regime_means_no_deadlines_and_no_warning()
    {
        var assessment = s_analyzer.Analyze(new Complaint { Id = "n", Text = "I want a refund." });
        Assert.Empty(assessment.Deadlines);
        Assert.Empty(assessment.Warnings);
    }

    [Fact]
    public void The_default_regime_applies_and_a_missing_receipt_time_is_the_clock_now()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 2, 0, 0, TimeSpan.Zero));
        var options = new ComplaintAnalyzerOptions { Deadlines = { DefaultRegime = "CN-NFRA", TimeProvider = clock } };
        var analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Default, options);
        var assessment = analyzer.Analyze(new Complaint { Id = "d", Text = "我要退款" });
        Assert.Equal("2025-04-15T23:59:59+08:00", Due(assessment, DeadlineKind.Resolve));
        Assert.Contains(assessment.Warnings, w => w.Message.Contains("receivedAt", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_regime_or_one_not_yet_in_force_is_a_warning()
    {
        var unknown = Analyze("FR-ACPR", "2025-03-31T10:00:00Z");
        Assert.Empty(unknown.Deadlines);
        Assert.Contains(unknown.Warnings, w => w.Message.Contains("FR-ACPR", StringComparison.Ordinal) && w.Message.Contains("CN-NFRA", StringComparison.Ordinal));

        var early = Analyze("CN-NFRA", "2019-12-31T10:00:00+08:00");
        Assert.Empty(early.Deadlines);
        Assert.Contains(early.Warnings, w => w.Message.Contains("2020-03-01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_period_beyond_the_holiday_data_is_flagged()
    {
        var assessment = Analyze("CN-NFRA", "2026-12-25T10:00:00+08:00");
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.CalendarNotCovered && w.Message.StartsWith("calendar 'CN'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_host_calendar_replaces_the_rule_sets()
    {
        var options = new ComplaintAnalyzerOptions();
        options.Deadlines.Calendars["CN"] = new HolidayCalendar("CN", [DayOfWeek.Saturday, DayOfWeek.Sunday], [new DateOnly(2027, 4, 15)], [], [2027]);
        var analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Default, options);
        var assessment = analyzer.Analyze(new Complaint { Id = "h", Text = "x", Regime = "CN-NFRA", ReceivedAt = new DateTimeOffset(2027, 3, 31, 10, 0, 0, TimeSpan.FromHours(8)) });
        Assert.Equal("2027-04-16T23:59:59+08:00", Due(assessment, DeadlineKind.Resolve));
        Assert.Empty(assessment.Warnings);
    }

    [Fact]
    public void The_JSON_output_carries_the_deadlines()
    {
        using var json = JsonDocument.Parse(ComplaintJson.Serialize(Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00")));
        var first = json.RootElement.GetProperty("deadlines")[0];
        Assert.Equal("resolve", first.GetProperty("kind").GetString());
        Assert.Equal("2025-04-15T23:59:59+08:00", first.GetProperty("due").GetString());
        Assert.Equal("calendar_days", first.GetProperty("period").GetProperty("unit").GetString());
        Assert.Equal("gather_info", first.GetProperty("mentionIn")[0].GetString());

        using var none = JsonDocument.Parse(ComplaintJson.Serialize(s_analyzer.Analyze(new Complaint { Id = "n", Text = "x" })));
        Assert.Equal(0, none.RootElement.GetProperty("deadlines").GetArrayLength());
    }
}
