using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace ComplaintRules.Samples.StreamWorker;

/// <summary>
/// One worker of a Redis Stream consumer group: reads complaints, analyses them, writes each assessment to the
/// output stream and acknowledges the entry in the same atomic step, and takes over entries that a dead worker left
/// pending (XAUTOCLAIM). Delivery is at least once; the output is idempotent by complaint id (an id already written
/// within <see cref="StreamWorkerOptions.DedupeWindow"/> is acknowledged without writing again). More workers, more throughput.
/// </summary>
public sealed class ComplaintStreamWorker(IConnectionMultiplexer redis, ComplaintAnalyzer analyzer, StreamWorkerOptions options, Action<string>? log = null)
{
    // Write-if-new and acknowledge atomically: a worker killed between the two cannot leave an entry written but
    // pending (it would be written again) or acknowledged but unwritten (it would be lost).
    private const string CommitScript = """
        local written = 0
        if redis.call('SET', KEYS[3], ARGV[2], 'NX', 'EX', ARGV[5]) then
          redis.call('XADD', KEYS[1], '*', 'id', ARGV[3], ARGV[6], ARGV[4])
          written = 1
        end
        redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])
        return written
        """;

    private readonly IDatabase _db = redis.GetDatabase();
    private RedisValue _claimCursor = "0-0";
    private long _processed;
    private long _written;
    private long _claimed;

    /// <summary>Entries this worker acknowledged.</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Assessments this worker wrote (less than <see cref="Processed"/> when entries were delivered twice).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Entries taken over from other (dead) workers.</summary>
    public long Claimed => Interlocked.Read(ref _claimed);

    /// <summary>Creates the consumer group (and the input stream) unless it exists, and joins it.</summary>
    public async Task EnsureGroupAsync()
    {
        try
        {
            await _db.StreamCreateConsumerGroupAsync(options.Input, options.Group, "0-0", createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
            // another worker made it first
        }

        // Joins at once, so XINFO CONSUMERS lists the worker before its first entry (XREADGROUP alone does not).
        await _db.ExecuteAsync("XGROUP", "CREATECONSUMER", options.Input, options.Group, options.Consumer).ConfigureAwait(false);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, riding out Redis outages.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var groupReady = false;
        var nextClaim = DateTime.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!groupReady)
                {
                    await EnsureGroupAsync().ConfigureAwait(false);
                    groupReady = true;
                }

                if (DateTime.UtcNow >= nextClaim)
                {
                    await ClaimAbandonedAsync().ConfigureAwait(false);
                    nextClaim = DateTime.UtcNow + options.ClaimInterval;
                }

                var entries = await _db.StreamReadGroupAsync(options.Input, options.Group, options.Consumer, ">", options.BatchSize).ConfigureAwait(false);
                if (entries.Length == 0)
                {
                    await Task.Delay(50, cancellationToken).ConfigureAwait(false); // StackExchange.Redis does not block on XREADGROUP
                    continue;
                }

                await ProcessAsync(entries).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Unacknowledged entries stay pending and are claimed again (by this worker or another) after ClaimIdle.
                log?.Invoke($"{options.Consumer}: Redis error, retrying: {e.Message}");
                groupReady &= !e.Message.Contains("NOGROUP", StringComparison.Ordinal);
                await Task.Delay(250, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task ClaimAbandonedAsync()
    {
        while (true)
        {
            var result = await _db.StreamAutoClaimAsync(options.Input, options.Group, options.Consumer,
                (long)options.ClaimIdle.TotalMilliseconds, _claimCursor, options.BatchSize).ConfigureAwait(false);
            _claimCursor = result.NextStartId;
            if (result.ClaimedEntries.Length > 0)
            {
                Interlocked.Add(ref _claimed, result.ClaimedEntries.Length);
                log?.Invoke($"{options.Consumer}: took over {result.ClaimedEntries.Length} pending entries");
                await ProcessAsync(result.ClaimedEntries).ConfigureAwait(false);
            }

            if (_claimCursor == "0-0" || result.ClaimedEntries.Length == 0)
            {
                return;
            }
        }
    }

    private async Task ProcessAsync(StreamEntry[] entries)
    {
        var commits = new Task<RedisResult>[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            var (id, field, value) = Analyze(entries[i]);
            commits[i] = _db.ScriptEvaluateAsync(CommitScript,
                [options.Output, options.Input, $"{options.Output}:done:{id}"],
                [options.Group, entries[i].Id, id, value, (long)options.DedupeWindow.TotalSeconds, field]);
        }

        foreach (var commit in commits)
        {
            var written = (int)await commit.ConfigureAwait(false);
            Interlocked.Increment(ref _processed);
            Interlocked.Add(ref _written, written);
        }
    }

    // A malformed entry is written with an error and acknowledged, never retried forever.
    private (string Id, string Field, string Value) Analyze(StreamEntry entry)
    {
        var json = entry["complaint"];
        if (json.IsNull)
        {
            return (entry.Id!, "error", "the entry has no 'complaint' field");
        }

        try
        {
            var complaint = ComplaintJson.ParseComplaint(json!);
            return (complaint.Id, "assessment", ComplaintJson.Serialize(analyzer.Analyze(complaint)));
        }
        catch (JsonException e)
        {
            return (entry.Id!, "error", string.Create(CultureInfo.InvariantCulture, $"entry {entry.Id}: {e.Message}"));
        }
    }
}
