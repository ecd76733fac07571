namespace ComplaintRules.Features;

/// <summary>The decisions a rule set makes, in the order they are evaluated; a rule can read the outcome of earlier ones.</summary>
internal enum Decision
{
    Causes,
    Intensity,
    Conflicts,
    Severity,
    Steps,
    Remedies,
}

/// <summary>Marks a <see cref="ComplaintFacts"/> member that holds the outcome of a decision, readable only by later decisions.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method)]
internal sealed class OutcomeOfAttribute(Decision decision) : Attribute
{
    public Decision Decision { get; } = decision;
}

internal static class DecisionNames
{
    private static readonly string[] s_names = ["causes", "intensity", "conflicts", "severity", "steps", "remedies"];

    public static string Name(this Decision decision) => s_names[(int)decision];
}
