using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>The evidence of a finding is a list of maximal, non-overlapping spans (evidence.rules.json).</summary>
public sealed class EvidenceTests
{
    private static readonly Lazy<ComplaintRuleSet> s_rules = new(() => Load("evidence.rules.json"));

    private static ComplaintRuleSet Rules => s_rules.Value;

    [Theory]
    [InlineData("你们太过分！！", new[] { "太过分", "！！" })]
    [InlineData("太过分了，真是气死我了!!!", new[] { "太过分了", "气死", "!!!" })]   // "太过分" and "过分了" overlap: one span
    [InlineData("This is outrageous! Absolutely ridiculous!!", new[] { "outrageous", "!", "Absolutely ridiculous", "!!" })]
    [InlineData("过分！过分！", new[] { "过分", "！", "过分", "！" })]                    // the same phrase twice is two spans
    public void Overlapping_spans_show_once_as_the_longest(string text, string[] expected)
    {
        var venting = Assert.Single(Analyze(text, Rules).RootCauses, c => c.Cause == RootCause.Venting);

        Assert.Equal(expected, venting.Evidence.Select(e => e.Text));
        Assert.All(venting.Evidence, e => Assert.Equal(e.Text, text.Substring(e.Start, e.Length)));
        for (var i = 1; i < venting.Evidence.Count; i++)
        {
            Assert.True(venting.Evidence[i - 1].Start + venting.Evidence[i - 1].Length <= venting.Evidence[i].Start, "spans overlap or are out of order");
        }
    }

    [Fact]
    public void A_span_names_the_signal_and_rule_of_its_longest_part()
    {
        var evidence = Assert.Single(Analyze("太过分", Rules).RootCauses).Evidence;

        // "太过分" is both an anger and a strong_anger phrase; e.anger reads anger first.
        Assert.Equal(("太过分", "anger", "e.anger"), Assert.Single(evidence) is var e ? (e.Text, e.Signal, e.RuleId) : default);
    }

    [Fact]
    public void A_pattern_span_covers_its_parts()
    {
        var expectation = Assert.Single(Analyze("I can't log in to the app.", Rules).RootCauses);

        Assert.Equal(["can't log in"], expectation.Evidence.Select(e => e.Text));
        Assert.Equal("failed_action", expectation.Evidence[0].Signal);
    }

    [Fact]
    public void Spans_in_the_text_and_in_the_demand_are_kept_apart()
    {
        var complaint = new Complaint { Id = "d", Text = "我要退款", CustomerDemand = "全额退款" };

        var evidence = Assert.Single(Analyze(complaint, Rules).RootCauses).Evidence;

        Assert.Equal([("退款", "text", 2), ("退款", "customerDemand", 2)], evidence.Select(e => (e.Text, e.Field, e.Start)));
    }

    [FsCheck.Xunit.Property(Arbitrary = new[] { typeof(Properties.Arbitraries) }, MaxTest = 200)]
    public void Evidence_spans_are_in_order_and_never_overlap(Properties.ComplaintText text)
    {
        foreach (var rules in new[] { Rules, Basic, ComplaintRuleSet.Default })
        {
            var result = Analyze(text.Value, rules);
            foreach (var evidence in result.RootCauses.Select(c => c.Evidence).Concat(result.ConflictTypes.Select(c => c.Evidence)))
            {
                Assert.InRange(evidence.Count, 0, ComplaintRules.Evaluation.RuleEvaluator.MaxEvidencePerFinding);
                for (var i = 0; i < evidence.Count; i++)
                {
                    Assert.Equal(evidence[i].Text, text.Value.Substring(evidence[i].Start, evidence[i].Length));
                    if (i > 0)
                    {
                        Assert.True(evidence[i - 1].Start + evidence[i - 1].Length <= evidence[i].Start, $"{evidence[i - 1]} and {evidence[i]}");
                    }
                }
            }
        }
    }

    [Fact]
    public void A_phrase_inside_a_longer_phrase_of_its_own_lexicon_counts_once()
    {
        var explanation = new ComplaintAnalyzer(Rules).Explain(new Complaint { Id = "c", Text = "你们太过分！！" });

        var marks = explanation.Rules.Single(r => r.RuleId == "e.marks");
        Assert.Equal("Count(\"exclamation_mark\")=2", marks.Reads[0].ToString());
        Assert.Equal("Count(\"anger\")=1", explanation.Rules.Single(r => r.RuleId == "e.anger").Reads[0].ToString()); // "太过分", not also "过分"

        var twice = new ComplaintAnalyzer(Rules).Explain(new Complaint { Id = "c", Text = "太过分了，真的过分" });
        Assert.Equal("Count(\"anger\")=2", twice.Rules.Single(r => r.RuleId == "e.anger").Reads[0].ToString()); // two occurrences
    }
}
