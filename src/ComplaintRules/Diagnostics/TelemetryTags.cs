namespace ComplaintRules;

/// <summary>
/// The tag (attribute) names the library writes on its metrics, spans and log records, in OpenTelemetry's dotted
/// style: one name per concept wherever it appears, so a dashboard can join a metric with a trace or a log by it.
/// </summary>
internal static class TelemetryTags
{
    /// <summary>The complaint's id (spans only: never on a metric, it would make one series per complaint).</summary>
    public const string ComplaintId = "complaintrules.complaint.id";

    /// <summary>The primary cause of an assessment (<c>expectation</c>, <c>rights_claim</c>, <c>venting</c>, <c>none</c>).</summary>
    public const string PrimaryCause = "complaintrules.primary_cause";

    /// <summary>The conflict type of an assessment.</summary>
    public const string ConflictType = "complaintrules.conflict_type";

    /// <summary>The severity of an assessment.</summary>
    public const string Severity = "complaintrules.severity";

    /// <summary>The name of a rule set.</summary>
    public const string RuleSetName = "complaintrules.rule_set.name";

    /// <summary>The version of a rule set.</summary>
    public const string RuleSetVersion = "complaintrules.rule_set.version";

    /// <summary>The content hash of a rule set.</summary>
    public const string RuleSetHash = "complaintrules.rule_set.hash";

    /// <summary>The sources (files) a rule set is loaded from, comma-separated.</summary>
    public const string RuleSetSources = "complaintrules.rule_set.sources";

    /// <summary>The outcome of a rule-set reload: <c>success</c>, <c>failure</c> or <c>unchanged</c>.</summary>
    public const string ReloadOutcome = "complaintrules.reload.outcome";

    /// <summary>The id of a rule (a rule whose condition threw, or an early-warning alert rule).</summary>
    public const string RuleId = "complaintrules.rule.id";

    /// <summary>The decision a rule belongs to (<c>causes</c>, <c>conflicts</c>, …, or <c>deadlines</c>).</summary>
    public const string Decision = "complaintrules.decision";

    /// <summary>The type of an early-warning alert (<c>volume</c>, <c>rise</c>, <c>repeat_customer</c>).</summary>
    public const string AlertType = "complaintrules.alert.type";

    /// <summary>What an early-warning alert counts (a conflict type, cause or product); never a customer id.</summary>
    public const string AlertKey = "complaintrules.alert.key";

    /// <summary>The type of the exception, as OpenTelemetry's <c>error.type</c>.</summary>
    public const string ErrorType = "error.type";

    /// <summary>Whether a reported outcome resolved the complaint (<c>true</c>, <c>false</c>).</summary>
    public const string OutcomeResolved = "complaintrules.outcome.resolved";

    /// <summary>Whether a reported outcome's complaint was reopened (<c>true</c>, <c>false</c>).</summary>
    public const string OutcomeReopened = "complaintrules.outcome.reopened";
}
