using System.Text;
using System.Text.Json;
using ComplaintRules.Rules;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Rules;

/// <summary>
/// The direct reader gives the very document the serializer gives, for every document it accepts, and leaves to the
/// serializer every document the serializer refuses (so diagnostics are unchanged); it reads the default rule set.
/// </summary>
public class RuleSetDocumentReaderTests
{
    public static TheoryData<string> ShippedRuleFiles() => SimpleConditionParserTests.ShippedRuleFiles();

    [Theory]
    [MemberData(nameof(ShippedRuleFiles))]
    public void Every_shipped_rule_file_reads_as_the_serializer_reads_it(string file)
    {
        var bytes = File.ReadAllBytes(RepositoryFiles.PathOf(file));
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            bytes = bytes[3..];
        }

        AssertAgrees(bytes);
    }

    [Theory]
    [InlineData("default.rules.json")]
    [InlineData("tone.rules.json")]
    [InlineData("regimes.rules.json")]
    [InlineData("authority.rules.json")]
    [InlineData("tiebreak.rules.json")]
    public void The_default_documents_are_read_without_the_serializer(string name)
    {
        var bytes = File.ReadAllBytes(RepositoryFiles.PathOf($"src/ComplaintRules/DefaultRules/{name}"));

        Assert.NotNull(RuleSetDocumentReader.TryRead(bytes));
        AssertAgrees(bytes);
    }

    [Theory]
    [InlineData("""{ "name": "x", "version": "1" }""")]
    [InlineData("""{ "name": "x", "name": "y" }""")]                                   // a member twice
    [InlineData("""{ "nmae": "x" }""")]                                                // unknown
    [InlineData("""{ "Name": "x" }""")]                                                // names are case-sensitive
    [InlineData("""{ "\u006eame": "x" }""")]                                           // an escaped name
    [InlineData("""{ "name": 1 }""")]
    [InlineData("""{ "name": null, "settings": null, "rules": null, "lexicons": null }""")]
    [InlineData("""{ "settings": { "causeThreshold": "0.5" } }""")]
    [InlineData("""{ "settings": { "causeThreshold": 1e400 } }""")]
    [InlineData("""{ "settings": { "causeThreshold": 0.4, "conflictNeedsCause": true } }""")]
    [InlineData("""{ "settings": { "conflictNeedsCause": "true" } }""")]
    [InlineData("""{ "rules": { "causes": [ { "id": "c", "when": "true", "cause": "venting", "weight": 0.5, "primaryOnly": true } ] } }""")]
    [InlineData("""{ "rules": { "causes": [ { "id": "c", "when": "true", "cause": "venting", "weight": 0.5, "primaryOnly": "yes" } ] } }""")]
    [InlineData("""{ "settings": [] }""")]
    [InlineData("""{ "lexicons": { "a": { "en": ["x", null, "y"], "negatable": false }, "a": { "en": [] } } }""")]
    [InlineData("""{ "lexicons": { "a": null, "b": { "near": [null, { "first": "a", "then": "b", "within": 3.0 }] } } }""")]
    [InlineData("""{ "lexicons": { "a": { "near": [{ "first": "a", "then": "b", "within": 3 }] } } }""")]
    [InlineData("""{ "rules": { "causes": [ { "id": "c", "when": "true", "cause": "venting", "weight": 0.5, "override": true } ] } }""")]
    [InlineData("""{ "rules": { "causes": [ { "id": "c", "points": 2 } ] } }""")]       // a member of another decision
    [InlineData("""{ "rules": { "intensity": [ { "id": "i", "points": 2147483648 } ] } }""")]
    [InlineData("""{ "rules": { "steps": [ { "id": "s", "checklist": [ { "zh": "一" }, null ], "guidance": null, "order": 1, "priority": -2 } ] } }""")]
    [InlineData("""{ "rules": { "severity": [ null, { "id": "s", "reason": { "en": "x", "fr": "y" } } ] } }""")]
    [InlineData("""{ "calendars": { "cn": { "years": [2026, null] } } }""")]
    [InlineData("""{ "calendars": { "cn": { "years": [2026], "weekend": ["saturday"], "sources": [ { "title": "t", "checked": "2026-01-01" } ] } } }""")]
    [InlineData("""{ "regimes": { "X": { "deadlines": [ { "kind": "resolve", "amount": 15, "rollForward": true, "source": null, "mention": ["a"] } ] } } }""")]
    [InlineData("""{ "authority": { "remedies": { "refund": { "caps": { "agent": { "CNY": 500, "USD": null } } } } } }""")]
    [InlineData("""{ "authority": { "remedies": { "refund": { "caps": { "agent": { "CNY": 500.25 } }, "fromSeverity": { "serious": "lead" } } }, "roles": [ { "id": "agent" } ] } }""")]
    [InlineData("""{ "tieBreak": { "weight": 0.1, "presence": 0, "en": { "a": [1, -2.5, 0], "b c": null }, "zh": { "退款": [1, null, 2] } } }""")]
    [InlineData("""{ "tieBreak": { "en": { "a": 1 } } }""")]
    [InlineData("""{ "alerts": {} }""")]
    [InlineData("""{ "name": "x", } // trailing comma and a comment""")]
    [InlineData("""{ "name": "x" } { }""")]
    [InlineData("""{ "name": "x" """)]
    [InlineData("""null""")]
    [InlineData("""[]""")]
    public void Edge_documents_read_as_the_serializer_reads_them_or_are_left_to_it(string json) => AssertAgrees(Encoding.UTF8.GetBytes(json));

    private static void AssertAgrees(byte[] json)
    {
        var direct = RuleSetDocumentReader.TryRead(json);
        RuleSetDocument? serialized;
        try
        {
            serialized = JsonSerializer.Deserialize(json, RuleSetJsonContext.Default.RuleSetDocument);
        }
        catch (JsonException)
        {
            Assert.Null(direct); // the serializer's error, reported as before
            return;
        }

        if (direct is not null)
        {
            Assert.NotNull(serialized);
            Assert.Equal(JsonSerializer.Serialize(serialized, RuleSetJsonContext.Default.RuleSetDocument), JsonSerializer.Serialize(direct, RuleSetJsonContext.Default.RuleSetDocument));
        }
    }
}
