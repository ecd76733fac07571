using System.Diagnostics.Metrics;

namespace ComplaintRules.Redis;

/// <summary>Instruments on a meter of the core's name, so one <c>AddMeter("ComplaintRules")</c> collects them too.</summary>
internal static class RedisWindowsTelemetry
{
    private static readonly Meter s_meter = new(ComplaintRulesTelemetry.Name, typeof(RedisWindowsTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Counter<long> Outages = s_meter.CreateCounter<long>(
        "complaintrules.monitor.shared_windows.outages", unit: "{outage}",
        description: "Times the shared (Redis) early-warning windows became unreachable; alerts then come from local windows (complaintrules.monitor.local_fallbacks).");
}
