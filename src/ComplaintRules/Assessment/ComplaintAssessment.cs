namespace ComplaintRules;

/// <summary>The triage of one complaint: why the customer complains, what about, how bad, and what to do.</summary>
/// <remarks>Immutable; safe to share across threads and to serialise.</remarks>
public sealed record ComplaintAssessment
{
    /// <summary>The complaint's <see cref="Complaint.Id"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The language the text was analysed in (<c>zh</c> or <c>en</c>).</summary>
    public required string Language { get; init; }

    /// <summary>The cause that drives the complaint most, or <see cref="RootCause.None"/>.</summary>
    public required RootCause PrimaryCause { get; init; }

    /// <summary>The causes judged present, highest score first; empty for a text that is not a complaint.</summary>
    public required IReadOnlyList<CauseFinding> RootCauses { get; init; }

    /// <summary>The main conflict type: the first of <see cref="ConflictTypes"/>, or <see cref="ConflictType.Other"/>.</summary>
    public required ConflictType ConflictType { get; init; }

    /// <summary>Conflict types found, highest score first.</summary>
    public required IReadOnlyList<ConflictFinding> ConflictTypes { get; init; }

    /// <summary>Business severity.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Why the severity is what it is: the reasons of the rules that set it.</summary>
    public required IReadOnlyList<string> SeverityReasons { get; init; }

    /// <summary>Emotional intensity from 0 (calm) to 4 (extreme), independent of <see cref="Severity"/>.</summary>
    public required int Intensity { get; init; }

    /// <summary>The handling steps to follow, in order.</summary>
    public required IReadOnlyList<StepGuidance> Steps { get; init; }

    /// <summary>Remedies to offer, best first.</summary>
    public required IReadOnlyList<RemedyRecommendation> Remedies { get; init; }

    /// <summary>The rules that fired, in evaluation order.</summary>
    public required IReadOnlyList<RuleFiring> Trace { get; init; }

    /// <summary>Anything the caller should know about how the complaint was analysed (e.g. text truncated).</summary>
    public required IReadOnlyList<AssessmentWarning> Warnings { get; init; }

    /// <summary>
    /// The regulatory deadlines of the complaint's regime (<see cref="Complaint.Regime"/>, or
    /// <see cref="DeadlineOptions.DefaultRegime"/>), in the regime's order; empty when no regime applies.
    /// </summary>
    public IReadOnlyList<ComplaintDeadline> Deadlines { get; init; } = [];
}

/// <summary>A root cause judged present.</summary>
/// <param name="Cause">The cause.</param>
/// <param name="Score">Confidence from 0 to 1, combined from the weights of the rules that fired (noisy-OR).</param>
/// <param name="Evidence">The phrases and markers that support it.</param>
public sealed record CauseFinding(RootCause Cause, double Score, IReadOnlyList<Evidence> Evidence);

/// <summary>A conflict type found in the complaint.</summary>
/// <param name="Type">The conflict type.</param>
/// <param name="Subtype">The most specific subtype the strongest rule named (e.g. <c>fees</c>), or <see langword="null"/>.</param>
/// <param name="Score">Confidence from 0 to 1 (noisy-OR of the rules' weights).</param>
/// <param name="Evidence">The phrases that support it.</param>
public sealed record ConflictFinding(ConflictType Type, string? Subtype, double Score, IReadOnlyList<Evidence> Evidence);

/// <summary>A span of the complaint that a rule relied on.</summary>
/// <param name="Text">The text of the span, as the customer wrote it.</param>
/// <param name="Start">Offset of the span in UTF-16 code units.</param>
/// <param name="Length">Length of the span in UTF-16 code units.</param>
/// <param name="RuleId">The rule that used it.</param>
/// <param name="Signal">The lexicon or marker that matched.</param>
/// <param name="Field"><c>text</c>, or <c>customerDemand</c> when the span is in <see cref="Complaint.CustomerDemand"/>.</param>
public sealed record Evidence(string Text, int Start, int Length, string RuleId, string Signal, string Field);

/// <summary>One handling step with the guidance for this complaint.</summary>
/// <param name="Step">The step.</param>
/// <param name="Guidance">What to do, in the complaint's language.</param>
/// <param name="Emphasis"><c>normal</c>, or <c>extended</c> where the step needs more time than usual.</param>
/// <param name="Checklist">Points to check while doing the step (e.g. the apology principles); may be empty.</param>
/// <param name="RuleId">The rule that set this step.</param>
public sealed record StepGuidance(HandlingStep Step, string Guidance, string Emphasis, IReadOnlyList<string> Checklist, string RuleId);

/// <summary>A remedy to offer.</summary>
/// <param name="Remedy">The remedy's id in the rule set's catalogue (e.g. <c>refund</c>).</param>
/// <param name="OutcomeClass">What kind of outcome it gives the customer.</param>
/// <param name="Priority">Higher is better; the list is ordered by it.</param>
/// <param name="Reason">Why it is recommended, in the complaint's language.</param>
/// <param name="RuleId">The rule that recommended it.</param>
public sealed record RemedyRecommendation(string Remedy, OutcomeClass OutcomeClass, int Priority, string Reason, string RuleId);

/// <summary>A rule that fired.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Decision">The decision it belongs to (<c>causes</c>, <c>intensity</c>, <c>conflicts</c>, <c>severity</c>, <c>steps</c>, <c>remedies</c>).</param>
public sealed record RuleFiring(string RuleId, string Decision);
