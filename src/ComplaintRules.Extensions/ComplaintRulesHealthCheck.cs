using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintRules;

/// <summary>
/// Reports the rule set's health: healthy while the last reload succeeded, degraded while a failed reload left the
/// previous rule set serving or while a rule's condition has thrown in the last
/// <see cref="RuleSetStatus.RecentRuleFaultWindow"/> (it counted as not fired; see <see cref="RuleSetStatus.LastRuleFault"/>). Register it with <c>services.AddHealthChecks().AddCheck&lt;ComplaintRulesHealthCheck&gt;("complaint-rules")</c>.
/// </summary>
/// <param name="provider">The provider whose status is reported.</param>
public sealed class ComplaintRulesHealthCheck(FileRuleSetProvider provider) : IHealthCheck
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
            ["ruleFaults"] = status.RuleFaults,
        };
        if (status.IsDegraded)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"The last rule-set reload failed; {status.Version} ({status.Hash}) keeps serving. {status.LastError}", data: data));
        }

        // A rule that throws costs only itself, but answers are then made without it: worth an operator's look.
        return Task.FromResult(status.HasRecentRuleFaults(provider.Clock.GetUtcNow())
            ? HealthCheckResult.Degraded($"Rule set {status.Name} {status.Version} ({status.Hash}) serving, but a rule failed in the last {RuleSetStatus.RecentRuleFaultWindow.TotalMinutes} minutes ({status.RuleFaults} fault(s) since it was loaded); the last: {status.LastRuleFault}", data: data)
            : HealthCheckResult.Healthy($"Rule set {status.Name} {status.Version} ({status.Hash}) serving.", data));
    }
}
