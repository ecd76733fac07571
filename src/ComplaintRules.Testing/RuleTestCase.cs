namespace ComplaintRules.Testing;

/// <summary>
/// One rule test: a complaint and what the rule set must decide about it. Read from a case file with
/// <see cref="RuleTestCaseFile"/>, or built in code; run with <see cref="RuleCaseRunner"/>.
/// </summary>
public sealed class RuleTestCase
{
    /// <summary>The case's name, unique in its file; shown in reports.</summary>
    public required string Name { get; init; }

    /// <summary>The complaint to analyse.</summary>
    public required Complaint Complaint { get; init; }

    /// <summary>What the assessment must show.</summary>
    public required RuleTestExpectations Expect { get; init; }

    /// <summary>
    /// Why the case is expected to fail for now (the rules are still being tuned), or <see langword="null"/>. A
    /// pending case that fails is reported but does not fail the run; one that passes says the mark can go.
    /// </summary>
    public string? Pending { get; init; }

    /// <summary>The file the case comes from, or <c>""</c> for a case built in code.</summary>
    public string File { get; init; } = "";

    /// <summary>The 1-based line of the case in <see cref="File"/>, or 0.</summary>
    public int Line { get; init; }

    /// <summary>Formats the case as <c>name (file:line)</c>.</summary>
    public override string ToString() => File.Length == 0 ? Name : $"{Name} ({File}:{Line})";
}

/// <summary>
/// What an assessment must show. Every expectation is optional; one left unset is not checked. Names are spelt as
/// in rule files and in the JSON output (<c>rights_claim</c>, <c>gather_info</c>, a remedy's catalogue id).
/// </summary>
public sealed class RuleTestExpectations
{
    /// <summary>The primary cause, <see cref="RootCause.None"/> included.</summary>
    public RootCause? PrimaryCause { get; init; }

    /// <summary>Causes that must be judged present.</summary>
    public IReadOnlyList<RootCause> CausesPresent { get; init; } = [];

    /// <summary>Causes that must not be judged present.</summary>
    public IReadOnlyList<RootCause> CausesAbsent { get; init; } = [];

    /// <summary>The main conflict type.</summary>
    public ConflictType? ConflictType { get; init; }

    /// <summary>The exact severity.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The least severity accepted; higher passes too.</summary>
    public Severity? SeverityAtLeast { get; init; }

    /// <summary>Remedies (catalogue ids) that must be recommended.</summary>
    public IReadOnlyList<string> RemediesPresent { get; init; } = [];

    /// <summary>Remedies (catalogue ids) that must not be recommended.</summary>
    public IReadOnlyList<string> RemediesAbsent { get; init; } = [];

    /// <summary>Steps that must appear in this order; other steps may come between them.</summary>
    public IReadOnlyList<HandlingStep> StepsInOrder { get; init; } = [];

    /// <summary>Ids of rules that must fire.</summary>
    public IReadOnlyList<string> RulesFired { get; init; } = [];

    /// <summary>Ids of rules that must not fire.</summary>
    public IReadOnlyList<string> RulesNotFired { get; init; } = [];
}
