using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace ComplaintRules.Redis.Tests;

/// <summary>Monitors that share their windows through a real Redis agree with one monitor that sees everything.</summary>
public sealed class SharedWindowsTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    // Default limits: a local monitor with more alerting categories than MaxCategoriesPerRule forgets when it last
    // alerted (to bound its memory) and may alert again early; Redis bounds memory by expiry instead.
    private static readonly ComplaintMonitorOptions s_limits = new();
    private readonly ConnectionMultiplexer _connection = redis.Connect();

    [Fact]
    public void Three_monitors_fed_disjoint_thirds_raise_the_same_alerts_at_the_same_points_as_one_monitor_fed_everything()
    {
        var stream = HandledComplaints.Generate(3_000, seed: 18);
        var clock = new FakeTimeProvider(HandledComplaints.Start);
        var single = new ComplaintMonitor(HandledComplaints.Rules, clock, s_limits);
        var store = new RedisAlertWindowStore(_connection, "thirds");
        var fleet = Enumerable.Range(0, 3)
            .Select(_ => new ComplaintMonitor(ComplaintRuleSetProvider.Fixed(HandledComplaints.Rules), store, clock, s_limits))
            .ToArray();

        var expected = new List<ComplaintAlert>();
        var actual = new List<ComplaintAlert>();
        for (var i = 0; i < stream.Count; i++)
        {
            clock.Advance(stream[i].Gap);
            expected.AddRange(single.Record(stream[i].Complaint, stream[i].Assessment));
            actual.AddRange(fleet[i % 3].Record(stream[i].Complaint, stream[i].Assessment));
        }

        Assert.True(store.IsAvailable);
        foreach (var rule in HandledComplaints.Rules.AlertRules)
        {
            Assert.Contains(expected, a => a.RuleId == rule.Id); // the stream exercises every rule
        }

        Assert.Equal(expected.Select(HandledComplaints.Fields), actual.Select(HandledComplaints.Fields)); // rule, key, counts, baseline, time, complaint and message alike
    }

    [Fact]
    public void Concurrent_instances_raise_each_condition_once()
    {
        var clock = new FakeTimeProvider(HandledComplaints.Start);
        var store = new RedisAlertWindowStore(_connection, "concurrent");
        var fleet = Enumerable.Range(0, 3).Select(_ => new ComplaintMonitor(ComplaintRuleSetProvider.Fixed(HandledComplaints.Rules), store, clock, s_limits)).ToArray();
        var alerts = new System.Collections.Concurrent.ConcurrentBag<ComplaintAlert>();

        // 300 critical complaints at one instant from three threads: critical_burst crosses its threshold once.
        Parallel.For(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 3 }, i =>
        {
            var complaint = new Complaint { Id = $"p-{i}", Text = "x", Product = "card" };
            foreach (var alert in fleet[i % 3].Record(complaint, HandledComplaints.Assessment(complaint.Id, ConflictType.Price, Severity.Critical)))
            {
                alerts.Add(alert);
            }
        });

        Assert.Single(alerts, a => a.RuleId == "critical_burst");
        Assert.Single(alerts, a => a.RuleId == "product_volume");
    }

    [Fact]
    public void A_repeat_customer_whose_complaints_land_on_different_instances_is_seen()
    {
        var clock = new FakeTimeProvider(HandledComplaints.Start);
        var store = new RedisAlertWindowStore(_connection, "repeat");
        var fleet = Enumerable.Range(0, 3).Select(_ => new ComplaintMonitor(ComplaintRuleSetProvider.Fixed(HandledComplaints.Rules), store, clock, s_limits)).ToArray();

        var alerts = new List<ComplaintAlert>();
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            var complaint = new Complaint { Id = $"r-{i}", Text = "x", CustomerId = "cust-7" };
            alerts.AddRange(fleet[i].Record(complaint, HandledComplaints.Assessment(complaint.Id, ConflictType.Policy, Severity.Minor)));
        }

        var alert = Assert.Single(alerts);
        Assert.Equal(("repeat", "cust-7", 3, "r-2"), (alert.RuleId, alert.Key, alert.Count, alert.ComplaintId));
    }

    public void Dispose() => _connection.Dispose();
}
