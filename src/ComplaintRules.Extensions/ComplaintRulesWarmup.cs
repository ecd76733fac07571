using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintRules;

/// <summary>Loads and compiles the rule set while the host starts, so no request waits on compilation.</summary>
internal sealed class ComplaintRulesWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ComplaintAnalyzer>().RuleSet;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
