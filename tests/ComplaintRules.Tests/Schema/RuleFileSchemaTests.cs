using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace ComplaintRules.Tests.Schema;

/// <summary>The JSON Schemas in schema/ accept every rule file and case file the project ships, and reject what the loader rejects.</summary>
public sealed class RuleFileSchemaTests
{
    private static readonly Lazy<JsonSchema> s_rules = new(() => Load("schema/complaint-rules.schema.json"));
    private static readonly Lazy<JsonSchema> s_cases = new(() => Load("schema/complaint-rules-cases.schema.json"));

    public static TheoryData<string> RuleFiles => [..
        RepositoryFiles.Find("src/ComplaintRules/DefaultRules", "*.rules.json")
            .Concat(RepositoryFiles.Find("samples", "*.rules.json"))
            .Concat(RepositoryFiles.Find("docs/examples", "*.rules.json", SearchOption.TopDirectoryOnly))
            .Concat(RepositoryFiles.Find("tests/ComplaintRules.Tests/TestRules", "*.rules.json", SearchOption.TopDirectoryOnly))];

    public static TheoryData<string> CaseFiles => [..
        RepositoryFiles.Find("src/ComplaintRules/DefaultRules", "*.cases.json")
            .Concat(RepositoryFiles.Find("docs/examples", "*.cases.json", SearchOption.TopDirectoryOnly))];

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void A_shipped_rule_file_validates_against_the_schema(string file)
    {
        var errors = s_rules.Value.Validate(WithoutComments(file));

        Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void A_shipped_case_file_validates_against_the_case_schema(string file)
    {
        var errors = s_cases.Value.Validate(WithoutComments(file));

        Assert.True(errors.Count == 0, $"{file}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}");
    }

    [Theory]
    [InlineData("""{ "rules": { "causes": [ { "id": "x", "when": "true", "cause": "venting", "wieght": 0.5 } ] } }""")]
    [InlineData("""{ "rules": { "causes": [ { "id": "x", "when": "true", "cause": "anger", "weight": 0.5 } ] } }""")]
    [InlineData("""{ "rules": { "causes": [ { "id": "x", "when": "true", "cause": "venting", "weight": 1.5 } ] } }""")]
    [InlineData("""{ "rules": { "intensity": [ { "id": "x", "when": "true", "points": 0 } ] } }""")]
    [InlineData("""{ "rules": { "steps": [ { "id": "x", "when": "true", "step": "listening", "guidance": { "en": "Listen." } } ] } }""")]
    [InlineData("""{ "lexicons": { "Bad-Name": { "en": ["x"] } } }""")]
    [InlineData("""{ "lexicons": { "exclamation_run": { "en": ["x"] } } }""")]
    [InlineData("""{ "remedyCatalog": { "refund": { "outcomeClass": "cash" } } }""")]
    [InlineData("""{ "rule": {} }""")]
    public void The_schema_rejects_what_the_loader_rejects(string json)
    {
        Assert.NotEmpty(s_rules.Value.Validate(json));
        Assert.NotEmpty(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));
    }

    [Fact]
    public void The_case_schema_knows_every_member_of_a_complaint()
    {
        // Members the JSON never reads or writes (intakeWarnings) are not part of the case format.
        var members = ComplaintJsonContext.Default.Complaint.Properties.Where(p => p.Get is not null || p.Set is not null).Select(p => p.Name).Order(StringComparer.Ordinal);
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("schema/complaint-rules-cases.schema.json")))!;
        var complaint = schema["properties"]!["cases"]!["items"]!["properties"]!["complaint"]!["properties"]!.AsObject();

        Assert.Equal(members, complaint.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_rule_schema_knows_every_top_level_member_of_a_rule_file()
    {
        var members = ComplaintRules.Rules.RuleSetJsonContext.Default.RuleSetDocument.Properties.Select(p => p.Name).Order(StringComparer.Ordinal);
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("schema/complaint-rules.schema.json")))!;

        Assert.Equal(members, schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_package_carries_the_schemas()
    {
        var project = File.ReadAllText(RepositoryFiles.PathOf("src/ComplaintRules/ComplaintRules.csproj"));

        Assert.Contains("""<None Include="..\..\schema\*.schema.json" Pack="true" PackagePath="schema\" """, project, StringComparison.Ordinal);
    }

    private static JsonSchema Load(string file) => JsonSchema.FromJsonAsync(File.ReadAllText(RepositoryFiles.PathOf(file))).GetAwaiter().GetResult();

    // Rule files may hold // comments; the schema validator reads strict JSON.
    private static string WithoutComments(string file)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf(file)), options);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
