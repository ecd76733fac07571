using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintRules.Redis.Tests;

/// <summary>Invariant: however a stream is split over instances, shared windows alert exactly as one monitor that sees it all.</summary>
public sealed class SharedWindowsProperties(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private static readonly int[] s_resolutions = [1, 6, 24];
    private readonly StackExchange.Redis.ConnectionMultiplexer _connection = redis.Connect();

    [Property(MaxTest = 20)]
    public void Any_split_of_any_stream_over_three_instances_raises_the_alerts_of_one_monitor(int streamSeed, int splitSeed, NonNegativeInt resolution)
    {
        var limits = new ComplaintMonitorOptions { BucketsPerWindow = s_resolutions[resolution.Get % s_resolutions.Length] };
        var stream = HandledComplaints.Generate(600, streamSeed);
        var clock = new FakeTimeProvider(HandledComplaints.Start);
        var single = new ComplaintMonitor(HandledComplaints.Rules, clock, limits);
        var store = new RedisAlertWindowStore(_connection, $"property-{Guid.NewGuid():N}");
        var fleet = Enumerable.Range(0, 3).Select(_ => new ComplaintMonitor(ComplaintRuleSetProvider.Fixed(HandledComplaints.Rules), store, clock, limits)).ToArray();
        var split = new Random(splitSeed);

        var expected = new List<ComplaintAlert>();
        var actual = new List<ComplaintAlert>();
        foreach (var item in stream)
        {
            clock.Advance(item.Gap);
            expected.AddRange(single.Record(item.Complaint, item.Assessment));
            actual.AddRange(fleet[split.Next(3)].Record(item.Complaint, item.Assessment));
        }

        Assert.Equal(expected.Select(HandledComplaints.Fields), actual.Select(HandledComplaints.Fields));
    }

    public void Dispose() => _connection.Dispose();
}
