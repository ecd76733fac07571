using ComplaintRules.Testing;

namespace ComplaintRules.Testing.Tests.Cases;

/// <summary>Reading case files: the CLI's complaint members, every problem at once with its position, names that help.</summary>
public sealed class RuleTestCaseFileTests
{
    [Fact]
    public void A_case_reads_the_complaint_with_the_cli_input_members_and_defaults_its_id_to_the_name()
    {
        var c = Assert.Single(RuleTestCaseFile.Parse("""
            {
              // comments and trailing commas are allowed
              "cases": [
                { "name": "big fee", "complaint": { "text": "fee!", "language": "en", "channel": "phone", "amount": 120.5, "currency": "USD",
                    "customerTags": ["vip"], "priorComplaints": 2, "customerDemand": "refund", "regime": "US-CFPB", "attributes": { "segment": "retail" } },
                  "expect": { "primaryCause": "none", "severityAtLeast": "standard", "stepsInOrder": ["listen", "gather_info"] }, },
              ]
            }
            """));

        Assert.Equal("big fee", c.Complaint.Id);
        Assert.Equal(120.5m, c.Complaint.Amount);
        Assert.Equal(["vip"], c.Complaint.CustomerTags);
        Assert.Equal("retail", c.Complaint.Attributes!["segment"]);
        Assert.Equal(RootCause.None, c.Expect.PrimaryCause);
        Assert.Equal(Severity.Standard, c.Expect.SeverityAtLeast);
        Assert.Equal([HandlingStep.Listen, HandlingStep.GatherInfo], c.Expect.StepsInOrder);
        Assert.Equal(4, c.Line);
    }

    [Fact]
    public void Every_problem_of_a_case_file_is_reported_at_once_with_its_line()
    {
        const string json = """
            {
              "cases": [
                { "name": "a", "complaint": { "text": "x", "ammount": 5 }, "expect": { "primaryCause": "angry" } },
                { "name": "a", "complaint": { "text": "x", "priorComplaints": "two" }, "expect": { "conflictType": "pricing" } },
                { "name": "c", "complaint": { "language": "en" }, "expect": { "severity": "serious", "severityAtLeast": "minor" } },
                { "name": "d", "complaint": { "text": "x" }, "expect": { } },
                { "name": "e", "complaint": { "text": "x" }, "expected": { "primaryCause": "none" } }
              ]
            }
            """;

        var ex = Assert.Throws<RuleTestCaseException>(() => RuleTestCaseFile.Parse(json, "my.cases.json"));

        var messages = ex.Diagnostics.Select(d => $"{d.Line}: {d.Message}").ToList();
        Assert.Contains("3: unknown member 'ammount'; did you mean 'amount'?", messages);
        Assert.Contains(messages, m => m.StartsWith("3: 'angry' is not one of: none, expectation, rights_claim, venting", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("4: wrong type of value at $.cases[1].complaint.priorComplaints: expected a whole number", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("4: two cases are named 'a'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("4: 'pricing' is not one of", StringComparison.Ordinal));
        Assert.Contains("5: the complaint of case 'c' has no \"text\"", messages);
        Assert.Contains(messages, m => m.StartsWith("5: give \"severity\" (exact) or \"severityAtLeast\", not both", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("6: \"expect\" is empty", StringComparison.Ordinal));
        Assert.Contains("7: unknown member 'expected'; did you mean 'expect'?", messages);
        Assert.DoesNotContain(messages, m => m.Contains("has no \"expect\"", StringComparison.Ordinal)); // the same mistake, reported once
        Assert.All(ex.Diagnostics, d => Assert.Equal("my.cases.json", d.File));
        Assert.Equal(ex.Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column), ex.Diagnostics);
    }

    [Fact]
    public void Malformed_json_is_one_error_at_its_position()
    {
        var ex = Assert.Throws<RuleTestCaseException>(() => RuleTestCaseFile.Parse("{ \"cases\": [ { \"name\": \"说明\" \"complaint\": {} } ] }"));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal((1, 29), (d.Line, d.Column)); // columns in characters, after two Chinese characters
    }

    [Fact]
    public void A_member_written_twice_is_one_error_at_its_second_name()
    {
        const string json = """
            {
              "cases": [
                {
                  "name": "twice",
                  "complaint": { "text": "I want a refund." },
                  "expect": { "primaryCause": "rights_claim" },
                  "expect": { "primaryCause": "venting" }
                }
              ]
            }
            """;

        var ex = Assert.Throws<RuleTestCaseException>(() => RuleTestCaseFile.Parse(json, "twice.cases.json"));

        var d = Assert.Single(ex.Diagnostics);
        Assert.Equal((7, 7), (d.Line, d.Column));
        Assert.Contains("'expect' is written twice", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_as_a_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.cases.json");

        var ex = Assert.Throws<RuleTestCaseException>(() => RuleTestCaseFile.Load(path));

        Assert.Contains("does not exist", Assert.Single(ex.Diagnostics).Message, StringComparison.Ordinal);
    }
}
