using ComplaintRules.Evaluation;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>The <c>tieBreak</c> section, through tiebreak.rules.json: it orders causes whose scores are close, and only those.</summary>
public sealed class TieBreakTests
{
    private static readonly Lazy<ComplaintRuleSet> s_rules = new(() => Load("tiebreak.rules.json"));
    private static readonly Lazy<ComplaintRuleSet> s_withPresence = new(() =>
        ComplaintRuleSet.Load(RuleSetSource.FromFile(PathOf("tiebreak.rules.json")), RuleSetSource.FromJson("""{ "tieBreak": { "presence": 0.3 } }""")));

    [Theory]
    [InlineData("It is broken. Refund it please.", "please")]
    [InlineData("坏了，马上退款。", "马上")]
    public void Close_causes_are_ordered_by_the_words_and_the_tie_break_says_so(string text, string gram)
    {
        var a = Analyze(text, s_rules.Value);

        Assert.Equal([RootCause.RightsClaim, RootCause.Expectation], a.RootCauses.Select(c => c.Cause));
        Assert.All(a.RootCauses, c => Assert.Equal(0.6, c.Score)); // scores stay the rules' own
        Assert.Contains(a.Trace, f => f.RuleId == TieBreak.RuleId && f.Decision == "causes");
        var evidence = Assert.Single(a.RootCauses[0].Evidence, e => e.RuleId == TieBreak.RuleId);
        Assert.Equal((gram, TieBreak.SignalName), (evidence.Text, evidence.Signal));
        Assert.Equal(gram, text.Substring(evidence.Start, evidence.Length));
    }

    [Theory]
    [InlineData("It is broken again. Refund it.")]
    [InlineData("又坏了，退款。")]
    public void Words_that_lean_to_the_first_cause_keep_the_order_and_stay_out_of_the_trace(string text)
    {
        var a = Analyze(text, s_rules.Value);

        Assert.Equal([RootCause.Expectation, RootCause.RightsClaim], a.RootCauses.Select(c => c.Cause));
        Assert.DoesNotContain(a.Trace, f => f.RuleId == TieBreak.RuleId);
    }

    [Fact]
    public void Causes_further_apart_than_twice_the_weight_keep_their_order()
    {
        var a = Analyze("What a disgrace. It is broken, please please please fix it.", s_rules.Value);

        Assert.Equal([RootCause.Venting, RootCause.Expectation], a.RootCauses.Select(c => c.Cause));
    }

    [Fact]
    public void A_layer_with_weight_0_turns_it_off()
    {
        var off = ComplaintRuleSet.Load(RuleSetSource.FromFile(PathOf("tiebreak.rules.json")), RuleSetSource.FromJson("""{ "tieBreak": { "weight": 0 } }"""));

        var a = Analyze("It is broken. Refund it please.", off);

        Assert.Equal(RootCause.Expectation, a.PrimaryCause);
        Assert.DoesNotContain(a.Trace, f => f.RuleId == TieBreak.RuleId);
    }

    [Fact]
    public void With_presence_a_weakly_found_cause_the_words_lean_against_is_dropped()
    {
        var analyzer = new ComplaintAnalyzer(s_withPresence.Value);

        var a = analyzer.Analyze(new Complaint { Id = "c", Text = "It is broken, sorry. Refund it." });
        var explanation = analyzer.Explain(new Complaint { Id = "c", Text = "It is broken, sorry. Refund it." });

        Assert.Equal([RootCause.RightsClaim], a.RootCauses.Select(c => c.Cause));
        Assert.Contains(a.Trace, f => f.RuleId == TieBreak.RuleId);
        Assert.True(Assert.Single(explanation.Rules, r => r.RuleId == "c.fault").Fired); // the rule fired; its cause was dropped after
    }

    [Fact]
    public void Presence_never_drops_the_last_cause()
    {
        var a = Analyze("It is broken, sorry. Refund it, whatever.", s_withPresence.Value);

        Assert.Equal([RootCause.Expectation], a.RootCauses.Select(c => c.Cause));
    }

