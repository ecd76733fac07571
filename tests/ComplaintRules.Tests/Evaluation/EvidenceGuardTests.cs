using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>Evidence is what supports a finding: a signal a rule reads only to rule it out is no evidence (guards.rules.json).</summary>
public sealed class EvidenceGuardTests
{
    private static readonly Lazy<ComplaintRuleSet> s_guards = new(() => Load("guards.rules.json"));

    private static string[] EvidenceOf(string text, RootCause cause) =>
        [.. Assert.Single(Analyze(text, s_guards.Value).RootCauses, c => c.Cause == cause).Evidence.Select(e => e.Text)];

    [Fact]
    public void A_signal_that_only_counts_against_the_condition_is_no_evidence()
    {
        // Count("praise") < 2: praise can only stop the rule, so "great" does not support the expectation.
        Assert.Equal(["broken"], EvidenceOf("the kettle is broken, great", RootCause.Expectation));
    }

    [Fact]
    public void The_right_side_of_a_comparison_counts_against_the_left()
    {
        // Count("fault") > Count("praise"): the faults are the evidence, the praise they outweigh is not.
        Assert.Equal(["broken", "leaking"], EvidenceOf("broken and leaking, lovely", RootCause.Venting));
    }

    [Fact]
    public void A_lexicon_marked_evidence_false_is_never_evidence()
    {
        // voice is read in favour of the rule (no news without a first person), but the lexicon says it is no evidence.
        Assert.Equal(["broken"], EvidenceOf("reports say my kettle is broken", RootCause.RightsClaim));
    }

    [Fact]
    public void A_signal_that_can_count_either_way_stays_evidence()
    {
        // Count("polite") == 1 is true for one "please" and false for none or two: the "please" is part of the case.
        Assert.Equal(["please", "broken"], EvidenceOf("please, it is broken", RootCause.Expectation));
    }
}
