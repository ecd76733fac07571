namespace ComplaintRules.Tests.Authority;

/// <summary>Problems of the authority section are reported with code, file, line and the remedy they belong to.</summary>
public sealed class AuthorityValidationTests
{
    private const string Catalog = """
        "remedyCatalog": { "refund": { "outcomeClass": "monetary" }, "explain": { "outcomeClass": "explanation" } },
        """;

    private static IReadOnlyList<RuleDiagnostic> Validate(string authority) =>
        ComplaintRuleSet.Validate(RuleSetSource.FromJson("{\n" + Catalog + "\n\"authority\": " + authority + "\n}", "limits.rules.json"));

    [Fact]
    public void An_unknown_role_is_CR0502_at_its_line_with_the_remedy_and_a_suggestion()
    {
        var d = Assert.Single(Validate("""
            {
              "roles": [ { "id": "agent" }, { "id": "supervisor" } ],
              "remedies": {
                "refund": { "grantedBy": "supervisr" }
              }
            }
            """));

        Assert.Equal(DiagnosticCodes.UnknownRole, d.Code);
        Assert.Equal("limits.rules.json", d.File);
        Assert.Equal(6, d.Line); // line 1 "{", line 2 the catalogue, line 3 "authority"
        Assert.Equal("refund", d.RuleId);
        Assert.Equal("$.authority.remedies.refund.grantedBy", d.Path);
        Assert.Contains("did you mean 'supervisor'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Caps_out_of_order_are_CR0503_at_the_cap_that_breaks_the_order()
    {
        var d = Assert.Single(Validate("""
            {
              "roles": [ { "id": "agent" }, { "id": "supervisor" }, { "id": "team" } ],
              "remedies": {
                "refund": { "caps": { "CNY": { "agent": 500, "supervisor": 5000, "team": 4000 } } }
              }
            }
            """));

        Assert.Equal(DiagnosticCodes.CapsOutOfOrder, d.Code);
        Assert.Equal(6, d.Line); // line 1 "{", line 2 the catalogue, line 3 "authority"
        Assert.Equal("refund", d.RuleId);
        Assert.Equal("$.authority.remedies.refund.caps.CNY.team", d.Path);
        Assert.Contains("'team'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var diagnostics = Validate("""
            {
              "roles": [ { "id": "agent" }, { "id": "Agent" }, { "id": "agent" } ],
              "remedies": {
                "refnd": { "grantedBy": "agent" },
                "refund": { "fromSeverity": { "huge": "agent" }, "caps": { "cny": { "agent": 5 }, "USD": { "agent": 0 } } }
              }
            }
            """);

        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.InvalidAuthority, d.Code));
        Assert.Equal(2, diagnostics.Count); // roles first: remedies are checked once the roles are sound
        var remedies = Validate("""
            { "roles": [ { "id": "agent" } ], "remedies": {
                "refnd": { "grantedBy": "agent" },
                "refund": { "fromSeverity": { "huge": "agent" }, "caps": { "cny": { "agent": 5 }, "USD": { "agent": 0 } } } } }
            """);
        Assert.Equal(4, remedies.Count);
        Assert.Contains(remedies, d => d.Message.Contains("did you mean 'refund'?", StringComparison.Ordinal));
    }

    [Fact]
    public void An_authority_section_without_roles_is_CR0501()
    {
        var d = Assert.Single(Validate("""{ "remedies": { "refund": { "grantedBy": "agent" } } }"""));

        Assert.Equal(DiagnosticCodes.InvalidAuthority, d.Code);
        Assert.Contains("\"roles\"", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_layer_that_drops_roles_in_use_gets_one_problem_naming_them_and_their_remedies()
    {
        var diagnostics = ComplaintRuleSet.Validate(
            RuleSetSource.FromJson("{" + Catalog + """ "authority": { "roles": [ { "id": "agent" }, { "id": "boss" } ], "remedies": { "refund": { "grantedBy": "boss" }, "explain": { "caps": { "CNY": { "boss": 5 } } } } } }""", "base.rules.json"),
            RuleSetSource.FromJson("""{ "authority": { "roles": [ { "id": "agent" }, { "id": "supervisor" } ] } }""", "bank.rules.json"));

        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownRole, d.Code);
        Assert.Equal("bank.rules.json", d.File);
        Assert.Equal("$.authority.roles", d.Path);
        Assert.Contains("'boss' (explain, refund)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replacing_the_defaults_roles_with_other_names_is_one_problem_in_the_hosts_file()
    {
        var diagnostics = ComplaintRuleSet.Validate(RuleSetSource.Default,
            RuleSetSource.FromJson("""{ "authority": { "roles": [ { "id": "clerk" }, { "id": "manager" } ] } }""", "host.rules.json"));

        var d = Assert.Single(diagnostics);
        Assert.Equal("host.rules.json", d.File);
        Assert.Contains("'supervisor' (", d.Message, StringComparison.Ordinal);
    }
}
