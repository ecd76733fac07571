using ComplaintRules;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>Outcome alerts over synthetic outcome streams on a fake clock: raised once while they hold, cleared when they stop.</summary>
public class OutcomeMonitorTests
{
    private static readonly DateTimeOffset s_start = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static (ComplaintMonitor Monitor, FakeTimeProvider Clock, List<ComplaintAlert> Raised, List<ComplaintAlert> Cleared) Monitor(string alerts)
    {
        var clock = new FakeTimeProvider(s_start);
        var rules = ComplaintRuleSet.Load(RuleSetSource.Default, RuleSetSource.FromJson($$"""{ "alerts": {{alerts}} }"""));
        var monitor = new ComplaintMonitor(rules, clock);
        var (raised, cleared) = (new List<ComplaintAlert>(), new List<ComplaintAlert>());
        monitor.AlertRaised += (_, a) => raised.Add(a);
        monitor.AlertCleared += (_, a) => cleared.Add(a);
        return (monitor, clock, raised, cleared);
    }

    private static int s_next;

    private static ComplaintOutcome Outcome(int? satisfaction, bool reopened = false, params string[] remedies) => new()
    {
        ComplaintId = $"c{Interlocked.Increment(ref s_next)}",
        Resolved = !reopened,
        Satisfaction = satisfaction,
        Reopened = reopened,
        RemediesGiven = remedies,
    };

    private static void Feed(ComplaintMonitor monitor, FakeTimeProvider clock, int times, Func<ComplaintOutcome> outcome)
    {
        for (var i = 0; i < times; i++)
        {
            monitor.RecordOutcome(outcome());
            clock.Advance(TimeSpan.FromMinutes(5));
        }
    }

    private const string Below = """{ "csat_low": { "type": "satisfaction_drop", "window": "1d", "minCount": 5, "below": 3.5 } }""";

    [Fact]
    public void A_satisfaction_drop_fires_once_and_clears_when_the_mean_recovers()
    {
        var (monitor, clock, raised, cleared) = Monitor(Below);

        Feed(monitor, clock, 4, () => Outcome(2));
        Assert.Empty(raised); // four rated outcomes: below minCount

        var fifth = monitor.RecordOutcome(Outcome(2));
        var alert = Assert.Single(fifth);
        Assert.Equal(AlertRuleType.SatisfactionDrop, alert.Type);
        Assert.Equal("all", alert.Key);
        Assert.Equal(5, alert.Count);
        Assert.Equal(2.0, alert.MeanSatisfaction);
        Assert.Contains("below 3.5", alert.Message, StringComparison.Ordinal);
        Assert.Equal([alert], monitor.GetActiveAlerts());

        Feed(monitor, clock, 5, () => Outcome(1)); // still low: no second alert
        Feed(monitor, clock, 20, () => Outcome(5)); // mean (5·2 + 5·1 + 20·5) / 30 = 3.83: recovered

        Assert.Single(raised);
        Assert.Equal("csat_low", Assert.Single(cleared).RuleId);
        Assert.Empty(monitor.GetActiveAlerts());
    }

    [Fact]
    public void Too_few_outcomes_never_fire()
    {
        var (monitor, clock, raised, _) = Monitor("""{ "csat_low": { "type": "satisfaction_drop", "window": "1d", "minCount": 10, "below": 4, "dropBy": 0.5 }, "reopens": { "type": "reopen_rate", "window": "1d", "minCount": 10, "ratePercent": 20 } }""");

        Feed(monitor, clock, 9, () => Outcome(1, reopened: true));
        Feed(monitor, clock, 30, () => Outcome(null)); // unrated outcomes do not count towards a satisfaction mean
        clock.Advance(TimeSpan.FromDays(1));
        Feed(monitor, clock, 9, () => Outcome(1));

        Assert.DoesNotContain(raised, a => a.RuleId == "csat_low");
        Assert.DoesNotContain(monitor.GetActiveAlerts(), a => a.RuleId == "csat_low");
    }

    [Fact]
    public void A_fall_from_the_previous_window_fires_and_clears_when_too_few_outcomes_remain()
    {
        var (monitor, clock, raised, cleared) = Monitor("""{ "csat_drop": { "type": "satisfaction_drop", "window": "1d", "minCount": 4, "dropBy": 1 } }""");

        Feed(monitor, clock, 4, () => Outcome(5));
        clock.SetUtcNow(s_start.AddDays(1));
        Feed(monitor, clock, 3, () => Outcome(3));
        Assert.Empty(raised);
        monitor.RecordOutcome(Outcome(3));

        var alert = Assert.Single(raised);
        Assert.Equal(3.0, alert.MeanSatisfaction);
        Assert.Equal(5.0, alert.PreviousMeanSatisfaction);
        Assert.Equal(4, alert.Baseline);

        clock.SetUtcNow(s_start.AddDays(3)); // both windows empty: nothing left to judge
        Assert.Empty(monitor.GetActiveAlerts());
        Assert.Single(cleared);
    }

