using Microsoft.Extensions.Hosting;

namespace ComplaintRules;

/// <summary>Loads and compiles every registered rule set while the host starts, so no request waits on compilation.</summary>
internal sealed class ComplaintRulesWarmup(IServiceProvider services, IEnumerable<ComplaintRulesServiceCollectionExtensions.ComplaintRulesBuilder> registrations)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in registrations)
        {
            var key = registration.Name.Length == 0 ? null : registration.Name;
            _ = ComplaintRulesServiceCollectionExtensions.Resolve<ComplaintAnalyzer>(services, key).RuleSet;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
