using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace ComplaintRules.Redis;

/// <summary>
/// Early-warning windows in Redis, shared by every <see cref="ComplaintMonitor"/> that uses the same server and key
/// prefix: bucketed counters with expiry, updated and checked by one Lua script per rule and complaint, so counts
/// span the fleet and each condition raises one alert.
/// </summary>
/// <remarks>
/// <para>Keys are <c>{prefix}:{rule id.fingerprint}:…</c>: a rule whose definition or window resolution changes
/// starts empty, as in a local monitor. Every key expires after twice its rule's window, so Redis holds only live
/// windows. <see cref="ComplaintMonitorOptions.MaxTrackedCustomers"/> limits local windows only; Redis keeps every
/// customer seen within the window.</para>
/// <para>Never throws for Redis being down: <see cref="Count"/> returns <see langword="null"/> at once while the
/// connection is down (the multiplexer reconnects in the background) or when a call fails, and the monitor uses its
/// local windows. <see cref="IsAvailable"/>, <see cref="UnavailableSince"/> and <see cref="LastError"/> say so.</para>
/// </remarks>
public sealed class RedisAlertWindowStore : AlertWindowStore, IDisposable
{
    private readonly IConnectionMultiplexer _redis;
    private readonly bool _ownsConnection;
    private readonly string _prefix;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private DateTimeOffset? _unavailableSince;
    private string? _lastError;
    private long _outages;

    /// <summary>Creates a store on a connection.</summary>
    /// <param name="redis">The connection; create it with <c>abortConnect=false</c> so a host starts while Redis is down.</param>
    /// <param name="keyPrefix">The prefix of every key; instances that share windows use the same. Default <c>complaintrules</c>.</param>
    /// <param name="ownsConnection">Whether <see cref="Dispose"/> closes <paramref name="redis"/>.</param>
    /// <param name="timeProvider">The clock of <see cref="UnavailableSince"/>; <see cref="TimeProvider.System"/> when null.</param>
    public RedisAlertWindowStore(IConnectionMultiplexer redis, string keyPrefix = "complaintrules", bool ownsConnection = false, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPrefix);
        _redis = redis;
        _prefix = keyPrefix;
        _ownsConnection = ownsConnection;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public override bool IsAvailable => _unavailableSince is null && _redis.IsConnected;

    /// <summary>When the store became unreachable, or <see langword="null"/> while it is reached.</summary>
    public DateTimeOffset? UnavailableSince => _unavailableSince;

    /// <summary>Why the last failed call failed, or <see langword="null"/>.</summary>
    public string? LastError => _lastError;

    /// <summary>How often the store has become unreachable since it was created.</summary>
    public long Outages => Interlocked.Read(ref _outages);

    /// <inheritdoc/>
    public override AlertWindowCount? Count(AlertRule rule, string key, DateTimeOffset now, ComplaintMonitorOptions limits)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(limits);
        if (!_redis.IsConnected)
        {
            Failed("not connected to Redis");
            return null;
        }

        try
        {
            var result = rule.Type == AlertRuleType.RepeatCustomer ? CountCustomer(rule, key, now, limits) : CountCategory(rule, key, now, limits);
            Succeeded();
            return result;
        }
        catch (Exception e) when (e is RedisException or TimeoutException) // RedisTimeoutException is a TimeoutException
        {
            Failed(e.Message);
            return null;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsConnection)
        {
            _redis.Dispose();
        }
    }

    private AlertWindowCount CountCategory(AlertRule rule, string key, DateTimeOffset now, ComplaintMonitorOptions limits)
    {
        // The same arithmetic as the local windows, so one shared store and one local monitor agree complaint for complaint.
        var bucketTicks = Math.Max(1, rule.Window.Ticks / limits.BucketsPerWindow);
        var epoch = now.UtcTicks / bucketTicks;
        var rise = rule.Type == AlertRuleType.Rise;
        var reply = (RedisResult[])_redis.GetDatabase().ScriptEvaluate(RedisWindowScripts.Category, values:
        [
            Prefix(rule, limits), key, epoch.ToString(CultureInfo.InvariantCulture), limits.BucketsPerWindow, rise ? 1 : 0,
            rule.Threshold, rule.MinBaseline, (rule.RisePercent ?? 0).ToString("R", CultureInfo.InvariantCulture),
            limits.MaxCategoriesPerRule, Ttl(rule),
        ])!;
        return new AlertWindowCount((int)reply[0] == 1, (string)reply[1]!, (int)reply[2], rise ? (int)reply[3] : null);
    }

    private AlertWindowCount CountCustomer(AlertRule rule, string customer, DateTimeOffset now, ComplaintMonitorOptions limits)
    {
        var ticks = now.UtcTicks;
        var reply = (RedisResult[])_redis.GetDatabase().ScriptEvaluate(RedisWindowScripts.Customer, values:
        [
            Prefix(rule, limits), customer, ticks.ToString("D19", CultureInfo.InvariantCulture),
            (ticks - rule.Window.Ticks).ToString("D19", CultureInfo.InvariantCulture), rule.Threshold, Ttl(rule),
        ])!;
        return new AlertWindowCount((int)reply[0] == 1, customer, (int)reply[1], null);
    }

    // Hash tag {…}: all keys of one rule land on one cluster slot.
    private string Prefix(AlertRule rule, ComplaintMonitorOptions limits) => $"{_prefix}:{{{rule.Id}.{Fingerprint(rule, limits)}}}:";

    private static long Ttl(AlertRule rule) => (long)(2 * rule.Window.TotalMilliseconds) + 60_000;

    private static string Fingerprint(AlertRule rule, ComplaintMonitorOptions limits)
    {
        var definition = string.Join('|', rule.Type, rule.Dimension, rule.Value, rule.Window.Ticks, rule.Threshold,
            rule.RisePercent?.ToString("R", CultureInfo.InvariantCulture), rule.MinBaseline, limits.BucketsPerWindow, limits.MaxCategoriesPerRule);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(definition)).AsSpan(0, 4));
    }

    private void Succeeded()
    {
        if (_unavailableSince is not null)
        {
            lock (_lock)
            {
                _unavailableSince = null;
            }
        }
    }

    private void Failed(string error)
    {
        _lastError = error;
        if (_unavailableSince is null)
        {
            lock (_lock)
            {
                if (_unavailableSince is null)
                {
                    _unavailableSince = _time.GetUtcNow();
                    Interlocked.Increment(ref _outages);
                    RedisWindowsTelemetry.Outages.Add(1);
                }
            }
        }
    }
}
