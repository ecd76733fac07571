namespace ComplaintRules;

/// <summary>What a <see cref="FileRuleSetProvider"/> serves and how its reloads went.</summary>
/// <param name="Name">The serving rule set's name.</param>
/// <param name="Version">The serving rule set's version.</param>
/// <param name="Hash">The serving rule set's content hash.</param>
/// <param name="LoadedAt">When the serving rule set was loaded.</param>
/// <param name="Reloads">Successful reloads since start.</param>
/// <param name="FailedReloads">Failed reloads since start; the last good rule set kept serving.</param>
/// <param name="LastError">Why the last reload failed, or <see langword="null"/> when the last reload succeeded.</param>
/// <param name="LastErrorAt">When the last reload failed.</param>
/// <param name="LastErrorDiagnostics">The problems of the last failed reload.</param>
public sealed record RuleSetStatus(
    string Name,
    string Version,
    string Hash,
    DateTimeOffset LoadedAt,
    int Reloads,
    int FailedReloads,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    IReadOnlyList<RuleDiagnostic> LastErrorDiagnostics)
{
    /// <summary>How long after a rule fault the health check reports degraded: 5 minutes.</summary>
    public static readonly TimeSpan RecentRuleFaultWindow = TimeSpan.FromMinutes(5);

    /// <summary>Whether the last reload failed (the previous rule set is still serving).</summary>
    public bool IsDegraded => LastError is not null;

    /// <summary>How many times a condition of the serving rule set threw since it was loaded (each cost one rule, not the complaint).</summary>
    public long RuleFaults { get; init; }

    /// <summary>The last rule fault: the rule's id and the error, or <see langword="null"/> when there was none.</summary>
    public string? LastRuleFault { get; init; }

    /// <summary>When the last rule fault happened.</summary>
    public DateTimeOffset? LastRuleFaultAt { get; init; }

    /// <summary>Whether a rule fault happened within <see cref="RecentRuleFaultWindow"/> before <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    public bool HasRecentRuleFaults(DateTimeOffset now) => LastRuleFaultAt is { } at && now - at < RecentRuleFaultWindow;

    // Rule faults change with every complaint, reloads rarely: the status shows the serving rule set's faults as read now.
    internal RuleSetStatus WithRuleFaultsOf(ComplaintRuleSet current) =>
        current.Faults.Last is { } last
            ? this with { RuleFaults = current.Faults.Count, LastRuleFault = $"rule '{last.RuleId}': {last.Message}", LastRuleFaultAt = last.At }
            : this;
}