    [Fact]
    public void Without_presence_both_stay_and_are_only_ordered()
    {
        var a = Analyze("It is broken, sorry. Refund it.", s_rules.Value);

        Assert.Equal([RootCause.RightsClaim, RootCause.Expectation], a.RootCauses.Select(c => c.Cause));
    }

    [Fact]
    public void Explain_shows_what_it_added_to_each_cause()
    {
        var explanation = new ComplaintAnalyzer(s_rules.Value).Explain(new Complaint { Id = "c", Text = "It is broken. Refund it please." });

        var tie = Assert.Single(explanation.Rules, r => r.RuleId == TieBreak.RuleId);
        Assert.True(tie.Fired);
        Assert.Equal(["Lean(\"rights_claim\")=+0.050", "Lean(\"expectation\")=0"], tie.Reads.Select(r => $"{r.Name}={r.Value}"));
    }

    [Fact]
    public void A_condition_cannot_read_its_signal()
    {
        var json = """{ "rules": { "causes": [ { "id": "c.x", "when": "Has(\"tie_break\")", "cause": "venting", "weight": 0.5 } ] }, "tieBreak": { "en": { "x": [1, 0, 0] } } }""";

        var diagnostic = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));
        Assert.Equal("c.x", diagnostic.RuleId);
    }

    [Theory]
    [InlineData("""{ "tieBreak": { "weight": 0.7 } }""", "$.tieBreak.weight")]
    [InlineData("""{ "tieBreak": { "scale": 0 } }""", "$.tieBreak.scale")]
    [InlineData("""{ "tieBreak": { "presence": -0.1 } }""", "$.tieBreak.presence")]
    [InlineData("""{ "tieBreak": { "en": { "Refund": [1, 0, 0] } } }""", "$.tieBreak.en.Refund")]
    [InlineData("""{ "tieBreak": { "en": { "ask for it": [1, 0, 0] } } }""", "$.tieBreak.en.ask for it")]
    [InlineData("""{ "tieBreak": { "en": { "refund!!": [1, 0, 0] } } }""", "$.tieBreak.en.refund!!")]
    [InlineData("""{ "tieBreak": { "en": { "refund": [1, 0] } } }""", "$.tieBreak.en.refund")]
    [InlineData("""{ "tieBreak": { "en": { "refund": [1, 0, 51] } } }""", "$.tieBreak.en.refund")]
    [InlineData("""{ "tieBreak": { "zh": { "退款退款": [1, 0, 0] } } }""", "$.tieBreak.zh.退款退款")]
    [InlineData("""{ "tieBreak": { "zh": { "退 款": [1, 0, 0] } } }""", "$.tieBreak.zh.退 款")]
    [InlineData("""{ "tieBreak": { "zh": { "ab": [1, 0, 0] } } }""", "$.tieBreak.zh.ab")]
    public void A_bad_value_names_its_path_and_line(string json, string path)
    {
        var diagnostic = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));

        Assert.Equal((DiagnosticCodes.InvalidTieBreak, path, 1), (diagnostic.Code, diagnostic.Path, diagnostic.Line));
    }

    [Fact]
    public void The_default_table_read_on_first_use_is_the_one_a_full_load_builds()
    {
        var (eager, diagnostics) = ComplaintRules.Rules.RuleSetLoader.LoadDefaultEagerly();
        Assert.Empty(diagnostics);
        var deferred = ComplaintRules.Rules.TieBreakReader.Read(File.ReadAllBytes(Schema.RepositoryFiles.PathOf("src/ComplaintRules/DefaultRules/tiebreak.rules.json")));

        Assert.NotNull(deferred);
        Assert.Equal((eager!.TieBreak!.Weight, eager.TieBreak.Scale), (deferred.Weight, deferred.Scale));
        Assert.Equal(eager.TieBreak.Grams.OrderBy(g => g.Hash), deferred.Grams.OrderBy(g => g.Hash));
        Assert.True(deferred.GramCount > 1000);
    }
}
