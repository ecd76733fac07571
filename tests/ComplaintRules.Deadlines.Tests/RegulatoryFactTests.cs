using System.Globalization;
using ComplaintRules;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>
/// One test per legal fact of the embedded regimes, named after the fact and pinned to what its source says
/// (docs/deadlines.md lists the sources): an edit that changes a fact fails the test that names it.
/// </summary>
public class RegulatoryFactTests
{
    private static readonly ComplaintAnalyzer s_analyzer = new();
    private static readonly RegulatoryRegime s_nfra = ComplaintRuleSet.Default.Regimes["CN-NFRA"];
    private static readonly RegulatoryRegime s_cfpb = ComplaintRuleSet.Default.Regimes["US-CFPB"];
    private static readonly RegulatoryRegime s_fca = ComplaintRuleSet.Default.Regimes["UK-FCA"];

    private static ComplaintAssessment Analyze(string regime, string receivedAt, string text = "我要求退还多扣的年费", string? dispComplaint = null) =>
        s_analyzer.Analyze(new Complaint
        {
            Id = "f",
            Text = text,
            Regime = regime,
            ReceivedAt = DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture),
            Attributes = dispComplaint is null ? null : new Dictionary<string, string> { ["disp_complaint"] = dispComplaint },
        });

    private static ComplaintDeadline Deadline(ComplaintAssessment assessment, DeadlineKind kind, int nth = 0) =>
        assessment.Deadlines.Where(d => d.Kind == kind).ElementAt(nth);

    private static RegimeDeadline Definition(RegulatoryRegime regime, DeadlineKind kind, int nth = 0) =>
        regime.Deadlines.Where(d => d.Kind == kind).ElementAt(nth);

    private static DateTimeOffset Beijing(int year, int month, int day, int hour = 23, int minute = 59, int second = 59) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    // 《银行业保险业消费投诉处理管理办法》第十九条

    [Fact]
    public void CN_NFRA_decision_within_15_days_of_receipt_when_the_facts_are_clear_and_the_dispute_simple()
    {
        var resolve = Definition(s_nfra, DeadlineKind.Resolve);
        Assert.Equal(new DeadlinePeriod(15, DeadlineUnit.CalendarDays), resolve.Period);
        Assert.Equal(DeadlineStart.Receipt, resolve.From);
        Assert.Null(resolve.When);
        Assert.Contains("15日内作出处理决定并告知投诉人", resolve.Basis, StringComparison.Ordinal);
        Assert.Equal("第十九条第一款", resolve.Source?.Provision);
        Assert.Equal([HandlingStep.GatherInfo], resolve.MentionIn);
        Assert.Equal("事实清楚、争议情况简单", Deadline(Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00"), DeadlineKind.Resolve).Condition);
    }

    [Fact]
    public void CN_NFRA_complex_case_may_extend_to_30_days_without_an_approval_step()
    {
        var extension = Deadline(Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00"), DeadlineKind.Extension, 0);
        Assert.Equal(new DeadlinePeriod(30, DeadlineUnit.CalendarDays), extension.Period);
        Assert.Equal(Beijing(2025, 4, 30), extension.Due);
        Assert.Equal("情况复杂", extension.Condition);
        Assert.Null(extension.Notice);
        var definition = Definition(s_nfra, DeadlineKind.Extension, 0);
        foreach (var text in new[] { definition.Basis, extension.Condition! })
        {
            Assert.DoesNotContain("批准", text, StringComparison.Ordinal); // the 2013 insurance measures' approval step
            Assert.DoesNotContain("审批", text, StringComparison.Ordinal);
            Assert.DoesNotContain("特殊情形", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CN_NFRA_further_extension_to_60_days_needs_a_higher_approval_and_telling_the_customer()
    {
        var chinese = Deadline(Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00"), DeadlineKind.Extension, 1);
        Assert.Equal(new DeadlinePeriod(60, DeadlineUnit.CalendarDays), chinese.Period);
        Assert.Equal(Beijing(2025, 5, 30), chinese.Due);
        Assert.Contains("经其上级机构或者总行、总公司高级管理人员审批并告知投诉人", chinese.Condition, StringComparison.Ordinal);
        Assert.Contains("上级机构或者总行、总公司高级管理人员审批", chinese.Notice, StringComparison.Ordinal);
        Assert.Contains("告知投诉人", chinese.Notice, StringComparison.Ordinal);
        Assert.Equal([HandlingStep.FollowUp], chinese.MentionIn);

        var english = Deadline(Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00", text: "I want my fee back."), DeadlineKind.Extension, 1);
        Assert.Contains("senior manager of the head office", english.Condition, StringComparison.Ordinal);
        Assert.Contains("customer must be told", english.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void CN_NFRA_time_for_external_appraisal_may_be_left_out_but_the_customer_told_promptly()
    {
        var chinese = Deadline(Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00"), DeadlineKind.Resolve);
        Assert.Contains("相关期间可以不计入处理期限，但应当及时告知投诉人", chinese.Note, StringComparison.Ordinal);
        Assert.Contains("鉴定", chinese.Notice, StringComparison.Ordinal);

        var english = Deadline(Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00", text: "I want my fee back."), DeadlineKind.Resolve);
        Assert.Contains("may be left out of the period, but the customer must be told promptly", english.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("does not count", english.Note, StringComparison.Ordinal);
    }

    // 《银行业保险业消费投诉处理管理办法》第二十一条

    [Fact]
    public void CN_NFRA_review_request_within_30_days_of_receiving_a_branch_decision_in_writing_to_the_higher_level_office()
    {
        var review = Deadline(Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00"), DeadlineKind.ReviewRequest);
        Assert.Equal(new DeadlinePeriod(30, DeadlineUnit.CalendarDays), review.Period);
        Assert.Equal(DeadlineStart.Decision, review.From);
        Assert.Null(review.Due); // the customer's receipt of the decision is not known at triage
        Assert.Contains("自收到处理决定之日起30日内向其上级机构书面申请核查", review.Basis, StringComparison.Ordinal);
        Assert.Equal("处理决定由分支机构作出", review.Condition);
        Assert.Contains("收到处理决定之日起30日内向其上级机构书面申请核查", review.Notice, StringComparison.Ordinal);
        Assert.Equal([HandlingStep.Agree], review.MentionIn);
        Assert.Equal("第二十一条", review.Source?.Provision);

        var english = Deadline(Analyze("CN-NFRA", "2025-03-31T10:00:00+08:00", text: "I want my fee back."), DeadlineKind.ReviewRequest);
        Assert.Contains("in writing", english.Notice, StringComparison.Ordinal);
        Assert.Contains("within 30 days of receiving the decision", english.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void CN_NFRA_review_request_counts_from_the_day_the_customer_received_the_decision()
    {
        var review = Definition(s_nfra, DeadlineKind.ReviewRequest);
        // Decision made on 10 June, received by the customer on 20 June: 30 days from 21 June end on Sunday 20 July.
        Assert.Equal(Beijing(2025, 7, 21), s_nfra.Due(review, Beijing(2025, 6, 20, 16, 0, 0)));

        // The host that knows when the customer received the decision gets the due date in the assessment.
        var complaint = new Complaint
        {
            Id = "r", Text = "我要求退还多扣的年费", Regime = "CN-NFRA", ReceivedAt = Beijing(2025, 6, 1, 10, 0, 0), DecisionReceivedAt = Beijing(2025, 6, 20, 16, 0, 0),
        };
        Assert.Equal(Beijing(2025, 7, 21), Deadline(s_analyzer.Analyze(complaint), DeadlineKind.ReviewRequest).Due);
        Assert.Equal(Beijing(2025, 6, 16), Deadline(s_analyzer.Analyze(complaint), DeadlineKind.Resolve).Due); // still from receipt

        var farFuture = s_analyzer.Analyze(complaint with { DecisionReceivedAt = DateTimeOffset.MaxValue });
        Assert.Null(Deadline(farFuture, DeadlineKind.ReviewRequest).Due);
        Assert.Contains(farFuture.Warnings, w => w.Code == WarningCodes.ReceivedAtOutOfRange && w.Message.StartsWith("decisionReceivedAt", StringComparison.Ordinal));
    }

    // 《中华人民共和国民法典》第二百零一条、第二百零三条

    [Fact]
    public void CN_NFRA_the_day_of_receipt_does_not_count()
    {
        Assert.Equal(Beijing(2025, 4, 15), Deadline(Analyze("CN-NFRA", "2025-03-31T00:00:01+08:00"), DeadlineKind.Resolve).Due);
        Assert.Equal(Beijing(2025, 4, 15), Deadline(Analyze("CN-NFRA", "2025-03-31T23:59:59+08:00"), DeadlineKind.Resolve).Due);
    }

    [Fact]
    public void CN_NFRA_a_period_ending_on_a_rest_day_ends_on_the_next_working_day()
    {
        Assert.All(s_nfra.Deadlines, d => Assert.True(d.RollForward, d.ToString()));
        Assert.Equal(Beijing(2025, 10, 9), Deadline(Analyze("CN-NFRA", "2025-09-16T10:00:00+08:00"), DeadlineKind.Resolve).Due); // 1 Oct, National Day
    }

    [Fact]
    public void CN_NFRA_applies_from_1_March_2020()
    {
        Assert.Equal(new DateOnly(2020, 3, 1), s_nfra.ValidFrom);
        Assert.NotEmpty(Analyze("CN-NFRA", "2020-03-01T00:00:00+08:00").Deadlines);
        Assert.Contains(Analyze("CN-NFRA", "2020-02-29T23:59:59+08:00").Warnings, w => w.Code == WarningCodes.RegimeNotInForce);
    }

    // CFPB Company Portal Manual 8.1

    [Fact]
    public void US_CFPB_response_within_15_calendar_days_of_the_complaint_being_sent_to_the_company()
    {
        var response = Definition(s_cfpb, DeadlineKind.Response);
        Assert.Equal(new DeadlinePeriod(15, DeadlineUnit.CalendarDays), response.Period);
        Assert.False(response.RollForward);
        var deadline = Deadline(Analyze("US-CFPB", "2025-01-31T12:00:00-05:00", text: "I want a refund."), DeadlineKind.Response);
        Assert.Equal(new DateTimeOffset(2025, 2, 15, 23, 59, 59, TimeSpan.FromHours(-5)), deadline.Due);
        Assert.Contains("sends the complaint to the company", deadline.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void US_CFPB_final_response_within_60_calendar_days_of_the_complaint_being_sent_when_in_progress()
    {
        var final = Definition(s_cfpb, DeadlineKind.FinalResponse);
        Assert.Equal(new DeadlinePeriod(60, DeadlineUnit.CalendarDays), final.Period);
        Assert.Contains("in progress", Deadline(Analyze("US-CFPB", "2025-01-31T12:00:00-05:00", text: "I want a refund."), DeadlineKind.FinalResponse).Condition, StringComparison.Ordinal);
    }

    [Fact]
    public void US_CFPB_15_and_60_day_expectations_apply_from_2012_not_from_the_2011_opening()
    {
        Assert.Equal(new DateOnly(2012, 1, 1), s_cfpb.ValidFrom);
        var early = Analyze("US-CFPB", "2011-07-21T12:00:00-04:00", text: "I want a refund.");
        Assert.Empty(early.Deadlines);
        Assert.Contains(early.Warnings, w => w.Code == WarningCodes.RegimeNotInForce);
    }

    // FCA Handbook, DISP 1.5 and 1.6

    [Fact]
    public void UK_FCA_prompt_acknowledgement_is_a_target_the_firm_sets()
    {
        Assert.Null(Definition(s_fca, DeadlineKind.Acknowledge).Period);
        Assert.Equal("DISP 1.6.1R(1)", Definition(s_fca, DeadlineKind.Acknowledge).Source?.Provision);
    }

    [Fact]
    public void UK_FCA_summary_resolution_by_close_of_the_third_business_day_after_receipt()
    {
        Assert.Equal(new DeadlinePeriod(3, DeadlineUnit.BusinessDays), Definition(s_fca, DeadlineKind.SummaryResolution).Period);
        var due = Deadline(Analyze("UK-FCA", "2025-12-23T10:00:00Z", text: "x"), DeadlineKind.SummaryResolution).Due;
        Assert.Equal(new DateTimeOffset(2025, 12, 30, 23, 59, 59, TimeSpan.Zero), due); // 24, then (bank holidays, weekend) 29 and 30 Dec
    }

    [Fact]
    public void UK_FCA_final_response_within_eight_weeks_with_the_ombudsman_referral_right()
    {
        var final = Assert.Single(Analyze("UK-FCA", "2025-01-31T10:00:00Z", text: "x").Deadlines, d => d.Kind == DeadlineKind.FinalResponse);
        Assert.Equal(new DeadlinePeriod(8, DeadlineUnit.Weeks), final.Period);
        Assert.Contains("Financial Ombudsman Service", final.Notice, StringComparison.Ordinal);
        Assert.Equal("DISP 1.6.2R", final.Source?.Provision);
    }

    [Theory]
    [InlineData("psd")]
    [InlineData("emd")]
    public void UK_FCA_PSD_and_EMD_complaints_marked_by_the_host_get_15_business_days(string mark)
    {
        var final = Assert.Single(Analyze("UK-FCA", "2025-12-19T10:00:00Z", text: "x", dispComplaint: mark).Deadlines, d => d.Kind == DeadlineKind.FinalResponse);
        Assert.Equal(new DeadlinePeriod(15, DeadlineUnit.BusinessDays), final.Period);
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 23, 59, 59, TimeSpan.Zero), final.Due);
        Assert.Contains("Parts 6 and 7 of the Payment Services Regulations 2017", final.Basis, StringComparison.Ordinal);
        Assert.Contains("Electronic Money Regulations 2011", final.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void UK_FCA_a_payment_product_alone_does_not_make_a_PSD_complaint()
    {
        var assessment = s_analyzer.Analyze(new Complaint
        {
            Id = "p", Text = "x", Regime = "UK-FCA", Product = "payment_services", ReceivedAt = new DateTimeOffset(2025, 1, 31, 10, 0, 0, TimeSpan.Zero),
        });
        var final = Assert.Single(assessment.Deadlines, d => d.Kind == DeadlineKind.FinalResponse);
        Assert.Equal(new DeadlinePeriod(8, DeadlineUnit.Weeks), final.Period);
        Assert.Contains("disp_complaint", final.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(assessment.Deadlines, d => d.Kind == DeadlineKind.Extension);
    }

    [Fact]
    public void UK_FCA_exceptionally_35_business_days_with_a_holding_response_within_15()
    {
        var extension = Deadline(Analyze("UK-FCA", "2025-12-19T10:00:00Z", text: "x", dispComplaint: "psd"), DeadlineKind.Extension);
        Assert.Equal(new DeadlinePeriod(35, DeadlineUnit.BusinessDays), extension.Period);
        Assert.Equal(new DateTimeOffset(2026, 2, 11, 23, 59, 59, TimeSpan.Zero), extension.Due);
        Assert.Contains("holding response within 15 business days", extension.Condition, StringComparison.Ordinal);
        Assert.Equal("DISP 1.6.2AR(2)", extension.Source?.Provision);
    }

    // Calendars: the State Council's holiday notices and GOV.UK's bank holidays

    [Fact]
    public void CN_2025_National_Day_and_Mid_Autumn_holiday_runs_1_to_8_October_with_28_September_and_11_October_worked()
    {
        var china = s_nfra.Calendar;
        Assert.All(Enumerable.Range(1, 8), d => Assert.False(china.IsBusinessDay(new DateOnly(2025, 10, d))));
        Assert.True(china.IsBusinessDay(new DateOnly(2025, 9, 28)));
        Assert.True(china.IsBusinessDay(new DateOnly(2025, 10, 11)));
    }

    [Fact]
    public void CN_2026_Spring_Festival_runs_15_to_23_February_with_14_and_28_February_worked()
    {
        var china = s_nfra.Calendar;
        Assert.All(Enumerable.Range(15, 9), d => Assert.False(china.IsBusinessDay(new DateOnly(2026, 2, d))));
        Assert.True(china.IsBusinessDay(new DateOnly(2026, 2, 14)));
        Assert.True(china.IsBusinessDay(new DateOnly(2026, 2, 28)));
    }

    [Fact]
    public void GB_EAW_2026_Boxing_Day_falls_on_a_Saturday_so_Monday_28_December_is_the_bank_holiday()
    {
        var england = s_fca.Calendar;
        Assert.False(england.IsBusinessDay(new DateOnly(2026, 12, 28)));
        Assert.False(england.IsBusinessDay(new DateOnly(2026, 12, 25)));
        Assert.True(england.IsBusinessDay(new DateOnly(2026, 12, 29)));
    }
}
