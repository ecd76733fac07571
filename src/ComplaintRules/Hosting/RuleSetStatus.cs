namespace ComplaintRules;

/// <summary>What a <see cref="ComplaintRuleSetProvider"/> serves and how its reloads went.</summary>
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
    /// <summary>Whether the last reload failed (the previous rule set is still serving).</summary>
    public bool IsDegraded => LastError is not null;
}
