using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ComplaintRules.Tests.Properties;
using ComplaintRules.Tests.Schema;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Serialization;

/// <summary>
/// The hand-written full profile is byte for byte what the source-generated serializer writes, for every assessment:
/// the samples, the probes, regimes and deadlines, demands, remedies needing approval, warnings, odd complaints.
/// </summary>
public class FullWriterEquivalenceTests
{
    private static readonly ComplaintAnalyzer s_analyzer = new();
    private static readonly DateTimeOffset s_first = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string> JsonlFiles() =>
        new(new[] { "samples/complaints.jsonl" }.Concat(
            Directory.GetFiles(RepositoryFiles.PathOf("eval/probes"), "*.jsonl").Order(StringComparer.Ordinal)
                .Select(path => "eval/probes/" + Path.GetFileName(path))));

    [Theory]
    [MemberData(nameof(JsonlFiles))]
    public void Every_line_of_the_samples_and_probes_is_written_as_the_serializer_writes_it(string file)
    {
        var lines = File.ReadLines(RepositoryFiles.PathOf(file)).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            AssertSameBytes(s_analyzer.Analyze(ComplaintJson.ParseComplaint(line)));
        }
    }

    [Theory]
    [InlineData("CN-NFRA", null)]
    [InlineData("US-CFPB", null)]
    [InlineData("UK-FCA", null)]
    [InlineData("UK-FCA", "psd")]
    [InlineData("UK-FCA", "emd")]
    [InlineData("NO-SUCH-REGIME", null)]
    public void Regimes_deadlines_and_their_sources_are_written_as_the_serializer_writes_them(string regime, string? disp)
    {
        foreach (var decided in new DateTimeOffset?[] { null, s_first.AddDays(40) })
        {
            var assessment = s_analyzer.Analyze(new Complaint
            {
                Id = "r-1", Text = "说好的免年费，结果还是扣了我300元年费！！我要求退款，否则投诉到金融监管总局。", Regime = regime,
                ReceivedAt = s_first.AddHours(13.5), DecisionReceivedAt = decided, CustomerDemand = "退款并道歉", Amount = 300m, Currency = "CNY",
                Attributes = disp is null ? null : new Dictionary<string, string> { ["disp_complaint"] = disp },
            });

            AssertSameBytes(assessment);
            AssertSameCompactDeadlines(assessment);
        }
    }

    [Fact]
    public void The_regimes_write_deadlines_with_due_dates_periods_and_sources()
    {
        var assessment = s_analyzer.Analyze(new Complaint { Id = "d", Text = "x", Regime = "CN-NFRA", ReceivedAt = s_first });

        // The cases above are worth something only if they reach every part of a deadline.
        Assert.Contains(assessment.Deadlines, d => d.Due is not null && d.Period is not null && d.Source is { Url: not null });
        Assert.Contains(assessment.Deadlines, d => d.Due is null);
        AssertSameBytes(assessment);
    }

    [Theory]
    [InlineData("agent", 20000, "CNY")]
    [InlineData("supervisor", 20000, "CNY")]
    [InlineData(null, 1000000, "GBP")]
    [InlineData("nobody", 50, "XXX")]
    [InlineData("complaints_team", 12.345, "USD")]
    public void Remedies_needing_approval_are_written_as_the_serializer_writes_them(string? role, double amount, string currency)
    {
        var assessment = s_analyzer.Analyze(new Complaint
        {
            Id = "a-1", Text = "You charged me twice and I lost 20000. I want a full refund and compensation, or I go to the regulator and my lawyer!!",
            Amount = (decimal)amount, Currency = currency, HandlerRole = role, PriorComplaints = 3, CustomerDemand = "Refund the fee and compensate me",
        });

        Assert.NotNull(assessment.Authority);
        AssertSameBytes(assessment);
    }

    [Fact]
    public void Warnings_for_long_fields_and_intake_are_written_as_the_serializer_writes_them()
    {
        var analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Default, new ComplaintAnalyzerOptions { MaxTextLength = 50 });
        var assessment = analyzer.Analyze(new Complaint
        {
            Id = new string('i', 300), Text = string.Concat(Enumerable.Repeat("退款太慢了，我很生气！", 20)), Product = new string('p', 400),
            IntakeWarnings = [new AssessmentWarning(WarningCodes.CharactersReplaced, "1 lone surrogate(s) replaced \"quoted\" \\ <b>")],
        });

        Assert.True(assessment.Warnings.Count >= 3);
        AssertSameBytes(assessment);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\u0000\u001F\u007F\u2028\u2029")]
    [InlineData("\U0001F620\U0001F620 <script>&'\"\\")]
    [InlineData("é\u0301 ＲＥＦＵＮＤ \u3000\u200B\uFEFF")]
    [InlineData("ok")]
    public void Empty_and_odd_complaints_are_written_as_the_serializer_writes_them(string text)
    {
        AssertSameBytes(s_analyzer.Analyze(new Complaint { Id = text, Text = text, Language = text.Length > 0 ? "en" : null }));
        AssertSameBytes(s_analyzer.Analyze(new Complaint { Id = "", Text = text, CustomerDemand = text, Channel = text, Product = text }));
    }

    [Fact]
    public void The_writer_options_decide_escaping_and_indentation_for_both_writers()
    {
        var assessment = s_analyzer.Analyze(new Complaint { Id = "c-1", Text = "说好的免年费，结果还是扣了我300元年费！！", Regime = "CN-NFRA", ReceivedAt = s_first });
        foreach (var options in new JsonWriterOptions[]
                 {
                     default,
                     new() { Indented = true },
                     new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true },
                 })
        {
            Assert.Equal(
                Utf8(options, writer => JsonSerializer.Serialize(writer, assessment, AssessmentJsonContext.Default.ComplaintAssessment)),
                Utf8(options, writer => ComplaintJson.Write(writer, assessment)));
        }
    }

    [Fact]
    public void Enum_names_agree_with_the_converters_including_undefined_values()
    {
        AssertNames<RootCause>(FullAssessmentWriter.CauseNames);
        AssertNames<ConflictType>(FullAssessmentWriter.ConflictNames);
        AssertNames<Severity>(FullAssessmentWriter.SeverityNames);
        AssertNames<HandlingStep>(FullAssessmentWriter.StepNames);
        AssertNames<OutcomeClass>(FullAssessmentWriter.OutcomeNames);
        AssertNames<DeadlineKind>(DeadlineJsonWriter.KindNames);
        AssertNames<DeadlineUnit>(DeadlineJsonWriter.UnitNames);
        AssertNames<DeadlineStart>(DeadlineJsonWriter.StartNames);
    }

    [Property(MaxTest = 300)]
    public Property Any_complaint_is_written_as_the_serializer_writes_it() =>
        Prop.ForAll(RichComplaints(), complaint => AssertSameBytes(s_analyzer.Analyze(complaint)));

    // Complaints with every field the output depends on: regimes and dates, amounts in capped and uncapped currencies,
    // handler roles, demands, tags, attributes, intake warnings, and the troublesome texts of the other properties.
    private static Arbitrary<Complaint> RichComplaints()
    {
        var gen =
            from text in Gen.OneOf(Arbitraries.Fragments, Arbitraries.AnyText, Gen.Elements(SampleTexts()))
            from demand in Gen.Elements<string?>(null, "", "Refund the fee", "全额退款并赔偿", "不是要退款")
            from amount in Gen.Elements<decimal?>(null, 0m, 12.345m, 999.99m, 20000m, 1_000_000m)
            from currency in Gen.Elements<string?>(null, "CNY", "USD", "GBP", "XXX")
            from regime in Gen.Elements<string?>(null, "CN-NFRA", "US-CFPB", "UK-FCA", "", "XX")
            from seconds in Gen.Choose(0, 600 * 24 * 3600)
            from decided in Gen.Elements<int?>(null, 3, 45)
            from role in Gen.Elements<string?>(null, "agent", "supervisor", "complaints_team", "compliance", "nobody")
            from language in Gen.Elements<string?>(null, "zh", "en", "fr")
            from prior in Gen.Elements<int?>(null, 0, 5)
            from disp in Gen.Elements<string?>(null, "psd", "emd")
            from warned in Gen.Elements(false, true)
            select new Complaint
            {
                Id = text.Length > 20 ? text[..20] : text, Text = text, CustomerDemand = demand, Amount = amount, Currency = currency,
                Regime = regime, ReceivedAt = s_first.AddSeconds(seconds), DecisionReceivedAt = decided is { } days ? s_first.AddSeconds(seconds).AddDays(days) : null,
                HandlerRole = role, Language = language, PriorComplaints = prior, Channel = "app", Product = "card", CustomerTags = warned ? ["vulnerable"] : null,
                Attributes = disp is null ? null : new Dictionary<string, string> { ["disp_complaint"] = disp },
                IntakeWarnings = warned ? [new AssessmentWarning(WarningCodes.CharactersReplaced, "replaced \"é\" <x>")] : null,
            };
        return Arb.From(gen);
    }

    private static string[] SampleTexts() =>
        File.ReadLines(RepositoryFiles.PathOf("samples/complaints.jsonl")).Where(l => l.Length > 0).Select(l => ComplaintJson.ParseComplaint(l).Text).ToArray();

    private static void AssertSameBytes(ComplaintAssessment assessment)
    {
        byte[] expected;
        try
        {
            expected = ComplaintJson.SerializeWithSerializer(assessment);
        }
        catch (Exception ex)
        {
            // Text the writer cannot encode fails both ways alike.
            var error = Record.Exception(() => ComplaintJson.SerializeToUtf8Bytes(assessment));
            Assert.Equal(ex.GetType(), error?.GetType());
            return;
        }

        AssertEqualJson(expected, ComplaintJson.SerializeToUtf8Bytes(assessment));
        Assert.Equal(Encoding.UTF8.GetString(expected), ComplaintJson.Serialize(assessment));
    }

    // The compact profile writes deadlines with the same hand-written code: the same bytes as the serializer's list.
    private static void AssertSameCompactDeadlines(ComplaintAssessment assessment)
    {
        using var compact = JsonDocument.Parse(ComplaintJson.SerializeToUtf8Bytes(assessment, AssessmentJsonProfile.Compact));
        if (assessment.Deadlines.Count == 0)
        {
            Assert.False(compact.RootElement.TryGetProperty("deadlines", out _));
            return;
        }

        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var expected = Utf8(options, writer => JsonSerializer.Serialize(writer, assessment.Deadlines, AssessmentJsonContext.Default.IReadOnlyListComplaintDeadline));
        var written = Encoding.UTF8.GetString(ComplaintJson.SerializeToUtf8Bytes(assessment, AssessmentJsonProfile.Compact));
        Assert.EndsWith(",\"deadlines\":" + expected + "}", written, StringComparison.Ordinal);
    }

    private static void AssertEqualJson(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        var at = expected.AsSpan().CommonPrefixLength(actual);
        var from = Math.Max(0, at - 60);
        Assert.Fail($"differs at byte {at}:\n serializer: …{Encoding.UTF8.GetString(expected.AsSpan(from, Math.Min(160, expected.Length - from)))}\n" +
                    $" by hand:    …{Encoding.UTF8.GetString(actual.AsSpan(from, Math.Min(160, actual.Length - from)))}");
    }

    private static string Utf8(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void AssertNames<T>(string[] names)
        where T : struct, Enum
    {
        var info = AssessmentJsonContext.Default.GetTypeInfo(typeof(T))!;
        var values = Enum.GetValues<T>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).Concat([0, -1, names.Length, 99]);
        foreach (var value in values.Distinct())
        {
            var expected = JsonSerializer.Serialize(Enum.ToObject(typeof(T), value), info);
            var options = new JsonWriterOptions();
            var actual = Utf8(options, writer =>
            {
                writer.WriteStartObject();
                FullAssessmentWriter.WriteEnum(writer, JsonEncodedText.Encode("v"), names, value);
                writer.WriteEndObject();
            });
            Assert.Equal("{\"v\":" + expected + "}", actual);
        }
    }
}
