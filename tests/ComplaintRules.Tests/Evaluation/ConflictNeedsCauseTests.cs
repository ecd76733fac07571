namespace ComplaintRules.Tests.Evaluation;

/// <summary>
/// <c>settings.conflictNeedsCause</c>: a text in which no cause reaches the threshold is no complaint for the conflict
/// decision too (type other), as the labelling guide has it; off by default, and a later layer may turn it off again.
/// </summary>
public sealed class ConflictNeedsCauseTests
{
    private const string Rules = """
        {
          "name": "t", "version": "1",
          "settings": { "conflictNeedsCause": SETTING },
          "lexicons": { "fee": { "en": ["fee"] }, "anger": { "en": ["furious"] } },
          "rules": {
            "causes": [ { "id": "c.anger", "when": "Has(\"anger\")", "cause": "venting", "weight": 0.9 } ],
            "conflicts": [ { "id": "k.fee", "when": "Has(\"fee\")", "type": "price", "subtype": "fees", "weight": 0.8 } ]
          }
        }
        """;

    private static ComplaintRuleSet Load(bool setting, string? layer = null)
    {
        var rules = RuleSetSource.FromJson(Rules.Replace("SETTING", setting ? "true" : "false", StringComparison.Ordinal));
        return ComplaintRuleSet.Load(layer is null ? [rules] : [rules, RuleSetSource.FromJson(layer)]);
    }

    private static ComplaintAssessment Analyze(string text, ComplaintRuleSet rules) =>
        new ComplaintAnalyzer(rules).Analyze(new Complaint { Id = "t", Text = text });

    [Fact]
    public void Without_the_setting_a_text_with_no_cause_keeps_its_conflict()
    {
        var result = Analyze("What is the fee for a second card?", Load(setting: false));

        Assert.Equal(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Fact]
    public void With_the_setting_a_text_with_no_cause_has_no_conflict_and_the_trace_still_shows_the_rule()
    {
        var result = Analyze("What is the fee for a second card?", Load(setting: true));

        Assert.Equal(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.Other, result.ConflictType);
        Assert.Empty(result.ConflictTypes);
        Assert.Contains(result.Trace, f => f.RuleId == "k.fee");
    }

    [Fact]
    public void With_the_setting_a_complaint_keeps_its_conflict()
    {
        var result = Analyze("I am furious about the fee.", Load(setting: true));

        Assert.Equal(RootCause.Venting, result.PrimaryCause);
        Assert.Equal(ConflictType.Price, result.ConflictType);
    }

    [Fact]
    public void A_later_layer_can_turn_the_setting_off() =>
        Assert.Equal(ConflictType.Price, Analyze("What is the fee for a second card?",
            Load(setting: true, layer: """{ "settings": { "conflictNeedsCause": false } }""")).ConflictType);

    [Fact]
    public void The_default_rule_set_gives_a_question_about_a_fee_no_conflict()
    {
        var result = new ComplaintAnalyzer().Analyze(new Complaint { Id = "q", Text = "Quick question: is there a fee for paying my card bill by phone?" });

        Assert.Equal(RootCause.None, result.PrimaryCause);
        Assert.Equal(ConflictType.Other, result.ConflictType);
    }
}
