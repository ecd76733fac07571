using System.Diagnostics;
using ComplaintRules.Samples.StreamWorker;
using StackExchange.Redis;

namespace ComplaintRules.Redis.Tests;

/// <summary>The stream worker sample as separate processes: one killed with SIGKILL mid-run costs no complaint.</summary>
public sealed class StreamWorkerTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Three_workers_one_killed_mid_run_leave_every_complaint_id_in_the_output_exactly_once()
    {
        using var connection = redis.Connect();
        var db = connection.GetDatabase();
        var complaints = StreamOutput.Complaints(20_000);
        var workers = Enumerable.Range(0, 3).Select(i => StartWorker($"w{i}")).ToList();
        try
        {
            // All three in the group before the first complaint, so none misses the run however slowly it starts.
            Eventually.True(() => db.KeyExists("killed:in") && db.StreamConsumerInfo("killed:in", "g").Length == 3, "the three workers have joined the group");
            await StreamProducer.AddAsync(db, "killed:in", complaints);

            // Kill w0 while it holds entries it has read but not acknowledged.
            Eventually.True(() => db.StreamLength("killed:out") >= 2_000 && PendingOf(db, "w0") > 0, "w0 is busy mid-run");
            workers[0].Kill(); // SIGKILL
            workers[0].WaitForExit();

            Eventually.True(() => db.StreamLength("killed:out") >= complaints.Count && db.StreamPending("killed:in", "g").PendingMessageCount == 0,
                "every entry is written and acknowledged", seconds: 120);
        }
        finally
        {
            foreach (var worker in workers.Where(w => !w.HasExited))
            {
                worker.Kill();
                worker.WaitForExit();
            }
        }

        // Entries w0 had in flight were claimed by the others; the atomic write-and-acknowledge kept them from being written twice.
        var ids = StreamOutput.Ids(db, "killed:out");
        Assert.Equal(complaints.Select(c => c.Id).Order(), ids.Order());
    }

    private static long PendingOf(IDatabase db, string consumer) =>
        db.StreamPending("killed:in", "g").Consumers.FirstOrDefault(c => c.Name == consumer).PendingMessageCount;

    private Process StartWorker(string consumer)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { typeof(ComplaintStreamWorker).Assembly.Location, "run", "--redis", redis.Configuration, "--consumer", consumer,
                     "--input", "killed:in", "--output", "killed:out", "--group", "g", "--claim-idle-ms", "2000" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }
}

/// <summary>Redis killed and restarted (from its append-only file) under running workers.</summary>
public sealed class StreamWorkerRestartTests(PersistentRedisServer redis) : IClassFixture<PersistentRedisServer>
{
    [Fact]
    public async Task Workers_reconnect_after_a_Redis_restart_and_nothing_acknowledged_is_lost()
    {
        using var producer = redis.Connect();
        var db = producer.GetDatabase();
        var complaints = StreamOutput.Complaints(6_000);
        await StreamProducer.AddAsync(db, "restart:in", complaints);

        var analyzer = new ComplaintAnalyzer();
        var options = new StreamWorkerOptions { Input = "restart:in", Output = "restart:out", Group = "g", ClaimIdle = TimeSpan.FromSeconds(2), ClaimInterval = TimeSpan.FromSeconds(1) };
        using var stop = new CancellationTokenSource();
        var connections = Enumerable.Range(0, 2).Select(_ => redis.Connect()).ToList();
        var workers = connections.Select((c, i) => new ComplaintStreamWorker(c, analyzer, options with { Consumer = $"r{i}" })).ToList();
        var running = workers.Select(w => Task.Run(() => w.RunAsync(stop.Token))).ToList();
        try
        {
            Eventually.True(() => db.StreamLength("restart:out") >= 1_000, "the workers are mid-run");
            var acknowledgedBefore = workers.Sum(w => w.Processed);
            redis.Restart(); // SIGKILL, then start from the append-only file

            Eventually.True(() =>
            {
                try
                {
                    return db.StreamLength("restart:out") >= complaints.Count && db.StreamPending("restart:in", "g").PendingMessageCount == 0;
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    return false; // still reconnecting
                }
            }, "every entry is written and acknowledged after the restart", seconds: 120);
            Assert.True(acknowledgedBefore > 0);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(running);
            connections.ForEach(c => c.Dispose());
        }

        // Read back on a connection of its own with a patient timeout: the test is about what the stream holds, and a
        // server just restarted from its append-only file, on a loaded machine, may answer a page slowly.
        var patient = ConfigurationOptions.Parse(redis.Configuration);
        patient.SyncTimeout = 15_000;
        using var reader = ConnectionMultiplexer.Connect(patient);
        var ids = StreamOutput.Ids(reader.GetDatabase(), "restart:out");
        Assert.Equal(complaints.Select(c => c.Id).Order(), ids.Order());
    }
}
