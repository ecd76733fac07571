using ComplaintRules.Testing;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Testing.Tests.Scoring;

/// <summary>The scorer end to end on the test rule file, whose decisions are easy to work out.</summary>
public class ComplaintScorerTests
{
    // basic.rules.json: "promised" → expectation 0.6 (primary), "refund" → rights claim 0.5, "angry" → venting 0.7,
    // "fee" → price, "slow" → expectation 0.2 (below the threshold) and service quality.
    private const string Labelled = """
        {"id": "a", "text": "I was promised a refund.", "expect": {"primaryCause": "expectation", "causes": ["expectation", "rights_claim"], "conflictType": "other", "remedyClass": "monetary"}}
        {"id": "b", "text": "I am angry about the fee", "expect": {"primaryCause": "venting", "conflictType": "price", "intensity": 2}}
        {"id": "c", "text": "It was slow", "expect": {"primaryCause": "expectation", "conflictType": "service_quality", "intensity": 1}}
        {"id": "d", "text": "Hello", "expect": {"primaryCause": "none", "conflictType": "price", "isComplaint": false}}
        """;

    private static ScoreReport Score(int misses = 10) =>
        new ComplaintScorer(Basic).Score(LabelledComplaintFile.Read(new StringReader(Labelled)).Complaints, misses);

    [Fact]
    public void Each_metric_is_computed_over_the_lines_that_carry_its_label()
    {
        var report = Score();

        Assert.Equal(4, report.Rows);
        // primary: gold exp, vent, exp, none; predicted exp, vent, none, none. Chance (2·1 + 1·1 + 1·2) / 16.
        Assert.Equal(0.75, report.PrimaryCause!.Accuracy, 4);
        Assert.Equal((0.75 - (5.0 / 16)) / (1 - (5.0 / 16)), report.PrimaryCause.Kappa, 4);
        Assert.Equal(1, report.Causes!.N);
        Assert.Equal(1, report.Causes.MacroF1, 4);
        Assert.Equal(0.75, report.ConflictType!.Accuracy, 4);
        Assert.Equal(2, report.Intensity!.N);
        Assert.Equal(1, report.RemedyClass!.N);
        Assert.Equal(1, report.RemedyClass.Accuracy);
        Assert.Equal(1, report.IsComplaint!.Accuracy);
        Assert.Null(report.Severity);
    }

    [Fact]
    public void The_worst_misses_come_first_with_the_rules_of_the_wrong_decision_and_the_facts_they_read()
    {
        var report = Score(misses: 1);

        var miss = Assert.Single(report.Misses);
        Assert.Equal("c", miss.Id);                // wrong primary cause (1) + intensity off by 1 (0.25)
        Assert.Equal(3, miss.Line);
        Assert.Equal(["primaryCause", "intensity"], miss.Errors.Select(e => e.Decision));
        var rule = Assert.Single(miss.Rules, r => r.Decision == "causes");
        Assert.Equal("c.slow", rule.RuleId);
        Assert.Contains(rule.Reads, r => r.ToString() == "Count(\"slow\")=1");
    }

    [Fact]
    public void The_json_report_uses_the_documented_names_and_metrics_can_be_looked_up_by_path()
    {
        var report = Score();
        using var json = System.Text.Json.JsonDocument.Parse(report.ToJson());
        var metrics = json.RootElement.GetProperty("metrics");

        Assert.Equal(4, json.RootElement.GetProperty("rows").GetInt32());
        foreach (var name in new[] { "n", "accuracy", "kappa", "macroF1", "majorityBaseline", "confusion" })
        {
            Assert.True(metrics.GetProperty("primaryCause").TryGetProperty(name, out _), name);
            Assert.True(metrics.GetProperty("conflictType").TryGetProperty(name, out _), name);
        }

        Assert.Equal(1, metrics.GetProperty("causes").GetProperty("perCause").GetProperty("rights_claim").GetProperty("f1").GetDouble());
        Assert.True(metrics.GetProperty("intensity").TryGetProperty("spearman", out _));
        Assert.True(metrics.GetProperty("remedyClass").TryGetProperty("majorityBaseline", out _));
        Assert.Equal(JsonValueKindArray, json.RootElement.GetProperty("misses").ValueKind);
        Assert.True(report.TryGetMetric("metrics.primaryCause.accuracy", out var accuracy));
        Assert.Equal(0.75, accuracy);
        Assert.False(report.TryGetMetric("metrics.severity.spearman", out _));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindArray = System.Text.Json.JsonValueKind.Array;
}
