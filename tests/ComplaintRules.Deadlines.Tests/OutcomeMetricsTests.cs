using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ComplaintRules;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>Outcomes and outcome alerts on the ComplaintRules meter: counts by resolved and reopened, scores, alerts raised and cleared.</summary>
public class OutcomeMetricsTests
{
    [Fact]
    public void Outcomes_scores_and_outcome_alerts_are_measured()
    {
        // Tests run in parallel: a rule id of this test's own, and outcome counts of at least what this test reports.
        var rule = $"csat_{Guid.NewGuid():N}";
        var measured = new ConcurrentBag<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ComplaintRulesTelemetry.Name && instrument.Name is "complaintrules.outcomes" or "complaintrules.outcome.satisfaction" or "complaintrules.alerts" or "complaintrules.alerts.cleared")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measured.Add((i.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.SetMeasurementEventCallback<int>((i, value, tags, _) => measured.Add((i.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
        var rules = ComplaintRuleSet.Load(RuleSetSource.Default, RuleSetSource.FromJson($$"""{ "alerts": { "{{rule}}": { "type": "satisfaction_drop", "window": "1d", "minCount": 2, "below": 3 } } }"""));
        var monitor = new ComplaintMonitor(rules, clock);

        monitor.RecordOutcome(new ComplaintOutcome { ComplaintId = "m1", Resolved = false, Reopened = true, Satisfaction = 1 });
        monitor.RecordOutcome(new ComplaintOutcome { ComplaintId = "m2", Resolved = false, Satisfaction = 2 });
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty(monitor.GetActiveAlerts());

        Assert.Contains(measured, m => m.Instrument == "complaintrules.outcomes" && Equals(m.Tags[TelemetryTags.OutcomeResolved], false) && Equals(m.Tags[TelemetryTags.OutcomeReopened], true));
        Assert.Contains(measured, m => m.Instrument == "complaintrules.outcome.satisfaction" && m.Value == 2);
        Assert.Single(measured, m => m.Instrument == "complaintrules.alerts" && Equals(m.Tags[TelemetryTags.RuleId], rule));
        var cleared = Assert.Single(measured, m => m.Instrument == "complaintrules.alerts.cleared" && Equals(m.Tags[TelemetryTags.RuleId], rule));
        Assert.Equal("satisfaction_drop", cleared.Tags[TelemetryTags.AlertType]);
        Assert.Equal("all", cleared.Tags[TelemetryTags.AlertKey]);
    }
}
