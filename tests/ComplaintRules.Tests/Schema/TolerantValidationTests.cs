namespace ComplaintRules.Tests.Schema;

/// <summary>
/// Unknown members and wrongly typed values are all reported in one run, not only the first, each at its own
/// position and with the rule it is in; the rest of the file is still validated.
/// </summary>
public sealed class TolerantValidationTests
{
    private const string Json = """
        {
          "lexicons": { "late": { "en": ["late"], "negatible": false } },
          "rules": {
            "causes": [
              { "id": "c.one", "when": "Has(\"late\")", "cause": "expectation", "wieght": 0.5 },
              { "id": "c.two", "when": "Has(\"late\")", "cause": "expectation", "weight": "high" },
              { "id": "c.three", "when": 42, "cause": "anger", "weight": 0.5 }
            ],
            "steps": [ { "id": "s.one", "when": "true", "step": "listen", "guidance": { "en": "Listen." }, "order": 1.5 } ]
          },
          "disable": "c.zero"
        }
        """;

    private static readonly IReadOnlyList<RuleDiagnostic> s_diagnostics = ComplaintRuleSet.Validate(RuleSetSource.FromJson(Json, "t.rules.json"));

    [Fact]
    public void Every_unknown_member_and_wrong_type_is_reported_in_file_order()
    {
        Assert.Equal(
            [
                (2, "$.lexicons.late.negatible"),
                (5, "$.rules.causes[0].wieght"),
                (6, "$.rules.causes[1].weight"),
                (7, "$.rules.causes[2].when"),
                (7, "$.rules.causes[2].cause"),
                (9, "$.rules.steps[0].order"),
                (11, "$.disable"),
            ],
            s_diagnostics.Select(d => (d.Line, d.Path)));
    }

    [Fact]
    public void An_unknown_member_inside_a_rule_names_the_rule_and_points_at_the_member_name()
    {
        var d = s_diagnostics.Single(d => d.Path == "$.rules.causes[0].wieght");

        Assert.Equal("c.one", d.RuleId);
        Assert.Equal("unknown member 'wieght'; did you mean 'weight'?", d.Message);
        Assert.Equal(Json.Split('\n')[4].IndexOf("\"wieght\"", StringComparison.Ordinal) + 1, d.Column);
        Assert.Equal($"t.rules.json:5:{d.Column}: error CR0010: rule 'c.one': unknown member 'wieght'; did you mean 'weight'?", d.ToString());
    }

    [Fact]
    public void A_wrong_type_says_what_was_expected_and_what_was_found()
    {
        Assert.Equal("wrong type of value at $.rules.causes[1].weight: expected a number, found the string \"high\"",
            s_diagnostics.Single(d => d.Path == "$.rules.causes[1].weight").Message);
        Assert.Equal("wrong type of value at $.rules.steps[0].order: expected a whole number, found the number 1.5",
            s_diagnostics.Single(d => d.Path == "$.rules.steps[0].order").Message);
        Assert.Equal("wrong type of value at $.disable: expected an array, found the string \"c.zero\"",
            s_diagnostics.Single(d => d.Path == "$.disable").Message);
        Assert.Equal("c.three", s_diagnostics.Single(d => d.Path == "$.rules.causes[2].when").RuleId);
    }

    [Fact]
    public void A_value_removed_as_wrongly_typed_is_not_reported_again_as_missing()
    {
        Assert.DoesNotContain(s_diagnostics, d => d.Message.Contains("(missing)", StringComparison.Ordinal));
        Assert.DoesNotContain(s_diagnostics, d => d.Message.Contains("has no \"when\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rest_of_the_file_is_still_validated()
    {
        Assert.Contains(s_diagnostics, d => d.RuleId == "c.three" && d.Message.StartsWith("cause 'anger' is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_json_is_still_one_syntax_error()
    {
        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson("{ \"name\": \"x\", \"wieght\": 1, \"rules\": { ]")));

        Assert.Equal(1, d.Line);
    }

    [Fact]
    public void The_loader_raises_the_same_problems_in_one_exception()
    {
        var ex = Assert.Throws<RuleSetException>(() => ComplaintRuleSet.Load(RuleSetSource.FromJson(Json, "t.rules.json")));

        Assert.Equal(s_diagnostics.Select(d => d.ToString()), ex.Diagnostics.Select(d => d.ToString()));
    }
}
