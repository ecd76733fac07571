using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintRules.Redis.Tests;

/// <summary>Redis going away mid-run and coming back: the monitors never fail, say they are degraded, and go back to shared windows.</summary>
public sealed class RedisOutageTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Monitors_fall_back_to_local_windows_while_Redis_is_down_report_it_and_share_again_after_a_restart()
    {
        using var connection = redis.Connect();
        using var fallbacks = new FallbackCounter();
        var clock = new FakeTimeProvider(HandledComplaints.Start);
        var store = new RedisAlertWindowStore(connection, "outage");
        var health = new RedisWindowsHealthCheck(store);
        var fleet = Enumerable.Range(0, 3).Select(_ => new ComplaintMonitor(ComplaintRuleSetProvider.Fixed(HandledComplaints.Rules), store, clock, null)).ToArray();
        var stream = HandledComplaints.Generate(900, seed: 3);
        var recorded = 0;

        void Feed(int count)
        {
            for (var end = recorded + count; recorded < end; recorded++)
            {
                clock.Advance(stream[recorded].Gap);
                fleet[recorded % 3].Record(stream[recorded].Complaint, stream[recorded].Assessment); // never throws
            }
        }

        Feed(300);
        Assert.True(store.IsAvailable);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(0, fallbacks.Total);

        redis.Stop();
        Feed(300);
        Assert.False(store.IsAvailable);
        var degraded = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("local windows", degraded.Description, StringComparison.Ordinal);
        Assert.True(fallbacks.Total > 0);
        Assert.Equal(1, store.Outages);

        // Local windows alert on what this instance saw: three critical complaints on one monitor.
        var local = Enumerable.Range(0, 3).SelectMany(i => fleet[0].Record(new Complaint { Id = $"l-{i}", Text = "x" }, HandledComplaints.Assessment($"l-{i}", ConflictType.Price, Severity.Critical)));
        Assert.Contains(local, a => a.RuleId == "critical_burst");

        redis.Restart(); // empty: nothing is persisted
        Eventually.True(() =>
        {
            Feed(stream.Count - recorded > 1 ? 1 : 0);
            return store.IsAvailable;
        }, "the monitors use Redis again");
        Feed(stream.Count - recorded);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        // Shared again: three critical complaints on three instances raise one alert.
        clock.Advance(TimeSpan.FromHours(2));
        var shared = Enumerable.Range(0, 3).SelectMany(i => fleet[i].Record(new Complaint { Id = $"s-{i}", Text = "x" }, HandledComplaints.Assessment($"s-{i}", ConflictType.Price, Severity.Critical))).ToList();
        Assert.Equal("s-2", Assert.Single(shared, a => a.RuleId == "critical_burst").ComplaintId);
    }

    [Fact]
    public void A_monitor_whose_Redis_was_never_reachable_works_on_local_windows()
    {
        using var connection = StackExchange.Redis.ConnectionMultiplexer.Connect("127.0.0.1:1,abortConnect=false,connectTimeout=500");
        var store = new RedisAlertWindowStore(connection, "nowhere");
        var monitor = new ComplaintMonitor(ComplaintRuleSetProvider.Fixed(HandledComplaints.Rules), store, null, null);

        var alerts = Enumerable.Range(0, 3).SelectMany(i => monitor.Record(new Complaint { Id = $"n-{i}", Text = "x" }, HandledComplaints.Assessment($"n-{i}", ConflictType.Price, Severity.Critical)));

        Assert.Contains(alerts, a => a.RuleId == "critical_burst");
        Assert.False(store.IsAvailable);
        Assert.NotNull(store.UnavailableSince);
    }

    private sealed class FallbackCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public FallbackCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ComplaintRulesTelemetry.Name && instrument.Name == "complaintrules.monitor.local_fallbacks")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
