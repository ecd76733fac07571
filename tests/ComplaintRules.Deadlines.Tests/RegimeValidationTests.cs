using ComplaintRules;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>Problems in the regimes, calendars and alerts sections, reported at load with file, line and column.</summary>
public class RegimeValidationTests
{
    private static IReadOnlyList<RuleDiagnostic> Validate(string json) => ComplaintRuleSet.Validate(RuleSetSource.FromJson(json, "bank.rules.json"));

    private const string Regime = """
        {
          "regimes": {
            "XX-TEST": {
              "name": "Test",
              "timeZone": "Mars/Olympus_Mons",
              "calendar": "CM",
              "basis": ["Test Act"],
              "validFrom": "2025-01-01",
              "deadlines": [
                { "kind": "resolve", "amount": 10, "unit": "bussiness_days", "basis": "s. 1" },
                { "kind": "settle", "amount": 10, "unit": "weeks", "basis": "s. 2", "mention": ["apologise"] },
                { "kind": "resolve", "amount": 5, "unit": "weeks", "basis": "s. 3", "when": "Prodct == \"x\"" }
              ]
            }
          },
          "calendars": { "CN": { "years": [2025], "holidays": ["2025-13-01", "2024-10-01"] } }
        }
        """;

    [Fact]
    public void Every_problem_is_reported_with_its_position()
    {
        var diagnostics = Validate(Regime);
        string At(string path) => Assert.Single(diagnostics, d => d.Path == path).ToString();

        Assert.StartsWith("bank.rules.json:5:19: error CR0202: unknown time zone 'Mars/Olympus_Mons'", At("$.regimes.XX-TEST.timeZone"), StringComparison.Ordinal);
        Assert.Contains("did you mean 'CN'?", At("$.regimes.XX-TEST.calendar"), StringComparison.Ordinal);
        Assert.Contains("did you mean 'business_days'?", At("$.regimes.XX-TEST.deadlines[0].unit"), StringComparison.Ordinal);
        Assert.StartsWith("bank.rules.json:10:", At("$.regimes.XX-TEST.deadlines[0].unit"), StringComparison.Ordinal);
        Assert.Contains("kind 'settle' is not one of", At("$.regimes.XX-TEST.deadlines[1].kind"), StringComparison.Ordinal);
        Assert.Contains("step 'apologise'", At("$.regimes.XX-TEST.deadlines[1].mention[0]"), StringComparison.Ordinal);
        Assert.Contains("Prodct", At("$.regimes.XX-TEST.deadlines[2].when"), StringComparison.Ordinal);
        Assert.Contains("'2025-13-01' is not a date", At("$.calendars.CN.holidays[0]"), StringComparison.Ordinal);
        Assert.Contains("outside the calendar's \"years\"", At("$.calendars.CN.holidays[1]"), StringComparison.Ordinal);
    }

    [Fact]
    public void Regime_keys_are_upper_case_and_a_regime_needs_its_basis()
    {
        var diagnostics = Validate("""{ "regimes": { "cn_nfra": { }, "AB-CD": { "name": "x", "timeZone": "UTC", "validFrom": "2025-01-01", "deadlines": [ { "kind": "resolve", "amount": 1, "unit": "weeks", "basis": "b" } ] } } }""");
        Assert.Contains(diagnostics, d => d.Path == "$.regimes.cn_nfra" && d.Message.Contains("upper-case", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Path == "$.regimes.AB-CD" && d.Message.Contains("\"basis\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_later_document_replaces_a_regime_whole()
    {
        var rules = ComplaintRuleSet.Load(RuleSetSource.Default, RuleSetSource.FromJson("""
            { "regimes": { "US-CFPB": { "name": "CFPB, Pacific time", "timeZone": "America/Los_Angeles", "basis": ["CFPB"], "validFrom": "2011-07-21",
                "deadlines": [ { "kind": "response", "amount": 15, "unit": "calendar_days", "basis": "CFPB" } ] } } }
            """));
        var regime = rules.Regimes["US-CFPB"];
        Assert.Equal("America/Los_Angeles", regime.TimeZone.Id);
        Assert.Single(regime.Deadlines);
        Assert.Equal(3, rules.Regimes.Count);
    }

    [Fact]
    public void Alert_rules_are_validated()
    {
        var diagnostics = Validate("""
            { "alerts": {
                "surge": { "type": "rise", "dimension": "conflict", "window": "7 days", "threshold": 5 },
                "burst": { "type": "volume", "dimension": "severity", "value": "catastrophic", "window": "1h", "threshold": 0 },
                "repeat": { "type": "repeat_customer", "window": "30d", "threshold": 3 }
            } }
            """);
        Assert.Contains(diagnostics, d => d.Path == "$.alerts.surge.dimension" && d.Message.Contains("conflict_type", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Path == "$.alerts.surge.window" && d.RuleId == "surge" && d.Line == 2);
        Assert.Contains(diagnostics, d => d.Path == "$.alerts.surge" && d.Message.Contains("risePercent", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Path == "$.alerts.burst.value" && d.Message.Contains("critical", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Path == "$.alerts.burst.threshold");
        Assert.DoesNotContain(diagnostics, d => d.RuleId == "repeat");
    }
}
