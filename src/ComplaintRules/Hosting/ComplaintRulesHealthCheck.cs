using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintRules;

/// <summary>
/// Reports the rule set's health: healthy while the last reload succeeded, degraded while a failed reload left the
/// previous rule set serving. Register it with <c>services.AddHealthChecks().AddCheck&lt;ComplaintRulesHealthCheck&gt;("complaint-rules")</c>.
/// </summary>
/// <param name="provider">The provider whose status is reported.</param>
public sealed class ComplaintRulesHealthCheck(ComplaintRuleSetProvider provider) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = provider.Status;
        var data = new Dictionary<string, object>
        {
            ["version"] = status.Version,
            ["hash"] = status.Hash,
            ["loadedAt"] = status.LoadedAt,
            ["reloads"] = status.Reloads,
            ["failedReloads"] = status.FailedReloads,
        };
        return Task.FromResult(status.IsDegraded
            ? HealthCheckResult.Degraded($"The last rule-set reload failed; {status.Version} ({status.Hash}) keeps serving. {status.LastError}", data: data)
            : HealthCheckResult.Healthy($"Rule set {status.Name} {status.Version} ({status.Hash}) serving.", data));
    }
}
