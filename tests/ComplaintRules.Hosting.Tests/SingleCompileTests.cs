using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintRules.Hosting.Tests;

public class SingleCompileTests
{
    [Fact]
    public async Task The_rule_set_compiled_by_start_up_validation_is_the_one_served()
    {
        using var file = new TempRuleFile(TempRuleFile.Versioned(1));
        var loads = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ComplaintRulesTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                // Tests run in parallel: count the loads of this test's file only.
                if (activity.OperationName == "ComplaintRules.LoadRuleSet"
                    && activity.GetTagItem(TelemetryTags.RuleSetSources) is string sources && sources.Contains(file.Path, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref loads);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddComplaintRules().WithoutDefaultRules().AddRuleFile(file.Path);
        using var host = builder.Build();
        await host.StartAsync();
        var analyzer = host.Services.GetRequiredService<ComplaintAnalyzer>();
        analyzer.Analyze(new Complaint { Id = "1", Text = "refund" });
        _ = host.Services.GetRequiredService<ComplaintMonitor>();
        await host.StopAsync();

        Assert.Equal("1", analyzer.RuleSet.Version);
        Assert.Equal(1, Volatile.Read(ref loads));
    }
}
