namespace ComplaintRules.Evaluation;

/// <summary>
/// What the rules decided for one complaint, every list already read-only. The analyzer adds the warnings and
/// deadlines, which come after the rules, and builds the assessment once from all of it.
/// </summary>
internal readonly record struct RuleDecisions(
    string Language,
    RootCause PrimaryCause,
    IReadOnlyList<CauseFinding> RootCauses,
    ConflictType ConflictType,
    IReadOnlyList<ConflictFinding> ConflictTypes,
    Severity Severity,
    IReadOnlyList<string> SeverityReasons,
    int Intensity,
    IReadOnlyList<StepGuidance> Steps,
    IReadOnlyList<RemedyRecommendation> Remedies,
    IReadOnlyList<RuleFiring> Trace)
{
    /// <summary>
    /// Above 0 when <see cref="Steps"/> and <see cref="Remedies"/> are not made yet: they wait in the evaluating thread's
    /// scratch for the authority step (<see cref="RuleEvaluator.Pending"/>).
    /// </summary>
    public int PendingStamp { get; init; }

    /// <summary>The assessment; <paramref name="warnings"/> must not change afterwards.</summary>
    public ComplaintAssessment ToAssessment(string id, List<AssessmentWarning> warnings, IReadOnlyList<ComplaintDeadline> deadlines, RemedyAuthority? authority = null) => new()
    {
        Id = id,
        Language = Language,
        PrimaryCause = PrimaryCause,
        RootCauses = RootCauses,
        ConflictType = ConflictType,
        ConflictTypes = ConflictTypes,
        Severity = Severity,
        SeverityReasons = SeverityReasons,
        Intensity = Intensity,
        Steps = Steps,
        Remedies = Remedies,
        Trace = Trace,
        Warnings = ReadOnlyLists.Of(warnings),
        Deadlines = deadlines,
        Authority = authority,
    };
}
