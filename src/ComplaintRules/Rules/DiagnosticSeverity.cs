namespace ComplaintRules;

/// <summary>How serious a <see cref="RuleDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The rule set does not load.</summary>
    Error = 0,

    /// <summary>The rule set loads, but the rule may fail at run time.</summary>
    Warning = 1,
}