    [Fact]
    public void A_reopen_rate_at_its_threshold_fires_once()
    {
        var (monitor, clock, raised, _) = Monitor("""{ "reopens": { "type": "reopen_rate", "window": "7d", "minCount": 4, "ratePercent": 50 } }""");

        Feed(monitor, clock, 1, () => Outcome(4, reopened: true));
        Feed(monitor, clock, 2, () => Outcome(4));
        Assert.Empty(raised);
        Feed(monitor, clock, 1, () => Outcome(4, reopened: true)); // 2 of 4
        Feed(monitor, clock, 3, () => Outcome(2, reopened: true));

        var alert = Assert.Single(raised);
        Assert.Equal(50.0, alert.ReopenRatePercent);
        Assert.Equal(4, alert.Count);
    }

    [Fact]
    public void Counted_by_remedy_each_remedy_given_has_its_own_window()
    {
        var (monitor, clock, raised, _) = Monitor("""{ "csat_by_remedy": { "type": "satisfaction_drop", "dimension": "remedy", "window": "7d", "minCount": 3, "below": 3 } }""");

        Feed(monitor, clock, 3, () => Outcome(1, false, "goodwill_credit", "private_apology"));
        Feed(monitor, clock, 3, () => Outcome(5, false, "refund"));

        Assert.Equal(["goodwill_credit", "private_apology"], raised.Select(a => a.Key).Order());
        Assert.All(raised, a => Assert.Equal(AlertDimension.Remedy, a.Dimension));
    }

    [Fact]
    public void Rules_by_cause_count_only_outcomes_reported_with_their_assessment()
    {
        var (monitor, clock, raised, _) = Monitor("""{ "venting_csat": { "type": "satisfaction_drop", "dimension": "cause", "value": "venting", "window": "7d", "minCount": 2, "below": 3 } }""");
        ComplaintAssessment Venting(string id) => new ComplaintAnalyzer().Analyze(new Complaint { Id = id, Text = "垃圾银行！！！气死我了！！！" }) is var a && a.PrimaryCause == RootCause.Venting
            ? a : throw new InvalidOperationException("the text should read as venting");

        Feed(monitor, clock, 5, () => Outcome(1)); // no assessment: not counted
        Assert.Empty(raised);
        var first = Outcome(1);
        var second = Outcome(2);
        monitor.RecordOutcome(first, Venting(first.ComplaintId));
        monitor.RecordOutcome(second, Venting(second.ComplaintId));

        Assert.Equal("venting", Assert.Single(raised).Key);
        Assert.Throws<ArgumentException>(() => monitor.RecordOutcome(Outcome(3), Venting("someone-else")));
    }

    [Fact]
    public void Outcomes_out_of_range_are_refused_with_the_field_named()
    {
        var (monitor, _, _, _) = Monitor(Below);

        Assert.Equal("Satisfaction", Assert.Throws<ArgumentOutOfRangeException>(() => monitor.RecordOutcome(Outcome(6))).ParamName);
        Assert.Equal("ComplaintId", Assert.Throws<ArgumentException>(() => monitor.RecordOutcome(new ComplaintOutcome { ComplaintId = " ", Resolved = true })).ParamName);
    }

    [Theory]
    [InlineData("""{ "type": "satisfaction_drop", "window": "1d", "below": 3 }""", "minCount")]
    [InlineData("""{ "type": "satisfaction_drop", "window": "1d", "minCount": 5 }""", "\"below\"")]
    [InlineData("""{ "type": "satisfaction_drop", "window": "1d", "minCount": 5, "below": 7 }""", "below must be")]
    [InlineData("""{ "type": "satisfaction_drop", "window": "1d", "minCount": 5, "below": 3, "dimension": "product" }""", "dimension 'product'")]
    [InlineData("""{ "type": "reopen_rate", "window": "1d", "minCount": 5 }""", "ratePercent")]
    [InlineData("""{ "type": "reopen_rate", "window": "1d", "minCount": 5, "ratePercent": 20, "threshold": 3 }""", "threshold")]
    [InlineData("""{ "type": "volume", "dimension": "cause", "window": "1d", "threshold": 3, "minCount": 2 }""", "minCount")]
    public void Invalid_outcome_rules_are_CR0301_naming_the_member(string rule, string mentioned)
    {
        var diagnostics = ComplaintRuleSet.Validate(RuleSetSource.FromJson($$"""{ "alerts": { "r": {{rule}} } }"""));

        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidAlert, d.Code);
        Assert.Equal("r", d.RuleId);
        Assert.Contains(mentioned, d.Message, StringComparison.Ordinal);
    }
}
