using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintRules.Hosting.Tests;

public class RuleFaultStatusTests
{
    private static readonly Complaint s_noPrior = new() { Id = "b", Text = "hello", Amount = 500 };

    [Fact]
    public async Task The_provider_status_counts_faults_and_health_is_degraded_while_they_are_recent()
    {
        var options = new ComplaintRulesOptions { UseDefaultRules = false };
        options.AdditionalSources.Add(RuleSetSource.FromJson("""
            { "name": "faults", "version": "1",
              "rules": { "severity": [ { "id": "div.x", "level": "serious", "when": "Amount / PriorComplaints > 100" } ] } }
            """));
        using var provider = new FileRuleSetProvider(options);
        var health = new ComplaintRulesHealthCheck(provider);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        var analyzer = new ComplaintAnalyzer(provider);
        analyzer.Analyze(s_noPrior);
        analyzer.Analyze(s_noPrior with { Id = "c" });

        var status = provider.Status;
        Assert.Equal(2, status.RuleFaults);
        Assert.StartsWith("rule 'div.x': DivideByZeroException", status.LastRuleFault, StringComparison.Ordinal);
        Assert.True(status.HasRecentRuleFaults(DateTimeOffset.UtcNow));
        Assert.False(status.HasRecentRuleFaults(status.LastRuleFaultAt!.Value + RuleSetStatus.RecentRuleFaultWindow));
        var result = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("div.x", result.Description, StringComparison.Ordinal);
    }
}
