using System.Text.Json;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Serialization;

/// <summary>The compact profile: the decisions of the full line, offsets for evidence, ids for steps and remedies, no prose.</summary>
public class CompactProfileTests
{
    private static readonly Complaint s_complaint = new()
    {
        Id = "c-1",
        Text = "说好的免年费，结果还是扣了我300元年费！！我要求退款，否则投诉到金融监管总局。",
        CustomerDemand = "退款并道歉",
        Amount = 300m,
    };

    [Fact]
    public void Compact_carries_the_decisions_of_the_full_line_and_no_prose()
    {
        var assessment = new ComplaintAnalyzer().Analyze(s_complaint);
        using var full = JsonDocument.Parse(ComplaintJson.Serialize(assessment));
        using var compact = JsonDocument.Parse(ComplaintJson.Serialize(assessment, AssessmentJsonProfile.Compact));
        var (f, c) = (full.RootElement, compact.RootElement);

        Assert.Equal(
            ["id", "language", "primaryCause", "rootCauses", "conflictType", "conflictTypes", "severity", "intensity", "steps", "remedies", "warnings"],
            c.EnumerateObject().Select(p => p.Name));
        foreach (var name in new[] { "id", "language", "primaryCause", "conflictType", "severity", "intensity" })
        {
            Assert.Equal(f.GetProperty(name).GetRawText(), c.GetProperty(name).GetRawText());
        }

        Assert.Equal(f.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()), c.GetProperty("steps").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(f.GetProperty("remedies").EnumerateArray().Select(r => r.GetProperty("remedy").GetString()), c.GetProperty("remedies").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(f.GetProperty("warnings").GetRawText(), c.GetProperty("warnings").GetRawText());
        AssertSameFindings(f.GetProperty("rootCauses"), c.GetProperty("rootCauses"), "cause");
        AssertSameFindings(f.GetProperty("conflictTypes"), c.GetProperty("conflictTypes"), "type");
        Assert.NotEmpty(c.GetProperty("rootCauses").EnumerateArray());
    }

    [Fact]
    public void Evidence_offsets_point_at_the_text_the_full_line_quotes()
    {
        var assessment = new ComplaintAnalyzer().Analyze(s_complaint);
        using var compact = JsonDocument.Parse(ComplaintJson.SerializeToUtf8Bytes(assessment, AssessmentJsonProfile.Compact));
        var spans = compact.RootElement.GetProperty("rootCauses").EnumerateArray().SelectMany(f => f.GetProperty("evidence").EnumerateArray()).ToList();

        Assert.Contains(spans, s => s.TryGetProperty("field", out var field) && field.GetString() == "customerDemand");
        foreach (var span in spans)
        {
            var source = span.TryGetProperty("field", out _) ? s_complaint.CustomerDemand! : s_complaint.Text;
            var text = source.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32());
            Assert.Contains(assessment.RootCauses.SelectMany(c => c.Evidence), e => e.Text == text && e.Signal == span.GetProperty("signal").GetString());
        }
    }

    [Fact]
    public void An_undefined_profile_is_an_error_naming_it()
    {
        var assessment = new ComplaintAnalyzer().Analyze(s_complaint);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ComplaintJson.Serialize(assessment, (AssessmentJsonProfile)7));

        Assert.Equal("profile", error.ParamName);
    }

    [Theory]
    [InlineData("compact")]
    [InlineData("full")]
    public async Task Analyze_writes_the_profile_asked_for_the_library_line_for_line(string output)
    {
        var lines = Enumerable.Range(0, 100).Select(i => JsonSerializer.Serialize(new { id = $"c-{i}", text = i % 2 == 0 ? "You charged me twice. I want a refund!!" : s_complaint.Text }));
        using var stdout = new MemoryStream();

        var exit = await AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-", "--output", output, "--threads", "2"]), new StringReader(string.Join('\n', lines)), stdout, new StringWriter());

        Assert.Equal(0, exit);
        var profile = output == "compact" ? AssessmentJsonProfile.Compact : AssessmentJsonProfile.Full;
        var analyzer = new ComplaintAnalyzer();
        var expected = lines.Select(l => ComplaintJson.Serialize(analyzer.Analyze(ComplaintJson.ParseComplaint(l)), profile));
        var actual = System.Text.Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count(), actual.Length);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e, a);
        }
    }

    private static void AssertSameFindings(JsonElement full, JsonElement compact, string key)
    {
        Assert.Equal(full.GetArrayLength(), compact.GetArrayLength());
        foreach (var (f, c) in full.EnumerateArray().Zip(compact.EnumerateArray()))
        {
            Assert.Equal(f.GetProperty(key).GetString(), c.GetProperty(key).GetString());
            Assert.Equal(f.GetProperty("score").GetDouble(), c.GetProperty("score").GetDouble());
            Assert.Equal(
                f.GetProperty("evidence").EnumerateArray().Select(e => (e.GetProperty("start").GetInt32(), e.GetProperty("length").GetInt32(), e.GetProperty("signal").GetString())),
                c.GetProperty("evidence").EnumerateArray().Select(e => (e.GetProperty("start").GetInt32(), e.GetProperty("length").GetInt32(), e.GetProperty("signal").GetString())));
        }
    }
}
