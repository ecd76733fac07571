using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Rules;

/// <summary>The "conditions" section: guards written once and read by rules as Is("name").</summary>
public sealed class NamedConditionTests
{
    private const string Lexicons = """
        "lexicons": {
          "refund_demand": { "en": ["refund"] },
          "thanks": { "en": ["thanks"] },
          "anger": { "en": ["furious"] }
        }
        """;

    private static ComplaintRuleSet Load(string conditions, string when) => ComplaintRuleSet.Load(RuleSetSource.FromJson($$"""
        {
          {{Lexicons}},
          "conditions": { {{conditions}} },
          "rules": { "causes": [ { "id": "c.refund", "when": "{{when}}", "cause": "rights_claim", "weight": 0.6 } ] }
        }
        """));

    private static IReadOnlyList<RuleDiagnostic> Diagnose(string conditions, string when) => ComplaintRuleSet.Validate(RuleSetSource.FromJson($$"""
        {
          {{Lexicons}},
          "conditions": { {{conditions}} },
          "rules": { "causes": [ { "id": "c.refund", "when": "{{when}}", "cause": "rights_claim", "weight": 0.6 } ] }
        }
        """));

    // The rule's line as the test documents render it (line 8), for columns.
    private const string RuleLine = """  "rules": { "causes": [ { "id": "c.refund", "when": "Has(\"refund_demand\") && Is(\"not_gald\")", "cause": "rights_claim", "weight": 0.6 } ] }""";

    private const string NotGlad = """ "not_glad": { "description": "no thanks, or anger beside them", "when": "!Has(\"thanks\") || Has(\"anger\")" } """;

    [Theory]
    [InlineData("I want a refund.", true)]
    [InlineData("A refund, thanks.", false)]
    [InlineData("A refund, thanks. I am furious.", true)]
    public void A_rule_that_calls_a_named_condition_decides_as_if_it_were_written_in(string text, bool fires)
    {
        var named = Load(NotGlad, """Has(\"refund_demand\") && Is(\"not_glad\")""");
        var inline = Load(NotGlad, """Has(\"refund_demand\") && (!Has(\"thanks\") || Has(\"anger\"))""");

        Assert.Equal(fires, Analyze(text, named).RootCauses.Any(c => c.Cause == RootCause.RightsClaim));
        Assert.Equal(fires, Analyze(text, inline).RootCauses.Any(c => c.Cause == RootCause.RightsClaim));
    }

    [Fact]
    public void Named_conditions_may_call_each_other_and_spaces_inside_the_call_are_allowed()
    {
        var rules = Load(NotGlad + """, "claim": { "when": "Has(\"refund_demand\") && Is( \"not_glad\" )" }""", """Is(\"claim\")""");

        Assert.Contains(Analyze("I want a refund.", rules).RootCauses, c => c.Cause == RootCause.RightsClaim);
        Assert.Empty(Analyze("A refund, thanks.", rules).RootCauses);
    }

    [Fact]
    public void An_unknown_name_is_reported_at_the_call_with_the_closest_name()
    {
        var d = Assert.Single(Diagnose(NotGlad, """Has(\"refund_demand\") && Is(\"not_gald\")"""));

        Assert.Equal((DiagnosticCodes.UnknownName, "c.refund"), (d.Code, d.RuleId));
        Assert.Contains("unknown condition 'not_gald'; did you mean 'not_glad'?", d.Message, StringComparison.Ordinal);
        Assert.Equal(8, d.Line); // the rule's line, at the I of Is(...)
        Assert.Equal(RuleLine.IndexOf("Is(", StringComparison.Ordinal) + 1, d.Column);
    }

    [Fact]
    public void A_problem_inside_a_named_condition_is_reported_once_where_it_is_written()
    {
        var diagnostics = Diagnose(""" "broken": { "when": "Has(\"no_such_lexicon\")" } """, """Has(\"refund_demand\") && Is(\"broken\")""");

        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownName, null, "$.conditions.broken.when"), (d.Code, d.RuleId, d.Path));
        Assert.Contains("no_such_lexicon", d.Message, StringComparison.Ordinal);
        Assert.Equal(7, d.Line); // the "conditions" line
    }

    [Fact]
    public void A_rule_of_an_earlier_decision_cannot_reach_a_later_outcome_through_a_named_condition()
    {
        var d = Assert.Single(Diagnose(""" "severe": { "when": "Severity == \"critical\"" } """, """Is(\"severe\")"""));

        Assert.Equal((DiagnosticCodes.OutcomeNotYetDecided, "c.refund"), (d.Code, d.RuleId));
        Assert.StartsWith("in condition 'severe': ", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_that_call_each_other_in_a_cycle_are_an_error_naming_the_cycle()
    {
        var diagnostics = Diagnose(""" "a": { "when": "Is(\"b\")" }, "b": { "when": "Has(\"anger\") && Is(\"a\")" } """, """Is(\"a\")""");

        Assert.Equal(2, diagnostics.Count); // each named condition once; the rule that calls them is not blamed again
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.ConditionCycle, d.Code));
        Assert.Contains(diagnostics, d => d.Message.Contains("a → b → a", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(""" "Not-Glad": { "when": "true" } """)]
    [InlineData(""" "not_glad": { "description": "no when" } """)]
    [InlineData(""" "not_glad": null """)]
    public void A_named_condition_needs_a_lower_snake_name_and_a_when(string conditions)
    {
        var d = Diagnose(conditions, """Has(\"refund_demand\")""")[0];

        Assert.Equal(DiagnosticCodes.InvalidCondition, d.Code);
        Assert.StartsWith("$.conditions.", d.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_layer_redefines_a_named_condition()
    {
        var first = RuleSetSource.FromJson($$"""
            { {{Lexicons}}, "conditions": { {{NotGlad}} },
              "rules": { "causes": [ { "id": "c.refund", "when": "Has(\"refund_demand\") && Is(\"not_glad\")", "cause": "rights_claim", "weight": 0.6 } ] } }
            """, "base.rules.json");
        var second = RuleSetSource.FromJson("""{ "conditions": { "not_glad": { "when": "true" } } }""", "team.rules.json");

        var rules = ComplaintRuleSet.Load(first, second);

        Assert.Contains(Analyze("A refund, thanks.", rules).RootCauses, c => c.Cause == RootCause.RightsClaim);
    }

    [Fact]
    public void Is_inside_a_string_or_as_part_of_a_longer_name_is_left_alone()
    {
        var conditions = new global::ComplaintRules.Rules.NamedConditions();
        conditions.Set("x", "true");

        var expansion = conditions.Expand("""Has("Is(\"x\")") || ThisIs("x") || Is("x")""");

        Assert.Null(expansion.Error);
        Assert.Equal("""Has("Is(\"x\")") || ThisIs("x") || (true)""", expansion.Text);
        Assert.Equal((35, "x"), expansion.ToOriginal(37));     // inside the written-out condition: the call
        Assert.Equal((10, null), expansion.ToOriginal(10));    // before it: unchanged
        Assert.Equal((42, null), expansion.ToOriginal(41));    // after it: shifted by the difference in length
    }
}
