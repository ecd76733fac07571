using ComplaintRules.Features;

namespace ComplaintRules.Rules;

/// <summary>A rule after loading: its condition compiled, its outcome validated.</summary>
internal abstract record CompiledRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead)
{
    public abstract Decision Decision { get; }
}

internal sealed record CauseRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, RootCause Cause, double Weight)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Causes;
}

internal sealed record IntensityRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, int Points)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Intensity;
}

internal sealed record ConflictRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, ConflictType Type, string? Subtype, double Weight)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Conflicts;
}

internal sealed record SeverityRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, Severity Level, LocalizedText Reason)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Severity;
}

internal sealed record StepRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, HandlingStep Step, int Order, int Priority,
    string Emphasis, LocalizedText Guidance, LocalizedText[] Checklist)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Steps;
}

internal sealed record RemedyRule(string Id, string When, Func<ComplaintFacts, bool> Condition, int[] SignalsRead, string Remedy, OutcomeClass OutcomeClass, int Priority, LocalizedText Reason)
    : CompiledRule(Id, When, Condition, SignalsRead)
{
    public override Decision Decision => Decision.Remedies;
}
