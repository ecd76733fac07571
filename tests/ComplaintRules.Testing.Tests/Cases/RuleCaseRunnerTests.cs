using ComplaintRules.Testing;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Testing.Tests.Cases;

/// <summary>Running rule tests: every expectation checked, and a failure that explains itself with rules and facts.</summary>
public sealed class RuleCaseRunnerTests
{
    private static RuleTestResult Run(string json) =>
        new RuleCaseRunner(Basic).Run(Assert.Single(RuleTestCaseFile.Parse($$"""{ "cases": [ {{json}} ] }""")));

    [Fact]
    public void A_case_whose_expectations_hold_passes()
    {
        var result = Run("""{ "name": "angry", "complaint": { "text": "I am angry!!!" }, "expect": { "primaryCause": "venting", "causesAbsent": ["expectation"] } }""");

        Assert.True(result.Passed, result.Describe());
        Assert.Equal("PASS  angry", result.Describe());
    }

    [Fact]
    public void A_failed_cause_names_the_rules_that_fired_and_those_that_did_not_with_the_counts_they_read()
    {
        var result = Run("""{ "name": "wrong", "complaint": { "text": "I am angry!!!" }, "expect": { "primaryCause": "expectation" } }""");

        var failure = Assert.Single(result.Failures);
        Assert.Equal("causes", failure.Decision);
        Assert.Contains("expected primaryCause 'expectation', got 'venting'", failure.Message, StringComparison.Ordinal);
        Assert.Contains(failure.Fired, r => r.RuleId == "c.anger" && r.Reads.Any(f => f.ToString() == "Count(\"anger\")=1"));
        Assert.All(failure.NotFired, r => Assert.Equal("expectation", r.Outcome));
        Assert.Contains(failure.NotFired, r => r.RuleId == "c.expect");
        Assert.True(result.FailsRun);
        var report = result.Describe();
        Assert.StartsWith("FAIL  wrong (inline.cases.json:1)", report, StringComparison.Ordinal);
        Assert.Contains("causes rules that fired:", report, StringComparison.Ordinal);
        Assert.Contains("did not fire:", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_expectation_is_checked()
    {
        var actual = Analyze("I am angry!!!");
        var other = Enum.GetValues<ConflictType>().First(t => t != actual.ConflictType);
        var result = Run($$"""
            { "name": "all", "complaint": { "text": "I am angry!!!" },
              "expect": { "causesPresent": ["expectation"], "causesAbsent": ["venting"], "conflictType": "{{other.Name()}}",
                          "severity": "critical", "remediesPresent": ["refund"], "remediesAbsent": [{{string.Join(", ", actual.Remedies.Take(1).Select(r => $"\"{r.Remedy}\""))}}],
                          "stepsInOrder": ["follow_up", "listen"], "rulesFired": ["c.expect"], "rulesNotFired": ["c.anger"] } }
            """);

        var messages = result.Failures.Select(f => f.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("expected cause 'expectation' to be present", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("expected cause 'venting' to be absent", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("expected conflictType", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("expected severity 'critical'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("expected remedy 'refund' to be recommended", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("expected steps in the order follow_up → listen", StringComparison.Ordinal));
        Assert.Contains(messages, m => m == "expected rule 'c.expect' to fire, it did not");
        Assert.Contains(messages, m => m == "expected rule 'c.anger' not to fire, it did");
        if (actual.Remedies.Count > 0)
        {
            Assert.Contains(messages, m => m.StartsWith($"expected remedy '{actual.Remedies[0].Remedy}' not to be recommended", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Steps_are_checked_as_a_subsequence_and_severity_at_least_accepts_higher()
    {
        var a = Analyze("I am angry!!!");
        Assert.True(a.Steps.Count >= 2 && a.Severity > Severity.Minor);
        var json = $$"""
            { "name": "order", "complaint": { "text": "I am angry!!!" },
              "expect": { "stepsInOrder": ["{{a.Steps[0].Step.Name()}}", "{{a.Steps[^1].Step.Name()}}"], "severityAtLeast": "minor" } }
            """;

        var result = Run(json);

        Assert.True(result.Passed, result.Describe());
    }

    [Fact]
    public void A_remedy_no_rule_recommends_is_called_out_with_the_remedy_meant()
    {
        var result = Run("""{ "name": "typo", "complaint": { "text": "slow app" }, "expect": { "remediesPresent": ["refnud"] } }""");

        Assert.Contains("no rule of the rule set recommends 'refnud'; did you mean 'refund'?", Assert.Single(result.Failures).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_pending_case_does_not_fail_the_run_and_a_passing_one_asks_for_the_mark_to_go()
    {
        var failing = Run("""{ "name": "p", "pending": "tuning", "complaint": { "text": "I am angry!!!" }, "expect": { "primaryCause": "expectation" } }""");
        var passing = Run("""{ "name": "q", "pending": "tuning", "complaint": { "text": "I am angry!!!" }, "expect": { "primaryCause": "venting" } }""");

        Assert.False(failing.Passed);
        Assert.False(failing.FailsRun);
        Assert.StartsWith("PENDING  p", failing.Describe(), StringComparison.Ordinal);
        Assert.Contains("remove \"pending\"", passing.Describe(), StringComparison.Ordinal);
    }
}
