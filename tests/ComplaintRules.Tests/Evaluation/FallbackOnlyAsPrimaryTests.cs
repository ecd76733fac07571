namespace ComplaintRules.Tests.Evaluation;

/// <summary>
/// <c>settings.fallbackOnlyAsPrimary</c>: a listed cause that only fallback rules found (the reading of last resort, as
/// the labelling guide's default cause) is listed when it is the primary cause and not beside another; a cause a
/// first-stage rule found stays, and a later layer's list replaces the earlier one.
/// </summary>
public sealed class FallbackOnlyAsPrimaryTests
{
    private const string Rules = """
        {
          "name": "t", "version": "1",
          "settings": { "causeThreshold": 0.4, "fallbackOnlyAsPrimary": SETTING },
          "lexicons": { "late": { "en": ["late"] }, "anger": { "en": ["furious"] }, "promise": { "en": ["promised"] } },
          "rules": {
            "causes": [
              { "id": "c.anger", "when": "Has(\"anger\")", "cause": "venting", "weight": 0.9 },
              { "id": "c.promise", "when": "Has(\"promise\")", "cause": "expectation", "weight": 0.5 },
              { "id": "c.default", "when": "Has(\"late\") && !HasCause(\"rights_claim\")", "cause": "expectation", "weight": 0.5 }
            ]
          }
        }
        """;

    private static ComplaintRuleSet Load(string setting, string? layer = null)
    {
        var rules = RuleSetSource.FromJson(Rules.Replace("SETTING", setting, StringComparison.Ordinal));
        return ComplaintRuleSet.Load(layer is null ? [rules] : [rules, RuleSetSource.FromJson(layer)]);
    }

    private static ComplaintAssessment Analyze(string text, ComplaintRuleSet rules) =>
        new ComplaintAnalyzer(rules).Analyze(new Complaint { Id = "t", Text = text });

    private static RootCause[] Causes(ComplaintAssessment a) => a.RootCauses.Select(c => c.Cause).ToArray();

    [Fact]
    public void Without_the_setting_the_fallback_cause_is_listed_beside_the_primary() =>
        Assert.Equal([RootCause.Venting, RootCause.Expectation], Causes(Analyze("The train was late and I am furious.", Load("[]"))));

    [Fact]
    public void With_the_setting_the_fallback_cause_is_set_aside_and_its_rule_stays_in_the_trace()
    {
        var result = Analyze("The train was late and I am furious.", Load("""["expectation"]"""));

        Assert.Equal(RootCause.Venting, result.PrimaryCause);
        Assert.Equal([RootCause.Venting], Causes(result));
        Assert.Contains(result.Trace, f => f.RuleId == "c.default");
    }

    [Fact]
    public void A_fallback_cause_that_is_the_primary_is_listed() =>
        Assert.Equal([RootCause.Expectation], Causes(Analyze("The train was late.", Load("""["expectation"]"""))));

    [Fact]
    public void A_cause_a_first_stage_rule_found_stays_beside_the_primary() =>
        Assert.Equal([RootCause.Venting, RootCause.Expectation],
            Causes(Analyze("You promised it would not be late and I am furious.", Load("""["expectation"]"""))));

    [Fact]
    public void A_cause_not_in_the_list_is_not_set_aside() =>
        Assert.Equal([RootCause.Venting, RootCause.Expectation], Causes(Analyze("The train was late and I am furious.", Load("""["venting"]"""))));

    [Fact]
    public void A_later_layer_can_turn_the_setting_off() =>
        Assert.Equal([RootCause.Venting, RootCause.Expectation],
            Causes(Analyze("The train was late and I am furious.", Load("""["expectation"]""", """{ "settings": { "fallbackOnlyAsPrimary": [] } }"""))));

    [Fact]
    public void A_name_that_is_no_cause_is_an_error_naming_its_place()
    {
        var ex = Assert.Throws<RuleSetException>(() => Load("""["expectation", "anger"]"""));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidSetting, d.Code);
        Assert.Equal("$.settings.fallbackOnlyAsPrimary[1]", d.Path);
        Assert.Contains("'anger' is no root cause", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_rule_set_lists_no_fallback_expectation_beside_venting()
    {
        var result = new ComplaintAnalyzer().Analyze(new Complaint { Id = "d", Text = "Nine pounds for a sandwich?! What a rip-off, disgusting greedy lot!!!" });

        Assert.Equal(RootCause.Venting, result.PrimaryCause);
        Assert.DoesNotContain(RootCause.Expectation, Causes(result));
        Assert.Contains(result.Trace, f => f.RuleId == "cause.expectation.service_failure");
    }
}
