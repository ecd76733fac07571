namespace ComplaintRules;

/// <summary>
/// An assessment together with every rule of the rule set: whether it fired and the facts its condition read.
/// Made by <see cref="ComplaintAnalyzer.Explain(Complaint)"/> for rule authors, the <c>explain</c> and <c>test</c>
/// commands; slower than <see cref="ComplaintAnalyzer.Analyze(Complaint)"/>, so not for the hot path.
/// </summary>
/// <param name="Assessment">The assessment, the same as <see cref="ComplaintAnalyzer.Analyze(Complaint)"/> gives.</param>
/// <param name="Rules">Every rule, by decision in evaluation order (causes, intensity, conflicts, severity, steps, remedies).</param>
public sealed record ComplaintExplanation(ComplaintAssessment Assessment, IReadOnlyList<RuleEvaluation> Rules)
{
    /// <summary>Every occurrence of a lexicon's proximity pattern (<c>near</c>), in the order found.</summary>
    public IReadOnlyList<PatternMatch> PatternMatches { get; init; } = [];
}

/// <summary>An occurrence of a lexicon's proximity pattern: from the start of its first phrase to the end of the second.</summary>
/// <param name="Lexicon">The lexicon the pattern belongs to, whose occurrence it counts as.</param>
/// <param name="Text">The span, as the customer wrote it.</param>
/// <param name="Start">Offset of the span in UTF-16 code units.</param>
/// <param name="Length">Length of the span in UTF-16 code units.</param>
/// <param name="Field"><c>text</c>, or <c>customerDemand</c>.</param>
/// <param name="Negated">Whether a negation cue negates it (then it counts under <c>Negated</c>, not <c>Count</c>).</param>
public sealed record PatternMatch(string Lexicon, string Text, int Start, int Length, string Field, bool Negated);

/// <summary>How one rule evaluated for one complaint.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Decision">Its decision: <c>causes</c>, <c>intensity</c>, <c>conflicts</c>, <c>severity</c>, <c>steps</c> or <c>remedies</c>.</param>
/// <param name="Outcome">What it decides when it fires, as the rule file spells it: a cause, conflict type, severity level, step or remedy id, or intensity points (<c>+1</c>).</param>
/// <param name="Fired">Whether its condition was true.</param>
/// <param name="Condition">The condition (<c>when</c>) as written.</param>
/// <param name="Reads">The facts the condition reads, with the values it saw, in the order the condition names them.</param>
public sealed record RuleEvaluation(string RuleId, string Decision, string Outcome, bool Fired, string Condition, IReadOnlyList<FactValue> Reads)
{
    /// <summary>
    /// Whether the rule is a fallback: a causes or conflicts rule that reads its own decision's outcome, run after the
    /// other rules of that decision; its <see cref="Reads"/> show the outcome of those other rules, as it saw them.
    /// </summary>
    public bool Fallback { get; init; }

    /// <summary>
    /// Why the condition failed for this complaint (<c>DivideByZeroException: …</c>), or <see langword="null"/> when it
    /// evaluated; a rule that fails counts as not fired and the assessment carries a <see cref="WarningCodes.RuleFault"/> warning.
    /// </summary>
    public string? Fault { get; init; }
}

/// <summary>A fact a rule read and its value, e.g. <c>Count("anger")</c> = <c>2</c> or <c>Channel</c> = <c>"phone"</c>.</summary>
/// <param name="Name">The fact as a condition names it; <c>Has("x")</c> is reported as <c>Count("x")</c>.</param>
/// <param name="Value">The value, formatted invariantly; strings in quotes.</param>
public sealed record FactValue(string Name, string Value)
{
    /// <summary>Formats the fact as <c>Name=Value</c>.</summary>
    public override string ToString() => $"{Name}={Value}";
}
