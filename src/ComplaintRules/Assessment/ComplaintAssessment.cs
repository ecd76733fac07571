namespace ComplaintRules;

/// <summary>The triage of one complaint: why the customer complains, what about, how bad, and what to do.</summary>
/// <remarks>Immutable; safe to share across threads and to serialise.</remarks>
public sealed class ComplaintAssessment
{
    // Built only by the analyzer, once, from what the rules and the deadline evaluator decided.
    internal ComplaintAssessment()
    {
    }

    /// <summary>The complaint's <see cref="Complaint.Id"/>.</summary>
    public string Id { get; internal init; } = "";

    /// <summary>The language the text was analysed in (<c>zh</c> or <c>en</c>).</summary>
    public string Language { get; internal init; } = "";

    /// <summary>The cause that drives the complaint most, or <see cref="RootCause.None"/>.</summary>
    public RootCause PrimaryCause { get; internal init; }

    /// <summary>The causes judged present, highest score first; empty for a text that is not a complaint.</summary>
    public IReadOnlyList<CauseFinding> RootCauses { get; internal init; } = [];

    /// <summary>The main conflict type: the first of <see cref="ConflictTypes"/>, or <see cref="ConflictType.Other"/>.</summary>
    public ConflictType ConflictType { get; internal init; }

    /// <summary>Conflict types found, highest score first.</summary>
    public IReadOnlyList<ConflictFinding> ConflictTypes { get; internal init; } = [];

    /// <summary>Business severity.</summary>
    public Severity Severity { get; internal init; }

    /// <summary>Why the severity is what it is: the reasons of the rules that set it.</summary>
    public IReadOnlyList<string> SeverityReasons { get; internal init; } = [];

    /// <summary>Emotional intensity from 0 (calm) to 4 (extreme), independent of <see cref="Severity"/>.</summary>
    public int Intensity { get; internal init; }

    /// <summary>The handling steps to follow, in order.</summary>
    public IReadOnlyList<StepGuidance> Steps { get; internal init; } = [];

    /// <summary>Remedies to offer, best first.</summary>
    public IReadOnlyList<RemedyRecommendation> Remedies { get; internal init; } = [];

    /// <summary>The rules that fired, in evaluation order.</summary>
    public IReadOnlyList<RuleFiring> Trace { get; internal init; } = [];

    /// <summary>Anything the caller should know about how the complaint was analysed (e.g. text truncated).</summary>
    public IReadOnlyList<AssessmentWarning> Warnings { get; internal init; } = [];

    /// <summary>
    /// The regulatory deadlines of the complaint's regime (<see cref="Complaint.Regime"/>, or
    /// <see cref="DeadlineOptions.DefaultRegime"/>), in the regime's order; empty when no regime applies.
    /// </summary>
    public IReadOnlyList<ComplaintDeadline> Deadlines { get; internal init; } = [];

    /// <summary>
    /// The remedies split into what the handler (<see cref="Complaint.HandlerRole"/>, or the lowest role) may offer now
    /// and what needs approval; <see langword="null"/> when the rule set has no <c>authority</c> section.
    /// </summary>
    public RemedyAuthority? Authority { get; internal init; }
}

/// <summary>A root cause judged present.</summary>
public sealed class CauseFinding
{
    internal CauseFinding(RootCause cause, double score, IReadOnlyList<Evidence> evidence)
    {
        Cause = cause;
        Score = score;
        Evidence = evidence;
    }

    /// <summary>The cause.</summary>
    public RootCause Cause { get; }

    /// <summary>Confidence from 0 to 1, combined from the weights of the rules that fired (noisy-OR).</summary>
    public double Score { get; }

    /// <summary>The phrases and markers that support it.</summary>
    public IReadOnlyList<Evidence> Evidence { get; }
}

/// <summary>A conflict type found in the complaint.</summary>
public sealed class ConflictFinding
{
    internal ConflictFinding(ConflictType type, string? subtype, double score, IReadOnlyList<Evidence> evidence)
    {
        Type = type;
        Subtype = subtype;
        Score = score;
        Evidence = evidence;
    }

    /// <summary>The conflict type.</summary>
    public ConflictType Type { get; }

    /// <summary>The most specific subtype the strongest rule named (e.g. <c>fees</c>), or <see langword="null"/>.</summary>
    public string? Subtype { get; }

    /// <summary>Confidence from 0 to 1 (noisy-OR of the rules' weights).</summary>
    public double Score { get; }

    /// <summary>The phrases that support it.</summary>
    public IReadOnlyList<Evidence> Evidence { get; }
}

/// <summary>A span of the complaint that a rule relied on.</summary>
public sealed class Evidence
{
    internal Evidence(string text, int start, int length, string ruleId, string signal, string field)
    {
        Text = text;
        Start = start;
        Length = length;
        RuleId = ruleId;
        Signal = signal;
        Field = field;
    }

    /// <summary>The text of the span, as the customer wrote it.</summary>
    public string Text { get; }

