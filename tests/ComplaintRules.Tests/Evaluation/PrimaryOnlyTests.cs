namespace ComplaintRules.Tests.Evaluation;

/// <summary>
/// <c>"primaryOnly": true</c> on a cause rule: it counts towards its cause's score and the choice of the primary, but
/// a cause that only such rules found is listed when it is the primary cause and not beside another; a cause a rule
/// without the flag found stays listed, whichever stage the rules ran in.
/// </summary>
public sealed class PrimaryOnlyTests
{
    private const string Rules = """
        {
          "name": "t", "version": "1",
          "settings": { "causeThreshold": 0.4 },
          "lexicons": { "late": { "en": ["late"] }, "anger": { "en": ["furious"] }, "promise": { "en": ["promised"] },
                        "overcharged": { "en": ["overcharged"] }, "refund": { "en": ["refund"] } },
          "rules": {
            "causes": [
              { "id": "c.anger", "when": "Has(\"anger\")", "cause": "venting", "weight": 0.9 },
              { "id": "c.promise", "when": "Has(\"promise\")", "cause": "expectation", "weight": 0.5 },
              { "id": "c.default", "when": "Has(\"late\") && !HasCause(\"expectation\")", "cause": "expectation", "weight": 0.5 FLAG },
              { "id": "c.grievance", "when": "Has(\"overcharged\")", "cause": "rights_claim", "weight": 0.5 FLAG },
              { "id": "c.refund", "when": "Has(\"refund\")", "cause": "rights_claim", "weight": 0.6 }
            ],
            "intensity": [ { "id": "i.expectation", "when": "HasCause(\"expectation\")", "points": 2 } ]
          }
        }
        """;

    private static ComplaintRuleSet Load(bool primaryOnly) =>
        ComplaintRuleSet.Load(RuleSetSource.FromJson(Rules.Replace("FLAG", primaryOnly ? ", \"primaryOnly\": true" : "", StringComparison.Ordinal)));

    private static RootCause[] Causes(string text, ComplaintRuleSet rules) =>
        new ComplaintAnalyzer(rules).Analyze(new Complaint { Id = "t", Text = text }).RootCauses.Select(c => c.Cause).ToArray();

    [Fact]
    public void Without_the_flag_every_cause_that_reaches_the_threshold_is_listed() =>
        Assert.Equal([RootCause.Venting, RootCause.Expectation, RootCause.RightsClaim], Causes("The train was late, they overcharged me and I am furious.", Load(primaryOnly: false)));

    [Fact]
    public void A_cause_only_primaryOnly_rules_found_is_left_out_beside_the_primary_and_its_rules_stay_in_the_trace()
    {
        var result = new ComplaintAnalyzer(Load(primaryOnly: true)).Analyze(new Complaint { Id = "t", Text = "The train was late, they overcharged me and I am furious." });

        Assert.Equal([RootCause.Venting], result.RootCauses.Select(c => c.Cause));
        Assert.Contains(result.Trace, f => f.RuleId == "c.default");   // a fallback (reads HasCause)
        Assert.Contains(result.Trace, f => f.RuleId == "c.grievance"); // a first-stage rule
        Assert.Equal(0, result.Intensity);                              // later decisions see it absent, as the list does
    }

    [Fact]
    public void Later_decisions_see_a_listed_cause_present() =>
        Assert.Equal(2, new ComplaintAnalyzer(Load(primaryOnly: true)).Analyze(new Complaint { Id = "t", Text = "The train was late." }).Intensity);

    [Fact]
    public void A_cause_only_primaryOnly_rules_found_is_listed_when_it_is_the_primary() =>
        Assert.Equal(RootCause.Expectation, Causes("The train was late.", Load(primaryOnly: true))[0]);

    [Fact]
    public void A_rule_without_the_flag_lists_its_cause_beside_the_primary() =>
        Assert.Equal([RootCause.Venting, RootCause.RightsClaim, RootCause.Expectation],
            Causes("You promised it would not be late, they overcharged me, I want a refund and I am furious.", Load(primaryOnly: true)));

    [Fact]
    public void The_flag_is_read_from_a_rule_file_and_refused_on_another_decision()
    {
        Assert.True(Load(primaryOnly: true).Causes.Single(r => r.Id == "c.grievance").PrimaryOnly);

        var diagnostics = ComplaintRuleSet.Validate(RuleSetSource.FromJson(
            """{ "rules": { "conflicts": [ { "id": "k", "when": "true", "type": "price", "weight": 0.5, "primaryOnly": true } ] } }"""));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.UnknownMember);

        var none = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(
            """{ "rules": { "causes": [ { "id": "n", "when": "true", "cause": "none", "weight": 0.5, "primaryOnly": true } ] } }""")));
        Assert.Equal((DiagnosticCodes.InvalidRuleField, "$.rules.causes[0].primaryOnly", "n"), (none.Code, none.Path, none.RuleId));
    }

    [Fact]
    public void The_default_rule_set_lists_no_default_expectation_beside_venting()
    {
        var result = new ComplaintAnalyzer().Analyze(new Complaint { Id = "d", Text = "Nine pounds for a sandwich?! What a rip-off, disgusting greedy lot!!!" });

        Assert.Equal(RootCause.Venting, result.PrimaryCause);
        Assert.DoesNotContain(result.RootCauses, c => c.Cause == RootCause.Expectation);
        Assert.Contains(result.Trace, f => f.RuleId == "cause.expectation.service_failure");
    }
}
