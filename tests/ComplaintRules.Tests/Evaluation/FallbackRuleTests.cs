using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>Fallback rules (fallback.rules.json): causes and conflicts rules that read their own decision's outcome run in a second stage.</summary>
public sealed class FallbackRuleTests
{
    private static readonly Lazy<ComplaintRuleSet> s_rules = new(() => Load("fallback.rules.json"));

    private static ComplaintRuleSet Rules => s_rules.Value;

    [Fact]
    public void A_complaint_with_no_claim_and_no_venting_falls_back_to_an_expectation()
    {
        var result = Analyze("I am really disappointed with the new card.", Rules);

        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(0.6, Assert.Single(result.RootCauses).Score);
        Assert.Equal("disappointed", Assert.Single(result.RootCauses[0].Evidence).Text);
        Assert.Equal(["f.expectation"], result.Trace.Select(t => t.RuleId));
    }

    [Theory]
    [InlineData("I am disappointed and I want a refund.", RootCause.RightsClaim)]
    [InlineData("我对你们很失望，气死了", RootCause.Venting)]
    public void The_fallback_does_not_fire_when_the_first_stage_found_its_cause(string text, RootCause cause)
    {
        var result = Analyze(text, Rules);

        Assert.Equal(cause, Assert.Single(result.RootCauses).Cause);
        Assert.DoesNotContain(result.Trace, t => t.RuleId == "f.expectation");
    }

    [Fact]
    public void Fallback_rules_see_the_first_stage_not_each_other()
    {
        // f.none gives an expectation in the second stage; f.after_expectation, in the same stage, does not see it.
        var result = Analyze("The app keeps crashing.", Rules);

        Assert.Equal(RootCause.Expectation, result.PrimaryCause);
        Assert.Equal(["f.none", "k.other"], result.Trace.Select(t => t.RuleId));
    }

    [Fact]
    public void A_fallback_reads_the_first_stage_scores_and_runs_after_every_other_rule_of_its_decision()
    {
        // c.promise (first stage, after the fallbacks in the file) makes the expectation that f.after_expectation reads.
        var result = Analyze("They promised a fix, the app is broken.", Rules);

        Assert.Equal(["c.promise", "f.after_expectation", "i.anger", "k.other"], result.Trace.Select(t => t.RuleId)); // later decisions see the final causes
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.Venting && c.Score == 0.5);
    }

    [Fact]
    public void A_conflict_fallback_gives_a_type_where_the_first_stage_found_none()
    {
        var result = Analyze("手机银行一打开就闪退", Rules);

        Assert.Equal(ConflictType.ServiceQuality, result.ConflictType);
        Assert.Equal("malfunction", Assert.Single(result.ConflictTypes).Subtype);
    }

    [Fact]
    public void A_conflict_fallback_reads_the_first_stage_scores()
    {
        var result = Analyze("The app is broken, refund me now.", Rules);

        Assert.Equal(ConflictType.Price, result.ConflictType);
        var service = Assert.Single(result.ConflictTypes, c => c.Type == ConflictType.ServiceQuality);
        Assert.Equal(("defect", 0.3), (service.Subtype, service.Score));
        Assert.DoesNotContain(result.Trace, t => t.RuleId == "k.other");
    }

    [Fact]
    public void Explain_marks_fallback_rules_lists_them_after_the_others_and_shows_what_they_saw()
    {
        var complaint = new Complaint { Id = "x", Text = "The app keeps crashing." };

        var explanation = new ComplaintAnalyzer(Rules).Explain(complaint);

        Assert.Equal(
            ["c.refund", "c.anger", "c.promise", "f.expectation", "f.none", "f.after_expectation"],
            explanation.Rules.Where(r => r.Decision == "causes").Select(r => r.RuleId));
        Assert.Equal(["f.expectation", "f.none", "f.after_expectation", "k.other", "k.with_price"],
            explanation.Rules.Where(r => r.Fallback).Select(r => r.RuleId));
        var none = explanation.Rules.Single(r => r.RuleId == "f.none");
        Assert.Equal("PrimaryCause=\"none\"", none.Reads[0].ToString()); // the final primary cause is expectation
        Assert.Equal("CauseScore(\"expectation\")=0", explanation.Rules.Single(r => r.RuleId == "f.after_expectation").Reads[0].ToString());

        var rendered = ComplaintRules.Cli.Commands.ExplainCommand.Render(complaint, explanation, color: false, allRules: true);
        Assert.Contains("  causes, fallback stage (after the other causes rules, seeing their outcome)", rendered, StringComparison.Ordinal);
        Assert.Contains("  conflicts, fallback stage (after the other conflicts rules, seeing their outcome)", rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("intensity", "\"points\": 1", "Intensity > 2", "'Intensity' is the outcome of the intensity decision, which is not made yet when intensity rules run")]
    [InlineData("causes", "\"cause\": \"venting\", \"weight\": 0.5", "Conflict == \"other\"", "'Conflict' is the outcome of the conflicts decision, which is not made yet when causes rules run")]
    [InlineData("conflicts", "\"type\": \"price\", \"weight\": 0.5", "SeverityLevel > 1", "'SeverityLevel' is the outcome of the severity decision, which is not made yet when conflicts rules run")]
    [InlineData("severity", "\"level\": \"serious\"", "Severity == \"minor\"", "'Severity' is the outcome of the severity decision, which is not made yet when severity rules run")]
    public void Only_causes_and_conflicts_rules_may_read_their_own_outcome(string decision, string outcome, string when, string message)
    {
        var json = $$"""{ "rules": { "{{decision}}": [ { "id": "r", "when": {{System.Text.Json.JsonSerializer.Serialize(when)}}, {{outcome}} } ] } }""";

        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));

        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }
}
