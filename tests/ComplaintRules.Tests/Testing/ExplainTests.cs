using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Testing;

/// <summary>ComplaintAnalyzer.Explain: the same assessment as Analyze, and for every rule whether it fired and what it read.</summary>
public sealed class ExplainTests
{
    private static readonly Complaint s_complaint = new() { Id = "e", Text = "I am angry!!! I want a refund.", Channel = "phone", Amount = 120 };

    [Fact]
    public void The_assessment_is_the_one_analyze_gives()
    {
        var analyzer = new ComplaintAnalyzer(Basic);

        var explained = analyzer.Explain(s_complaint).Assessment;
        var analysed = analyzer.Analyze(s_complaint);

        Assert.Equal(ComplaintJson.Serialize(analysed), ComplaintJson.Serialize(explained));
    }

    [Fact]
    public void Every_rule_is_listed_once_by_decision_and_fired_matches_the_trace()
    {
        var explanation = new ComplaintAnalyzer(Basic).Explain(s_complaint);

        Assert.Equal(Basic.RuleIds.Order(StringComparer.Ordinal), explanation.Rules.Select(r => r.RuleId).Order(StringComparer.Ordinal));
        Assert.Equal(explanation.Assessment.Trace.Select(t => t.RuleId), explanation.Rules.Where(r => r.Fired).Select(r => r.RuleId));
        string[] order = ["causes", "intensity", "conflicts", "severity", "steps", "remedies"];
        var decisions = explanation.Rules.Select(r => Array.IndexOf(order, r.Decision)).ToList();
        Assert.Equal(decisions.Order(), decisions);
    }

    [Fact]
    public void A_rule_reports_the_counts_and_fields_it_read()
    {
        var explanation = new ComplaintAnalyzer(Basic).Explain(s_complaint);

        var anger = explanation.Rules.Single(r => r.RuleId == "c.anger");
        Assert.True(anger.Fired);
        Assert.Equal("venting", anger.Outcome);
        Assert.Contains(anger.Reads, r => r.Name == "Count(\"anger\")" && r.Value == "1");
        Assert.All(explanation.Rules.SelectMany(r => r.Reads), read => Assert.NotEqual("?", read.Value));
    }

    [Fact]
    public void Fields_and_outcomes_of_earlier_decisions_read_as_the_rule_saw_them()
    {
        const string json = """
            { "remedyCatalog": { "call": { "outcomeClass": "relational" } },
              "rules": { "remedies": [ { "id": "r", "when": "Channel == \"phone\" && Amount > 100 && PrimaryCause == \"none\" && HasTag(\"vip\")", "remedy": "call" } ] } }
            """;
        var analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Load(RuleSetSource.FromJson(json)));

        var rule = Assert.Single(analyzer.Explain(s_complaint).Rules);

        Assert.False(rule.Fired);
        Assert.Equal(["Channel=\"phone\"", "Amount=120", "PrimaryCause=\"none\"", "HasTag(\"vip\")=false"], rule.Reads.Select(r => r.ToString()));
    }
}