    /// <summary>Offset of the span in UTF-16 code units.</summary>
    public int Start { get; }

    /// <summary>Length of the span in UTF-16 code units.</summary>
    public int Length { get; }

    /// <summary>The rule that used it.</summary>
    public string RuleId { get; }

    /// <summary>The lexicon or marker that matched.</summary>
    public string Signal { get; }

    /// <summary><c>text</c>, or <c>customerDemand</c> when the span is in <see cref="Complaint.CustomerDemand"/>.</summary>
    public string Field { get; }
}

/// <summary>One handling step with the guidance for this complaint.</summary>
public sealed class StepGuidance
{
    internal StepGuidance(HandlingStep step, string guidance, string emphasis, IReadOnlyList<string> checklist, string ruleId)
    {
        Step = step;
        Guidance = guidance;
        Emphasis = emphasis;
        Checklist = checklist;
        RuleId = ruleId;
    }

    /// <summary>The step.</summary>
    public HandlingStep Step { get; }

    /// <summary>What to do, in the complaint's language.</summary>
    public string Guidance { get; }

    /// <summary><c>normal</c>, or <c>extended</c> where the step needs more time than usual.</summary>
    public string Emphasis { get; }

    /// <summary>Points to check while doing the step (e.g. the apology principles); may be empty.</summary>
    public IReadOnlyList<string> Checklist { get; }

    /// <summary>The rule that set this step.</summary>
    public string RuleId { get; }

    /// <summary>Names this instance (shared per rule and language) in the authority cache's keys.</summary>
    internal int CacheKey { get; } = AuthorityCache.NextKey();

    /// <summary>This instance as the full profile writes it with the relaxed encoder, made on first write (instances are shared).</summary>
    internal byte[]? RelaxedJson { get; set; }

    /// <summary>This step with other guidance (the same step, emphasis, checklist and rule).</summary>
    internal StepGuidance WithGuidance(string guidance) => new(Step, guidance, Emphasis, Checklist, RuleId);
}

/// <summary>A remedy to offer.</summary>
public sealed class RemedyRecommendation
{
    internal RemedyRecommendation(string remedy, OutcomeClass outcomeClass, int priority, string reason, string ruleId)
    {
        Remedy = remedy;
        OutcomeClass = outcomeClass;
        Priority = priority;
        Reason = reason;
        RuleId = ruleId;
    }

    /// <summary>The remedy's id in the rule set's catalogue (e.g. <c>refund</c>).</summary>
    public string Remedy { get; }

    /// <summary>What kind of outcome it gives the customer.</summary>
    public OutcomeClass OutcomeClass { get; }

    /// <summary>Higher is better; the list is ordered by it.</summary>
    public int Priority { get; }

    /// <summary>Why it is recommended, in the complaint's language.</summary>
    public string Reason { get; }

    /// <summary>The rule that recommended it.</summary>
    public string RuleId { get; }

    /// <summary>Names this instance (shared per rule and language) in the authority cache's keys.</summary>
    internal int CacheKey { get; } = AuthorityCache.NextKey();

    /// <summary>This instance as the full profile writes it with the relaxed encoder, made on first write (instances are shared).</summary>
    internal byte[]? RelaxedJson { get; set; }

    /// <summary>
    /// The lowest role that may grant this remedy for this complaint (from its amount, severity and the caps of the rule
    /// set's <c>authority</c> section, see <see cref="AuthorityLimits"/>); <see langword="null"/> when the rule set has none.
    /// </summary>
    public string? GrantedBy { get; internal init; }

    // One copy per granting role, made once: recommendations are shared per rule and language, and so are these.
    private RemedyRecommendation?[]? _byRank;

    /// <summary>This recommendation with the role that may grant it (rank <paramref name="rank"/> of <paramref name="roleCount"/>).</summary>
    internal RemedyRecommendation WithGrantedBy(string role, int rank, int roleCount)
    {
        var cache = _byRank ?? Interlocked.CompareExchange(ref _byRank, new RemedyRecommendation?[roleCount], null) ?? _byRank!;
        if ((uint)rank >= (uint)cache.Length)
        {
            return new(Remedy, OutcomeClass, Priority, Reason, RuleId) { GrantedBy = role };
        }

        return cache[rank] ??= new(Remedy, OutcomeClass, Priority, Reason, RuleId) { GrantedBy = role };
    }
}

/// <summary>A rule that fired.</summary>
public sealed class RuleFiring
{
    internal RuleFiring(string ruleId, string decision)
    {
        RuleId = ruleId;
        Decision = decision;
    }

    /// <summary>The rule's id.</summary>
    public string RuleId { get; }

    /// <summary>The decision it belongs to (<c>causes</c>, <c>intensity</c>, <c>conflicts</c>, <c>severity</c>, <c>steps</c>, <c>remedies</c>).</summary>
    public string Decision { get; }

    /// <summary>This instance as the full profile writes it with the relaxed encoder, made on first write (one per rule, shared).</summary>
    internal byte[]? RelaxedJson { get; set; }
}
