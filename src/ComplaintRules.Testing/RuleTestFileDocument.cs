using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ComplaintRules.Testing;

// The JSON shape of a rule-test case file (schema/complaint-rules-cases.schema.json). Every member is nullable so
// that the loader, not the deserialiser, reports what is missing, with its position.

internal sealed class RuleTestFileDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Description { get; set; }

    public List<RuleTestCaseDocument?>? Cases { get; set; }
}

internal sealed class RuleTestCaseDocument
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Pending { get; set; }

    public JsonObject? Complaint { get; set; }

    public RuleTestExpectDocument? Expect { get; set; }
}

internal sealed class RuleTestExpectDocument
{
    public string? PrimaryCause { get; set; }

    public List<string?>? CausesPresent { get; set; }

    public List<string?>? CausesAbsent { get; set; }

    public string? ConflictType { get; set; }

    public string? Severity { get; set; }

    public string? SeverityAtLeast { get; set; }

    public List<string?>? RemediesPresent { get; set; }

    public List<string?>? RemediesAbsent { get; set; }

    public List<string?>? StepsInOrder { get; set; }

    public List<string?>? RulesFired { get; set; }

    public List<string?>? RulesNotFired { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 32)]
[JsonSerializable(typeof(RuleTestFileDocument))]
internal sealed partial class RuleTestJsonContext : JsonSerializerContext;
