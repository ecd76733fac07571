using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Properties;

/// <summary>Invariants of the embedded regimes' deadlines, for any moment of receipt the calendars cover.</summary>
public class RegimeDeadlineProperties
{
    private static readonly ComplaintAnalyzer s_analyzer = new();
    private static readonly DateTimeOffset s_first = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Any second from 2025 to late October 2026, so that every period ends inside the calendars' years.
    private static Arbitrary<DateTimeOffset> Receipts { get; } = Arb.From(Gen.Choose(0, 655 * 24 * 3600).Select(seconds => s_first.AddSeconds(seconds)));

    [Property(MaxTest = 300)]
    public Property CN_NFRA_deadlines_end_on_working_days_in_order_within_their_legal_bounds() =>
        Prop.ForAll(Receipts, CN_NFRA_deadlines_hold);

    [Property(MaxTest = 300)]
    public Property UK_FCA_PSD_deadlines_end_on_business_days_in_order() =>
        Prop.ForAll(Receipts, UK_FCA_PSD_deadlines_hold);

    private static void CN_NFRA_deadlines_hold(DateTimeOffset receivedAt)
    {
        var assessment = s_analyzer.Analyze(new Complaint { Id = "p", Text = "x", Regime = "CN-NFRA", ReceivedAt = receivedAt });
        var regime = ComplaintRuleSet.Default.Regimes["CN-NFRA"];
        var received = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(receivedAt, regime.TimeZone).DateTime);
        var dues = assessment.Deadlines.Where(d => d.Due is not null).Select(d => (d.Period!.Value.Amount, Day: DateOnly.FromDateTime(d.Due!.Value.DateTime))).ToList();

        Assert.Equal(3, dues.Count); // 15, 30 and 60 days; the review request waits for the decision
        Assert.Empty(assessment.Warnings);
        foreach (var (amount, day) in dues)
        {
            Assert.True(regime.Calendar.IsBusinessDay(day), $"{received} + {amount} days ends on rest day {day}");
            Assert.InRange(day.DayNumber - received.DayNumber, amount, amount + 10); // China's longest holiday run is 9 days
        }

        Assert.True(dues[0].Day <= dues[1].Day && dues[1].Day <= dues[2].Day);
    }

    private static void UK_FCA_PSD_deadlines_hold(DateTimeOffset receivedAt)
    {
        var assessment = s_analyzer.Analyze(new Complaint
        {
            Id = "p", Text = "x", Regime = "UK-FCA", ReceivedAt = receivedAt,
            Attributes = new Dictionary<string, string> { ["disp_complaint"] = "psd" },
        });
        var final = assessment.Deadlines.Single(d => d.Kind == DeadlineKind.FinalResponse).Due!.Value;
        var extension = assessment.Deadlines.Single(d => d.Kind == DeadlineKind.Extension).Due!.Value;
        var summary = assessment.Deadlines.Single(d => d.Kind == DeadlineKind.SummaryResolution).Due!.Value;

        Assert.True(summary < final && final < extension);
        Assert.All(new[] { summary, final, extension }, d => Assert.True(ComplaintRuleSet.Default.Regimes["UK-FCA"].Calendar.IsBusinessDay(DateOnly.FromDateTime(d.DateTime))));
    }
}
