using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ComplaintRules;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>The monitor over synthetic streams on a fake clock: week-over-week rise, critical burst, repeat customer.</summary>
public class ComplaintMonitorTests
{
    private static readonly DateTimeOffset s_start = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private static ComplaintRuleSet WithAlerts(string alerts) =>
        ComplaintRuleSet.Load(RuleSetSource.Default, RuleSetSource.FromJson($$"""{ "alerts": {{alerts}} }"""));

    private static (Complaint, ComplaintAssessment) Case(string id, ConflictType conflict = ConflictType.Price, Severity severity = Severity.Standard,
        string? customer = null, string? product = "credit_card") =>
        (new Complaint { Id = id, Text = "x", CustomerId = customer, Product = product },
         new ComplaintAssessment
         {
             Id = id, Language = "en", PrimaryCause = RootCause.RightsClaim, RootCauses = [], ConflictType = conflict, ConflictTypes = [],
             Severity = severity, SeverityReasons = [], Intensity = 1, Steps = [], Remedies = [], Trace = [], Warnings = [],
         });

    private static List<ComplaintAlert> Feed(ComplaintMonitor monitor, (Complaint, ComplaintAssessment) item, int times = 1)
    {
        var alerts = new List<ComplaintAlert>();
        for (var i = 0; i < times; i++)
        {
            alerts.AddRange(monitor.Record(item.Item1, item.Item2));
        }

        return alerts;
    }

    [Fact]
    public void A_category_rising_week_over_week_raises_one_alert()
    {
        var clock = new FakeTimeProvider(s_start);
        var monitor = new ComplaintMonitor(WithAlerts("""{ "price_rise": { "type": "rise", "dimension": "conflict_type", "window": "7d", "risePercent": 50, "threshold": 5, "minBaseline": 4 } }"""), clock);
        var raised = new List<ComplaintAlert>();
        monitor.AlertRaised += (_, alert) => raised.Add(alert);

        // Week 1: four price complaints (the baseline) and noise in another category.
        for (var i = 0; i < 4; i++)
        {
            Assert.Empty(Feed(monitor, Case($"w1-{i}")));
            Assert.Empty(Feed(monitor, Case($"w1-s{i}", ConflictType.ServiceQuality), 3));
            clock.Advance(TimeSpan.FromMinutes(30));
        }

        // Week 2: the same hours a week later. Five is +25 %: quiet. The sixth is +50 %: alert, once.
        clock.SetUtcNow(s_start.AddDays(7));
        for (var i = 0; i < 5; i++)
        {
            Assert.Empty(Feed(monitor, Case($"w2-{i}")));
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        var alert = Assert.Single(Feed(monitor, Case("w2-5")));
        Assert.Equal(("price_rise", AlertRuleType.Rise, "price", 6, 4), (alert.RuleId, alert.Type, alert.Key, alert.Count, (int)alert.Baseline!));
        Assert.Equal("w2-5", alert.ComplaintId);
        Assert.Contains("rose 50%", alert.Message, StringComparison.Ordinal);
        Assert.Equal(alert, Assert.Single(raised));
        Assert.Empty(Feed(monitor, Case("w2-6"), 5)); // no repeat within the window
    }

    [Fact]
    public void A_burst_of_critical_complaints_within_an_hour_raises_an_alert_and_a_metric()
    {
        var clock = new FakeTimeProvider(s_start);
        var monitor = new ComplaintMonitor(WithAlerts("""{ "critical_burst_test": { "type": "volume", "dimension": "severity", "value": "critical", "window": "1h", "threshold": 3 } }"""), clock);
        using var metrics = new AlertMetrics("critical_burst_test");

        Assert.Empty(Feed(monitor, Case("c1", severity: Severity.Critical)));
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Empty(Feed(monitor, Case("m1", severity: Severity.Serious), 10)); // other severities do not count
        Assert.Empty(Feed(monitor, Case("c2", severity: Severity.Critical)));
        clock.Advance(TimeSpan.FromMinutes(20));
        var alert = Assert.Single(Feed(monitor, Case("c3", severity: Severity.Critical)));
        Assert.Equal(("critical", 3, AlertDimension.Severity), (alert.Key, alert.Count, alert.Dimension!.Value));
        Assert.Equal(1, metrics.Total);
        Assert.Equal("critical", metrics.LastKey);

        // Two hours later the window has emptied: three spread-out critical complaints stay quiet.
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(50));
            Assert.Empty(Feed(monitor, Case($"late{i}", severity: Severity.Critical)));
        }

