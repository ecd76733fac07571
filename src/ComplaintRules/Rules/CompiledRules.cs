using ComplaintRules.Features;

namespace ComplaintRules.Rules;

/// <summary>A rule after loading: its condition compiled, its outcome validated.</summary>
internal abstract record CompiledRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead)
{
    private RuleFiring? _firing;

    /// <summary>The condition; an interpreted one is replaced by its compiled delegate once the rule set is in steady use.</summary>
    public Func<ComplaintFacts, bool> Condition { get; internal set; } = Condition;

    public abstract Decision Decision { get; }

    /// <summary>The trace entry of this rule, built once and shared by every assessment (it is immutable).</summary>
    public RuleFiring Firing => _firing ??= new RuleFiring(Id, Decision.Name());

    /// <summary>What the rule decides when it fires, as rule files spell it: a cause, conflict type, level, step, remedy or points.</summary>
    public abstract string Outcome { get; }

    /// <summary>The condition as compiled: <see cref="When"/> with its named conditions (<c>Is("name")</c>) written out.</summary>
    public string ExpandedWhen { get; init; } = When;

    /// <summary>
    /// Signal count slots of which one at least is above 0 when the condition holds (<see cref="ConditionGuard"/>): when
    /// all are 0 the rule does not fire, and its condition is not run. <see langword="null"/>: always run.
    /// </summary>
    public int[]? Guard { get; init; }

    /// <summary>The facts the condition reads, for explanations.</summary>
    public FactRead[] Reads { get; init; } = [];

    /// <summary>
    /// Whether the condition reads its own decision's outcome (<c>HasCause</c>, <c>Conflict</c>, …): the rule runs in a
    /// second stage, after every other rule of its decision, and sees the outcome of that first stage.
    /// </summary>
    public bool Fallback { get; init; }
}

internal sealed record CauseRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, RootCause Cause, double Weight)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Causes;

    public override string Outcome => Cause.Name();

    /// <summary>
    /// <c>primaryOnly</c>: the rule counts towards its cause's score, but a cause that only such rules found is listed
    /// only as the primary cause, never beside another.
    /// </summary>
    public bool PrimaryOnly { get; init; }
}

internal sealed record IntensityRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, int Points)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Intensity;

    public override string Outcome => Points.ToString("+0;-0", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record ConflictRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, ConflictType Type, string? Subtype, double Weight)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Conflicts;

    public override string Outcome => Type.Name();
}

internal sealed record SeverityRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, Severity Level, LocalizedText Reason)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Severity;

    public override string Outcome => Level.Name();
}

internal sealed record StepRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, HandlingStep Step, int Order, int Priority,
    string Emphasis, LocalizedText Guidance, LocalizedText[] Checklist)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    private StepGuidance? _en;
    private StepGuidance? _zh;

    public override Decision Decision => Decision.Steps;

    /// <summary>The step as an assessment shows it, per language; built once and shared, so its checklist is read-only.</summary>
    public StepGuidance GuidanceFor(string language) => language == "zh"
        ? _zh ??= BuildGuidance("zh")
        : _en ??= BuildGuidance("en");

    private StepGuidance BuildGuidance(string language) =>
        new(Step, Guidance.For(language), Emphasis, ReadOnlyLists.Of(Array.ConvertAll(Checklist, c => c.For(language))), Id);

    public override string Outcome => Step.Name();
}

internal sealed record RemedyRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, string Remedy, OutcomeClass OutcomeClass, int Priority, LocalizedText Reason)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    private RemedyRecommendation? _en;
    private RemedyRecommendation? _zh;

    public override Decision Decision => Decision.Remedies;

    /// <summary>The recommendation as an assessment shows it, per language; built once, shared (immutable).</summary>
    public RemedyRecommendation RecommendationFor(string language) => language == "zh"
        ? _zh ??= new RemedyRecommendation(Remedy, OutcomeClass, Priority, Reason.For("zh"), Id)
        : _en ??= new RemedyRecommendation(Remedy, OutcomeClass, Priority, Reason.For("en"), Id);

    public override string Outcome => Remedy;
}

/// <summary>The tie-break (<see cref="Evaluation.TieBreak"/>) in a trace and in evidence: no condition, never run as a rule.</summary>
internal sealed record TieBreakRule(int[] SignalsRead)
    : CompiledRule(Evaluation.TieBreak.RuleId, "tieBreak", static _ => false, SignalsRead)
{
    public override Decision Decision => Decision.Causes;

    public override string Outcome => "order";
}
