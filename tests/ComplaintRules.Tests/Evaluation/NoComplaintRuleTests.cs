using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>Rules for the cause "none" say a text is no complaint (none.rules.json).</summary>
public sealed class NoComplaintRuleTests
{
    private static readonly Lazy<ComplaintRuleSet> s_none = new(() => Load("none.rules.json"));

    [Fact]
    public void A_rule_for_none_at_the_threshold_leaves_no_cause_and_the_trace_shows_what_it_overruled()
    {
        var result = Analyze("Thank you for finding the bag you lost last week", s_none.Value);

        Assert.Equal(RootCause.None, result.PrimaryCause);
        Assert.Empty(result.RootCauses);
        Assert.Contains(result.Trace, f => f.RuleId == "n.thank_you");
        Assert.Contains(result.Trace, f => f.RuleId == "n.fault");
        Assert.DoesNotContain(result.Trace, f => f.RuleId == "n.fallback"); // the fallback explains complaints: not read
        Assert.Equal(ConflictType.Other, result.ConflictType);                  // no complaint, no conflict
        Assert.Empty(result.ConflictTypes);
        Assert.Contains(result.Trace, f => f.RuleId == "n.conflict.fault");
    }

    [Fact]
    public void Without_the_rule_for_none_the_same_fault_is_a_complaint()
    {
        var result = Analyze("I am furious, you lost my bag, thank you very much", s_none.Value);

        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Venting);
        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
    }

    [Fact]
    public void A_rule_for_none_below_the_threshold_changes_nothing()
    {
        var result = Analyze("The kettle is broken. " + new string('x', 500), s_none.Value);

        Assert.Contains(result.Trace, f => f.RuleId == "n.weak_none");
        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
    }

    [Fact]
    public void The_fallback_still_reads_when_no_rule_for_none_fired() =>
        Assert.Equal(RootCause.Expectation, Analyze("Nothing happened at all here", s_none.Value).PrimaryCause);
}
