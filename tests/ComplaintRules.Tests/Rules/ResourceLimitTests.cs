namespace ComplaintRules.Tests.Rules;

/// <summary>Limits that keep hostile rule files and complaint text from taking unbounded memory.</summary>
public class ResourceLimitTests
{
    [Fact]
    public void A_rule_document_over_the_size_limit_is_rejected_whole()
    {
        var padding = new string(' ', RuleSetSource.MaxDocumentBytes);
        var json = "{ \"name\": \"big\"," + padding + "\"lexicons\": {} }";

        var diagnostic = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json, "big.rules.json")));

        Assert.Equal("big.rules.json", diagnostic.File);
        Assert.Contains("limit", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_file_over_the_size_limit_is_rejected_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():n}.rules.json");
        File.WriteAllText(path, "{ \"name\": \"big\"," + new string(' ', RuleSetSource.MaxDocumentBytes) + "}");
        try
        {
            var diagnostic = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromFile(path)));

            Assert.Contains("limit", diagnostic.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Text_that_matches_without_end_is_capped_with_a_warning_not_an_exception()
    {
        // Ten nested phrases over a run of one character (Chinese phrases need no word boundary): every position
        // ends ten matches, far more than the cap of four occurrences per character.
        var phrases = string.Join(", ", Enumerable.Range(1, 10).Select(n => $"\"{new string('哈', n)}\""));
        var rules = ComplaintRuleSet.Load(RuleSetSource.FromJson($$"""
            {
              "lexicons": { "letters": { "zh": [{{phrases}}], "negatable": false } },
              "rules": { "causes": [ { "id": "c", "when": "Count(\"letters\") > 0", "cause": "venting", "weight": 0.5 } ] }
            }
            """));
        var text = "好" + new string('哈', 2000) + "好";

        var assessment = new ComplaintAnalyzer(rules).Analyze(new Complaint { Id = "x", Text = text });

        Assert.Contains(assessment.Warnings, w => w.Contains("signal occurrences", StringComparison.Ordinal));
        Assert.Equal(RootCause.Venting, assessment.PrimaryCause);
        Assert.True(assessment.RootCauses[0].Evidence.Count <= 12);
    }
}
