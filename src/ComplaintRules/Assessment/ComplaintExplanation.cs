namespace ComplaintRules;

/// <summary>
/// An assessment together with every rule of the rule set: whether it fired and the facts its condition read.
/// Made by <see cref="ComplaintAnalyzer.Explain(Complaint)"/> for rule authors, the <c>explain</c> and <c>test</c>
/// commands; slower than <see cref="ComplaintAnalyzer.Analyze(Complaint)"/>, so not for the hot path.
/// </summary>
public sealed class ComplaintExplanation
{
    internal ComplaintExplanation(ComplaintAssessment assessment, IReadOnlyList<RuleEvaluation> rules)
    {
        Assessment = assessment;
        Rules = rules;
    }

    /// <summary>The assessment, the same as <see cref="ComplaintAnalyzer.Analyze(Complaint)"/> gives.</summary>
    public ComplaintAssessment Assessment { get; }

    /// <summary>Every rule, by decision in evaluation order (causes, intensity, conflicts, severity, steps, remedies).</summary>
    public IReadOnlyList<RuleEvaluation> Rules { get; }

    /// <summary>Every occurrence of a lexicon's proximity pattern (<c>near</c>), in the order found.</summary>
    public IReadOnlyList<PatternMatch> PatternMatches { get; internal init; } = [];
}

/// <summary>An occurrence of a lexicon's proximity pattern: from the start of its first phrase to the end of the second.</summary>
public sealed class PatternMatch
{
    internal PatternMatch(string lexicon, string text, int start, int length, string field, bool negated)
    {
        Lexicon = lexicon;
        Text = text;
        Start = start;
        Length = length;
        Field = field;
        Negated = negated;
    }

    /// <summary>The lexicon the pattern belongs to, whose occurrence it counts as.</summary>
    public string Lexicon { get; }

    /// <summary>The span, as the customer wrote it.</summary>
    public string Text { get; }

    /// <summary>Offset of the span in UTF-16 code units.</summary>
    public int Start { get; }

    /// <summary>Length of the span in UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary><c>text</c>, or <c>customerDemand</c>.</summary>
    public string Field { get; }

    /// <summary>Whether a negation cue negates it (then it counts under <c>Negated</c>, not <c>Count</c>).</summary>
    public bool Negated { get; }
}

/// <summary>How one rule evaluated for one complaint.</summary>
public sealed class RuleEvaluation
{
    internal RuleEvaluation(string ruleId, string decision, string outcome, bool fired, string condition, IReadOnlyList<FactValue> reads)
    {
        RuleId = ruleId;
        Decision = decision;
        Outcome = outcome;
        Fired = fired;
        Condition = condition;
        Reads = reads;
    }

    /// <summary>The rule's id.</summary>
    public string RuleId { get; }

    /// <summary>Its decision: <c>causes</c>, <c>intensity</c>, <c>conflicts</c>, <c>severity</c>, <c>steps</c> or <c>remedies</c>.</summary>
    public string Decision { get; }

    /// <summary>What it decides when it fires, as the rule file spells it: a cause, conflict type, severity level, step or remedy id, or intensity points (<c>+1</c>).</summary>
    public string Outcome { get; }

    /// <summary>Whether its condition was true.</summary>
    public bool Fired { get; }

    /// <summary>The condition (<c>when</c>) as written.</summary>
    public string Condition { get; }

    /// <summary>The facts the condition reads, with the values it saw, in the order the condition names them.</summary>
    public IReadOnlyList<FactValue> Reads { get; }

    /// <summary>
    /// Whether the rule is a fallback: a causes or conflicts rule that reads its own decision's outcome, run after the
    /// other rules of that decision; its <see cref="Reads"/> show the outcome of those other rules, as it saw them.
    /// </summary>
    public bool Fallback { get; internal init; }

    /// <summary>
    /// Why the condition failed for this complaint (<c>DivideByZeroException: …</c>), or <see langword="null"/> when it
    /// evaluated; a rule that fails counts as not fired and the assessment carries a <see cref="WarningCodes.RuleFault"/> warning.
    /// </summary>
    public string? Fault { get; internal init; }
}

/// <summary>A fact a rule read and its value, e.g. <c>Count("anger")</c> = <c>2</c> or <c>Channel</c> = <c>"phone"</c>.</summary>
public sealed class FactValue
{
    internal FactValue(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The fact as a condition names it; <c>Has("x")</c> is reported as <c>Count("x")</c>.</summary>
    public string Name { get; }

    /// <summary>The value, formatted invariantly; strings in quotes.</summary>
    public string Value { get; }

    /// <summary>Formats the fact as <c>Name=Value</c>.</summary>
    public override string ToString() => $"{Name}={Value}";
}
