using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintRules.Hosting.Tests;

/// <summary>The hash of the rule set a host serves is on a metric, so a fleet's instances can be compared.</summary>
public class RuleSetMetricTests
{
    [Fact]
    public void The_served_rule_sets_hash_is_reported_on_the_rule_set_gauge()
    {
        using var provider = new ServiceCollection().AddComplaintRules().Services.BuildServiceProvider();
        var status = provider.GetRequiredService<FileRuleSetProvider>().Status;
        var hashes = new List<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ComplaintRulesTelemetry.Name && instrument.Name == "complaintrules.rule_set")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == TelemetryTags.RuleSetHash)
                {
                    hashes.Add(tag.Value as string);
                }
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Contains(status.Hash, hashes);
    }
}
