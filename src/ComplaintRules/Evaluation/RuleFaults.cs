using ComplaintRules.Diagnostics;
using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Evaluation;

/// <summary>
/// Runs one rule's condition so that a condition that throws (division by zero, overflow, a null argument) costs
/// that rule, never the complaint: the rule counts as not fired, the assessment gets a <see cref="WarningCodes.RuleFault"/>
/// warning naming it, and the fault is counted on the rule set and the meter. The try block costs nothing while
/// nothing throws, so the hot path keeps its speed and allocations.
/// </summary>
internal static class RuleFaults
{
    public static bool Fires(CompiledRule rule, ComplaintFacts facts, RuleFaultLog log, List<string> warnings)
    {
        try
        {
            return rule.Condition(facts);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Record(rule.Id, rule.Decision.Name(), ex, log, warnings);
            return false;
        }
    }

    /// <summary>Records a fault of a condition that is not a rule's (a regime's deadline condition).</summary>
    public static void Record(string ruleId, string decision, Exception ex, RuleFaultLog log, List<string> warnings)
    {
        var message = Describe(ex);
        warnings.Add(WarningCodes.Format(WarningCodes.RuleFault, $"rule '{ruleId}' failed and counted as not fired ({message})"));
        log.Record(ruleId, message);
        ComplaintRulesTelemetry.RuleFaults.Add(1,
            new KeyValuePair<string, object?>("rule_id", ruleId),
            new KeyValuePair<string, object?>("decision", decision),
            new KeyValuePair<string, object?>("error_type", ex.GetType().Name));
    }

    /// <summary>
    /// Why a rule failed for a complaint, for an explanation: its condition is run again on the final facts, which hold
    /// the values it saw (it reads only earlier decisions' outcomes). Null when it did not fail. Not for the hot path.
    /// </summary>
    public static string? FaultOf(CompiledRule rule, ComplaintFacts facts)
    {
        try
        {
            rule.Condition(facts);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Describe(ex);
        }
    }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {FirstLine(ex.Message)}";

    private static string FirstLine(string message) => message.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? message[..end] : message;
}

/// <summary>The rule faults of one rule set since it was loaded; thread-safe, shown in <see cref="RuleSetStatus"/>.</summary>
internal sealed class RuleFaultLog
{
    private long _count;
    private LastFault? _last;

    public long Count => Interlocked.Read(ref _count);

    public LastFault? Last => Volatile.Read(ref _last);

    public void Record(string ruleId, string message)
    {
        Interlocked.Increment(ref _count);
        Volatile.Write(ref _last, new LastFault(ruleId, message, TimeProvider.System.GetUtcNow()));
    }

    public sealed record LastFault(string RuleId, string Message, DateTimeOffset At);
}
