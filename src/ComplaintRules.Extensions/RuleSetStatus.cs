namespace ComplaintRules;

/// <summary>What a <see cref="FileRuleSetProvider"/> serves and how its reloads went.</summary>
public sealed class RuleSetStatus
{
    internal RuleSetStatus(string name, string version, string hash, DateTimeOffset loadedAt, int reloads, int failedReloads, string? lastError,
        DateTimeOffset? lastErrorAt, IReadOnlyList<RuleDiagnostic> lastErrorDiagnostics)
    {
        Name = name;
        Version = version;
        Hash = hash;
        LoadedAt = loadedAt;
        Reloads = reloads;
        FailedReloads = failedReloads;
        LastError = lastError;
        LastErrorAt = lastErrorAt;
        LastErrorDiagnostics = lastErrorDiagnostics;
    }

    /// <summary>The serving rule set's name.</summary>
    public string Name { get; }

    /// <summary>The serving rule set's version.</summary>
    public string Version { get; }

    /// <summary>The serving rule set's content hash.</summary>
    public string Hash { get; }

    /// <summary>When the serving rule set was loaded.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Successful reloads since start.</summary>
    public int Reloads { get; }

    /// <summary>Failed reloads since start; the last good rule set kept serving.</summary>
    public int FailedReloads { get; }

    /// <summary>Why the last reload failed, or <see langword="null"/> when the last reload succeeded.</summary>
    public string? LastError { get; }

    /// <summary>When the last reload failed.</summary>
    public DateTimeOffset? LastErrorAt { get; }

    /// <summary>The problems of the last failed reload.</summary>
    public IReadOnlyList<RuleDiagnostic> LastErrorDiagnostics { get; }

    /// <summary>How long after a rule fault the health check reports degraded: 5 minutes.</summary>
    public static readonly TimeSpan RecentRuleFaultWindow = TimeSpan.FromMinutes(5);

    /// <summary>Whether the last reload failed (the previous rule set is still serving).</summary>
    public bool IsDegraded => LastError is not null;

    /// <summary>How many times a condition of the serving rule set threw since it was loaded (each cost one rule, not the complaint).</summary>
    public long RuleFaults { get; private init; }

    /// <summary>The last rule fault: the rule's id and the error, or <see langword="null"/> when there was none.</summary>
    public string? LastRuleFault { get; private init; }

    /// <summary>When the last rule fault happened.</summary>
    public DateTimeOffset? LastRuleFaultAt { get; private init; }

    /// <summary>Whether a rule fault happened within <see cref="RecentRuleFaultWindow"/> before <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    public bool HasRecentRuleFaults(DateTimeOffset now) => LastRuleFaultAt is { } at && now - at < RecentRuleFaultWindow;

    // Rule faults change with every complaint, reloads rarely: the status shows the serving rule set's faults as read now.
    internal RuleSetStatus WithRuleFaultsOf(ComplaintRuleSet current) =>
        current.Faults.Last is { } last
            ? new(Name, Version, Hash, LoadedAt, Reloads, FailedReloads, LastError, LastErrorAt, LastErrorDiagnostics)
            {
                RuleFaults = current.Faults.Count,
                LastRuleFault = $"rule '{last.RuleId}': {last.Message}",
                LastRuleFaultAt = last.At,
            }
            : this;

    /// <summary>This status after a failed reload: one more failure, and why.</summary>
    internal RuleSetStatus WithFailure(string error, DateTimeOffset at, IReadOnlyList<RuleDiagnostic> diagnostics) =>
        new(Name, Version, Hash, LoadedAt, Reloads, FailedReloads + 1, error, at, diagnostics);

    /// <summary>This status with the last failure cleared (the files were put back as they were).</summary>
    internal RuleSetStatus WithoutError() => new(Name, Version, Hash, LoadedAt, Reloads, FailedReloads, null, null, []);
}