        Assert.Equal(1, metrics.Total);
    }

    [Fact]
    public void The_same_customer_complaining_three_times_in_thirty_days_raises_an_alert()
    {
        var clock = new FakeTimeProvider(s_start);
        var monitor = new ComplaintMonitor(WithAlerts("""{ "repeat_test": { "type": "repeat_customer", "window": "30d", "threshold": 3 } }"""), clock);
        using var metrics = new AlertMetrics("repeat_test");

        var alerts = new List<ComplaintAlert>();
        for (var day = 0; day < 100; day += 10)
        {
            clock.SetUtcNow(s_start.AddDays(day));
            alerts.AddRange(Feed(monitor, Case($"a{day}", customer: "cust-a")));     // every 10 days
            if (day % 40 == 0)
            {
                alerts.AddRange(Feed(monitor, Case($"b{day}", customer: "cust-b"))); // every 40 days: never 3 in 30
            }

            alerts.AddRange(Feed(monitor, Case($"n{day}", customer: null)));         // no id: not tracked
        }

        // cust-a reaches 3 in 30 days on day 20, and again once the window has passed since that alert (day 50, day 80).
        Assert.Equal(["a20", "a50", "a80"], alerts.Select(a => a.ComplaintId));
        Assert.All(alerts, a => Assert.Equal(("cust-a", AlertRuleType.RepeatCustomer), (a.Key, a.Type)));
        Assert.Equal(3, metrics.Total);
        Assert.Null(metrics.LastKey); // a customer id never goes on a metric
    }

    [Fact]
    public void Tracked_customers_are_capped()
    {
        var clock = new FakeTimeProvider(s_start);
        var monitor = new ComplaintMonitor(WithAlerts("""{ "repeat": { "type": "repeat_customer", "window": "1d", "threshold": 2 } }"""), clock,
            new ComplaintMonitorOptions { MaxTrackedCustomers = 2 });
        Feed(monitor, Case("1", customer: "a"));
        Feed(monitor, Case("2", customer: "b"));
        Feed(monitor, Case("3", customer: "c"));
        Assert.Equal(1, monitor.UntrackedCustomers);
        Assert.Single(Feed(monitor, Case("4", customer: "a")));

        clock.Advance(TimeSpan.FromDays(2)); // a and b expire, so c can be tracked
        Feed(monitor, Case("5", customer: "c"));
        Assert.Single(Feed(monitor, Case("6", customer: "c")));
        Assert.Equal(1, monitor.UntrackedCustomers);
    }

    [Fact]
    public void Products_are_counted_and_capped()
    {
        var clock = new FakeTimeProvider(s_start);
        var monitor = new ComplaintMonitor(WithAlerts("""{ "product_burst": { "type": "volume", "dimension": "product", "window": "1d", "threshold": 3 } }"""), clock,
            new ComplaintMonitorOptions { MaxCategoriesPerRule = 2 });
        Assert.Empty(Feed(monitor, Case("1", product: "mortgage"), 2));
        Assert.Empty(Feed(monitor, Case("2", product: null), 2));                                     // counted as "unknown"
        Assert.Equal("other", Assert.Single(Feed(monitor, Case("3", product: "e_money"), 3)).Key);     // beyond the cap
        Assert.Equal("mortgage", Assert.Single(Feed(monitor, Case("4", product: "mortgage"))).Key);
    }

    [Fact]
    public void Concurrent_recording_counts_every_complaint_and_alerts_once()
    {
        var clock = new FakeTimeProvider(s_start);
        var monitor = new ComplaintMonitor(WithAlerts("""{ "flood": { "type": "volume", "dimension": "conflict_type", "value": "price", "window": "1d", "threshold": 4000 } }"""), clock);
        var alerts = new ConcurrentBag<ComplaintAlert>();
        monitor.AlertRaised += (_, a) => alerts.Add(a);
        Parallel.For(0, 5000, i => monitor.Record(Case($"p{i}").Item1, Case($"p{i}").Item2));
        var alert = Assert.Single(alerts);
        Assert.Equal(4000, alert.Count);
    }

    [Fact]
    public void Without_alert_rules_the_monitor_does_nothing()
    {
        var monitor = new ComplaintMonitor(ComplaintRuleSet.Default, new FakeTimeProvider(s_start));
        Assert.Empty(monitor.Rules);
        Assert.Empty(Feed(monitor, Case("x", severity: Severity.Critical), 100));
    }

    /// <summary>Listens to complaintrules.alerts for one rule id (tests run in parallel, each with its own ids).</summary>
    private sealed class AlertMetrics : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly string _rule;
        private long _total;

        public AlertMetrics(string rule)
        {
            _rule = rule;
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ComplaintRulesTelemetry.Name && instrument.Name == "complaintrules.alerts")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string? rule = null, key = null;
                foreach (var tag in tags)
                {
                    if (tag.Key == TelemetryTags.RuleId)
                    {
                        rule = tag.Value as string;
                    }
                    else if (tag.Key == TelemetryTags.AlertKey)
                    {
                        key = tag.Value as string;
                    }
                }

                if (rule == _rule)
                {
                    Interlocked.Add(ref _total, value);
                    LastKey = key;
                }
            });
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public string? LastKey { get; private set; }

        public void Dispose() => _listener.Dispose();
    }
}
