using ComplaintRules.Evaluation;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>The tie-break's <c>detect</c>, through detect.rules.json: it finds complaints the rules find no cause in.</summary>
public sealed class TieBreakDetectionTests
{
    private static readonly Lazy<ComplaintRuleSet> s_rules = new(() => Load("detect.rules.json"));

    [Theory]
    [InlineData("Where is my parcel? It is still not here.", new[] { "my parcel", "still" })]
    [InlineData("我的快递到现在还没到", new[] { "快递", "还没" })]
    public void A_text_with_no_cause_whose_words_lean_to_a_complaint_is_an_unmet_expectation(string text, string[] grams)
    {
        var a = Analyze(text, s_rules.Value);

        var cause = Assert.Single(a.RootCauses);
        Assert.Equal((RootCause.Expectation, 0.5), (cause.Cause, cause.Score)); // the fallback cause, at the threshold
        Assert.Equal(grams, cause.Evidence.Select(e => e.Text));
        Assert.All(cause.Evidence, e => Assert.Equal((TieBreak.RuleId, TieBreak.SignalName), (e.RuleId, e.Signal)));
        Assert.Contains(a.Trace, f => f.RuleId == TieBreak.RuleId);
    }

    [Theory]
    [InlineData("Where is my parcel?")] // 3: not above 4
    [InlineData("My parcel is still here, lovely.")] // 3 + 2 - 3
    public void Words_that_lean_less_than_detect_leave_it_no_complaint(string text)
    {
        var a = Analyze(text, s_rules.Value);

        Assert.Equal(RootCause.None, a.PrimaryCause);
        Assert.DoesNotContain(a.Trace, f => f.RuleId == TieBreak.RuleId);
    }

    [Fact]
    public void A_rule_for_none_is_not_overruled()
    {
        var a = Analyze("Thank you, my parcel is still on its way.", s_rules.Value);

        Assert.Empty(a.RootCauses);
    }

    [Theory]
    [InlineData("Can I ask where my parcel is? It is still not here.")]
    [InlineData("请问我的快递到现在还没到")]
    public void A_rule_for_none_below_the_threshold_still_keeps_detection_off(string text)
    {
        var a = Analyze(text, s_rules.Value);

        Assert.Empty(a.RootCauses);
        Assert.DoesNotContain(a.Trace, f => f.RuleId == TieBreak.RuleId);
        Assert.Contains(a.Trace, f => f.RuleId == "c.question");
    }

    [Fact]
    public void A_rule_for_none_below_the_threshold_leaves_the_causes_the_rules_found()
    {
        var a = Analyze("Can I ask why my parcel is broken?", s_rules.Value);

        Assert.Equal((RootCause.Expectation, 0.6), (a.PrimaryCause, Assert.Single(a.RootCauses).Score));
    }

    [Fact]
    public void Causes_the_rules_found_are_left_as_they_are()
    {
        var a = Analyze("My parcel is still broken.", s_rules.Value);

        var cause = Assert.Single(a.RootCauses);
        Assert.Equal(0.6, cause.Score);
        Assert.DoesNotContain(cause.Evidence, e => e.Signal == TieBreak.SignalName);
    }

    [Theory]
    [InlineData("Where is my parcel? It is still not here.", "+5.00", true)]
    [InlineData("Where is my parcel?", "+3.00", false)]
    public void Explain_shows_the_complaint_lean_against_the_level(string text, string lean, bool fired)
    {
        var explanation = new ComplaintAnalyzer(s_rules.Value).Explain(new Complaint { Id = "c", Text = text });

        var tie = Assert.Single(explanation.Rules, r => r.RuleId == TieBreak.RuleId);
        Assert.Equal(fired, tie.Fired);
        Assert.Equal([$"Complaint()={lean}", "detect=4"], tie.Reads.Select(r => $"{r.Name}={r.Value}"));
    }

    [Fact]
    public void The_table_read_straight_off_the_file_detects_the_same()
    {
        var loaded = s_rules.Value.TieBreak!;
        var read = ComplaintRules.Rules.TieBreakReader.Read(File.ReadAllBytes(PathOf("detect.rules.json")));

        Assert.NotNull(read);
        Assert.Equal((loaded.Detect, loaded.Weight, loaded.Scale), (read.Detect, read.Weight, read.Scale));
        Assert.Equal(loaded.Grams.OrderBy(g => g.Hash), read.Grams.OrderBy(g => g.Hash));
        Assert.Contains(read.Grams, g => g.Complaint == 3);
    }

    [Theory]
    [InlineData("""{ "tieBreak": { "detect": 1001 } }""", "$.tieBreak.detect")]
    [InlineData("""{ "tieBreak": { "detect": 4, "en": { "refund": [1, 0, 0] } } }""", "$.tieBreak.en.refund")] // detect needs a fourth weight
    [InlineData("""{ "tieBreak": { "en": { "refund": [1, 0, 0, 2] } } }""", "$.tieBreak.en.refund")] // and a fourth weight needs detect
    [InlineData("""{ "tieBreak": { "detect": 4, "zh": { "退款": [1, 0, 0, 51] } } }""", "$.tieBreak.zh.退款")]
    public void A_bad_value_names_its_path_and_line(string json, string path)
    {
        var diagnostic = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));

        Assert.Equal((DiagnosticCodes.InvalidTieBreak, path, 1), (diagnostic.Code, diagnostic.Path, diagnostic.Line));
    }
}
