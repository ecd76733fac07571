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
    // The message reads "rule 'id' failed and counted as not fired (Error: message)", under code CR1001.
    private const string Prefix = "rule '";
    private const string Middle = "' failed and counted as not fired (";

    public static bool Fires(CompiledRule rule, ComplaintFacts facts, RuleFaultLog log, List<AssessmentWarning> warnings)
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
    public static void Record(string ruleId, string decision, Exception ex, RuleFaultLog log, List<AssessmentWarning> warnings)
    {
        var message = Describe(ex);
        warnings.Add(new AssessmentWarning(WarningCodes.RuleFault, $"{Prefix}{ruleId}{Middle}{message})"));
        log.Record(ruleId, message);
        ComplaintRulesTelemetry.RuleFaults.Add(1,
            new KeyValuePair<string, object?>(TelemetryTags.RuleId, ruleId),
            new KeyValuePair<string, object?>(TelemetryTags.Decision, decision),
            new KeyValuePair<string, object?>(TelemetryTags.ErrorType, ex.GetType().Name));
    }

    /// <summary>
    /// The rules that failed for a complaint and why, read back from its <see cref="WarningCodes.RuleFault"/> warnings,
    /// for an explanation: exactly what happened during the analysis, at no cost to it. Null when none failed.
    /// </summary>
    public static Dictionary<string, string>? InWarnings(IReadOnlyList<AssessmentWarning> warnings)
    {
        Dictionary<string, string>? faults = null;
        foreach (var w in warnings)
        {
            if (w.Code != WarningCodes.RuleFault)
            {
                continue;
            }

            var warning = w.Message;
            if (warning.StartsWith(Prefix, StringComparison.Ordinal) && warning.EndsWith(')')
                && warning.IndexOf(Middle, Prefix.Length, StringComparison.Ordinal) is var middle and >= 0)
            {
                faults ??= new(StringComparer.Ordinal);
                faults.TryAdd(warning[Prefix.Length..middle], warning[(middle + Middle.Length)..^1]);
            }
        }

        return faults;
    }

    private static string Describe(Exception ex) => $"{ex.GetType().Name}: {FirstLine(ex.Message)}";

    private static string FirstLine(string message) => message.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? message[..end] : message;
}

/// <summary>The rule faults of one rule set since it was loaded; thread-safe, shown in the hosting package's <c>RuleSetStatus</c>.</summary>
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
