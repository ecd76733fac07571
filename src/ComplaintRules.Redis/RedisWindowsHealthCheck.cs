using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintRules.Redis;

/// <summary>
/// Reports the shared windows: healthy while Redis is reached, degraded while the monitor counts in local windows
/// (alerts then see this instance's complaints only; analysis is unaffected). Register it with
/// <c>services.AddHealthChecks().AddCheck&lt;RedisWindowsHealthCheck&gt;("complaint-rules-redis")</c>.
/// </summary>
/// <param name="store">The store whose state is reported.</param>
public sealed class RedisWindowsHealthCheck(RedisAlertWindowStore store) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var data = new Dictionary<string, object> { ["outages"] = store.Outages };
        if (store.UnavailableSince is { } since)
        {
            data["unavailableSince"] = since;
        }

        return Task.FromResult(store.IsAvailable
            ? HealthCheckResult.Healthy("Early-warning windows are shared through Redis.", data)
            : HealthCheckResult.Degraded($"Redis is unreachable ({store.LastError}); early-warning alerts come from this instance's local windows until it is back.", data: data));
    }
}
