using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace ComplaintRules;

/// <summary>
/// The library's metrics and traces: one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named
/// <c>ComplaintRules</c>, so OpenTelemetry (or <c>dotnet-counters</c>) aggregates them across instances.
/// </summary>
/// <remarks>Instruments cost a few nanoseconds when nothing listens.</remarks>
public static class ComplaintRulesTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "ComplaintRules";

    private static readonly string? s_version = typeof(ComplaintRulesTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(Name, s_version);

    internal static readonly Meter Meter = new(Name, s_version);

    internal static readonly Counter<long> Assessments = Meter.CreateCounter<long>(
        "complaintrules.assessments", unit: "{complaint}", description: "Complaints analysed, by primary cause, conflict type and severity.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "complaintrules.analysis.duration", unit: "s", description: "Time to analyse one complaint.");

    internal static readonly Counter<long> Reloads = Meter.CreateCounter<long>(
        "complaintrules.reloads", unit: "{reload}", description: "Rule-set reloads, by outcome (success, failure, unchanged).");

    internal static readonly Counter<long> Alerts = Meter.CreateCounter<long>(
        "complaintrules.alerts", unit: "{alert}", description: "Early-warning alerts raised by ComplaintMonitor, by rule, type and category (never a customer id).");

    internal static readonly Counter<long> AlertsCleared = Meter.CreateCounter<long>(
        "complaintrules.alerts.cleared", unit: "{alert}", description: "Outcome alerts (satisfaction drop, reopen rate) cleared because their condition stopped holding, by rule, type and category.");

    internal static readonly Counter<long> Outcomes = Meter.CreateCounter<long>(
        "complaintrules.outcomes", unit: "{outcome}", description: "Complaint outcomes reported to ComplaintMonitor, by whether resolved and whether reopened.");

    internal static readonly Histogram<int> Satisfaction = Meter.CreateHistogram<int>(
        "complaintrules.outcome.satisfaction", unit: "{score}", description: "Customer satisfaction (1-5) of the outcomes reported with a score.");

    internal static readonly Counter<long> RuleFaults = Meter.CreateCounter<long>(
        "complaintrules.rule_faults", unit: "{fault}", description: "Rule conditions that threw for a complaint and counted as not fired, by rule, decision and error type.");

    internal static readonly Counter<long> UntrackedCustomers = Meter.CreateCounter<long>(
        "complaintrules.monitor.untracked_customers", unit: "{customer}", description: "Customers a repeat-customer rule could not track because its table was full.");

    internal static readonly Counter<long> LocalFallbacks = Meter.CreateCounter<long>(
        "complaintrules.monitor.local_fallbacks", unit: "{complaint}", description: "Complaints whose alerts came from the monitor's local windows because its shared window store could not be reached.");

    // Weak: a provider that is no longer used stops being reported.
    private static readonly ConditionalWeakTable<ComplaintRuleSetProvider, object?> s_served = new();

    internal static readonly ObservableGauge<int> RuleSets = Meter.CreateObservableGauge(
        "complaintrules.rule_set", ObserveRuleSets, unit: "{rule_set}",
        description: "1 per rule-set provider of a host, tagged with the name, version and hash of the rule set it serves: one hash across a fleet means every instance serves the same rules.");

    internal static void TrackServedRuleSet(ComplaintRuleSetProvider provider) => s_served.AddOrUpdate(provider, null);

    private static IEnumerable<Measurement<int>> ObserveRuleSets()
    {
        foreach (var (provider, _) in s_served)
        {
            var ruleSet = provider.Current;
            yield return new Measurement<int>(1,
                new KeyValuePair<string, object?>(TelemetryTags.RuleSetName, ruleSet.Name),
                new KeyValuePair<string, object?>(TelemetryTags.RuleSetVersion, ruleSet.Version),
                new KeyValuePair<string, object?>(TelemetryTags.RuleSetHash, ruleSet.Hash));
        }
    }

    internal static void RecordOutcome(ComplaintOutcome outcome)
    {
        if (Outcomes.Enabled)
        {
            Outcomes.Add(1,
                new KeyValuePair<string, object?>(TelemetryTags.OutcomeResolved, outcome.Resolved),
                new KeyValuePair<string, object?>(TelemetryTags.OutcomeReopened, outcome.Reopened));
        }

        if (outcome.Satisfaction is { } score && Satisfaction.Enabled)
        {
            Satisfaction.Record(score);
        }
    }

    internal static void CountAlert(ComplaintAlert alert, string type, Counter<long> counter)
    {
        if (counter.Enabled)
        {
            counter.Add(1,
                new KeyValuePair<string, object?>(TelemetryTags.RuleId, alert.RuleId),
                new KeyValuePair<string, object?>(TelemetryTags.AlertType, type),
                new KeyValuePair<string, object?>(TelemetryTags.AlertKey, alert.Type == AlertRuleType.RepeatCustomer ? null : alert.Key)); // never a customer id on a metric
        }
    }

    internal static void RecordAssessment(ComplaintAssessment assessment, long startTimestamp)
    {
        if (Assessments.Enabled)
        {
            Assessments.Add(1,
                new KeyValuePair<string, object?>(TelemetryTags.PrimaryCause, assessment.PrimaryCause.Name()),
                new KeyValuePair<string, object?>(TelemetryTags.ConflictType, assessment.ConflictType.Name()),
                new KeyValuePair<string, object?>(TelemetryTags.Severity, assessment.Severity.Name()));
        }

        if (startTimestamp != 0 && Duration.Enabled)
        {
            Duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);
        }
    }
}
