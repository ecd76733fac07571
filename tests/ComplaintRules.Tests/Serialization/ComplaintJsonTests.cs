using System.Text.Json;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Serialization;

/// <summary>The JSON other tools read: exact member names, snake_case values.</summary>
public class ComplaintJsonTests
{
    private static readonly Complaint s_complaint = new() { Id = "j-1", Text = "I am furious!!! Refund me now or my lawyer takes over.", Product = "card" };

    [Fact]
    public void An_assessment_is_written_with_the_agreed_member_names()
    {
        using var json = JsonDocument.Parse(ComplaintJson.Serialize(Analyze(s_complaint)));
        var root = json.RootElement;

        foreach (var name in new[] { "id", "language", "primaryCause", "rootCauses", "conflictTypes", "severity", "intensity", "steps", "remedies", "trace" })
        {
            Assert.True(root.TryGetProperty(name, out _), $"missing '{name}'");
        }

        Assert.Equal("j-1", root.GetProperty("id").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal("rights_claim", root.GetProperty("primaryCause").GetString());
        Assert.Equal("serious", root.GetProperty("severity").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("intensity").ValueKind);
        Assert.Equal(4, root.GetProperty("intensity").GetInt32());

        var cause = root.GetProperty("rootCauses")[0];
        Assert.Superset(Names("cause", "score", "evidence"), Names(cause));
        Assert.Equal("rights_claim", cause.GetProperty("cause").GetString());
        Assert.Equal(0.8, cause.GetProperty("score").GetDouble(), 4);
        var evidence = cause.GetProperty("evidence")[0];
        Assert.Superset(Names("text", "start", "length", "ruleId"), Names(evidence));
        Assert.Equal("Refund", evidence.GetProperty("text").GetString());
        Assert.Equal(s_complaint.Text.IndexOf("Refund", StringComparison.Ordinal), evidence.GetProperty("start").GetInt32());
        Assert.Equal(6, evidence.GetProperty("length").GetInt32());
        Assert.Equal("c.refund", evidence.GetProperty("ruleId").GetString());
        Assert.Equal("venting", root.GetProperty("rootCauses")[1].GetProperty("cause").GetString());

        var step = root.GetProperty("steps")[0];
        Assert.Superset(Names("step", "guidance"), Names(step));
        Assert.Equal("listen", step.GetProperty("step").GetString());
        Assert.Contains(root.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "follow_up");

        var remedy = root.GetProperty("remedies")[0];
        Assert.Superset(Names("remedy", "outcomeClass", "reason", "ruleId"), Names(remedy));
        Assert.Equal(("apology", "relational", "r.apology.intense"),
            (remedy.GetProperty("remedy").GetString(), remedy.GetProperty("outcomeClass").GetString(), remedy.GetProperty("ruleId").GetString()));
        Assert.Equal("monetary", root.GetProperty("remedies")[1].GetProperty("outcomeClass").GetString());

        var firing = root.GetProperty("trace")[0];
        Assert.Equal(Names("ruleId", "decision"), Names(firing));
        Assert.Equal(("c.refund", "causes"), (firing.GetProperty("ruleId").GetString(), firing.GetProperty("decision").GetString()));
    }

    [Fact]
    public void Conflict_types_are_written_with_type_subtype_score_and_evidence()
    {
        using var json = JsonDocument.Parse(ComplaintJson.Serialize(Analyze(new Complaint { Id = "j-2", Text = "The fee is wrong and the app is slow.", Amount = 2000m })));

        var conflicts = json.RootElement.GetProperty("conflictTypes");
        Assert.Superset(Names("type", "subtype", "score", "evidence"), Names(conflicts[0]));
        Assert.Equal(("price", "large_fees"), (conflicts[0].GetProperty("type").GetString(), conflicts[0].GetProperty("subtype").GetString()));
        Assert.Equal("service_quality", conflicts[1].GetProperty("type").GetString());
        Assert.Equal("fee", conflicts[0].GetProperty("evidence")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Every_value_of_the_vocabulary_is_written_in_snake_case()
    {
        Assert.Equal("\"rights_claim\"", JsonSerializer.Serialize(RootCause.RightsClaim));
        Assert.Equal("\"none\"", JsonSerializer.Serialize(RootCause.None));
        Assert.Equal("\"service_quality\"", JsonSerializer.Serialize(ConflictType.ServiceQuality));
        Assert.Equal("\"gather_info\"", JsonSerializer.Serialize(HandlingStep.GatherInfo));
        Assert.Equal("\"follow_up\"", JsonSerializer.Serialize(HandlingStep.FollowUp));
        Assert.Equal("\"non_monetary\"", JsonSerializer.Serialize(OutcomeClass.NonMonetary));
        Assert.Equal("\"critical\"", JsonSerializer.Serialize(Severity.Critical));
    }

    [Fact]
    public void Serialising_is_one_line()
    {
        var json = ComplaintJson.Serialize(Analyze("第一行\n第二行 I want a refund!!!"));

        Assert.DoesNotContain('\n', json);
    }

    [Fact]
    public void A_complaint_is_parsed_from_camel_case_json_with_its_optional_fields()
    {
        var complaint = ComplaintJson.ParseComplaint("""
            { "id": "p-1", "text": "退款", "language": "zh", "channel": "app", "amount": 12.5, "currency": "CNY",
              "customerTags": ["vip"], "priorComplaints": 2, "customerDemand": "全额退款", "regime": "CN-NFRA",
              "receivedAt": "2025-01-02T03:04:05+08:00", "attributes": { "branch": "north" }, // comments are allowed
            }
            """);

        Assert.Equal(("p-1", "退款", "zh", "app"), (complaint.Id, complaint.Text, complaint.Language, complaint.Channel));
        Assert.Equal(12.5m, complaint.Amount);
        Assert.Equal(["vip"], complaint.CustomerTags!);
        Assert.Equal(2, complaint.PriorComplaints);
        Assert.Equal("全额退款", complaint.CustomerDemand);
        Assert.Equal("north", complaint.Attributes!["branch"]);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)), complaint.ReceivedAt);
    }

    [Theory]
    [InlineData("""{ "text": "no id" }""")]
    [InlineData("""{ "id": "no-text" }""")]
    [InlineData("""{ }""")]
    [InlineData("""null""")]
    [InlineData("""{ "id": "x", "text": 5 }""")]
    [InlineData("""{ "id": "x", "text": "y" """)]
    [InlineData("""[]""")]
    public void A_complaint_without_id_or_text_or_malformed_is_a_json_error(string json) =>
        Assert.ThrowsAny<JsonException>(() => ComplaintJson.ParseComplaint(json));

    [Fact]
    public void Null_arguments_are_argument_errors()
    {
        Assert.Throws<ArgumentNullException>(() => ComplaintJson.ParseComplaint(null!));
        Assert.Throws<ArgumentNullException>(() => ComplaintJson.Serialize(null!));
    }

    [Fact]
    public void Write_produces_the_same_json_as_Serialize()
    {
        var assessment = Analyze(s_complaint);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ComplaintJson.Write(writer, assessment);
        }

        Assert.Equal(ComplaintJson.Serialize(assessment), System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static HashSet<string> Names(params string[] names) => [.. names];

    private static HashSet<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
