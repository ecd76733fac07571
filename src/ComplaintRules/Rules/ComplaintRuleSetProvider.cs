namespace ComplaintRules;

/// <summary>
/// Serves the rule set an analyzer or a monitor runs now. The analyzer reads <see cref="Current"/> once per
/// complaint, so a provider may swap rule sets at any time (hot reload) and each assessment still comes wholly
/// from one of them. <c>ComplaintRules.Extensions</c> provides one that reloads rule files; a host can derive its
/// own (rule sets from a database, per tenant).
/// </summary>
public abstract class ComplaintRuleSetProvider
{
    /// <summary>For derived providers.</summary>
    protected ComplaintRuleSetProvider()
    {
    }

    /// <summary>The rule set serving now. Read it once per unit of work: it may be replaced at any moment. Never null.</summary>
    public abstract ComplaintRuleSet Current { get; }

    /// <summary>A provider that always serves <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleSet"/> is null.</exception>
    public static ComplaintRuleSetProvider Fixed(ComplaintRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return new FixedProvider(ruleSet);
    }

    private sealed class FixedProvider(ComplaintRuleSet ruleSet) : ComplaintRuleSetProvider
    {
        public override ComplaintRuleSet Current => ruleSet;
    }
}
