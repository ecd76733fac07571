using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ComplaintRules.Tests.Schema;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Properties;

/// <summary>
/// Parsing a complaint line reads plain lines straight off the reader and leaves the rest to the serializer: whatever
/// the line, the complaint (or the error message) is the serializer's own.
/// </summary>
public sealed class ComplaintReadingProperties
{
    /// <summary>One generated line: fields, values and punctuation that are often right and sometimes wrong.</summary>
    public sealed record Line(string Json)
    {
        public override string ToString() => Json;
    }

    public static class Generators
    {
        private static readonly string[] s_names =
        [
            "id", "text", "language", "channel", "product", "amount", "currency", "customerTags", "priorComplaints",
            "customerDemand", "regime", "customerId", "handlerRole", "receivedAt", "attributes", "intakeWarnings",
            "Text", "other", "\\u0069d", "te\\u0078t",
        ];

        private static readonly string[] s_values =
        [
            "\"\"", "\"I want a refund\"", "\"说好的免年费\"", "\"a \\\"quoted\\\" word\\n\"", "\"\\ud800 lone\"", "\"pair \\ud83d\\ude00\"",
            "\"😀 emoji\"", "\"\\u00e9t\\u00e9\"", "0", "-1", "3", "89.99", "1e2", "1.0", "12345678901234567890", "79228162514264337593543950336",
            "2147483648", "true", "null", "[]", "[\"vip\",\"new\"]", "[\"a\",null]", "[1]", "{}", "{\"tier\":\"gold\"}",
            "\"2025-09-16T10:00:00+08:00\"", "\"not a date\"",
        ];

        private static readonly string[] s_gaps = ["", "", "", " ", "\t", " /* c */ ", "\r"];

        public static Arbitrary<Line> Lines() =>
            (from required in Gen.Elements(true, true, false)
             from fields in Gen.Zip(Gen.Elements(s_names), Gen.Elements(s_values)).ListOf()
             from gap in Gen.Elements(s_gaps)
             from trailingComma in Gen.Elements(false, false, true)
             from tail in Gen.Elements("", "", "", " ", "x", "}", " // end", "{}")
             from cut in Gen.Choose(0, 12)
             select new Line(Compose(required, fields, gap, trailingComma, tail, cut))).ToArbitrary();

        private static string Compose(bool required, IEnumerable<(string Name, string Value)> fields, string gap, bool trailingComma, string tail, int cut)
        {
            var members = fields.Select(f => $"\"{f.Name}\"{gap}:{gap}{f.Value}").ToList();
            if (required)
            {
                members.InsertRange(0, ["\"id\":\"c1\"", "\"text\":\"I was charged twice\""]);
            }

            var json = $"{gap}{{{string.Join($",{gap}", members)}{(trailingComma ? "," : "")}}}{tail}";

            // Now and then the line is cut short, as a truncated file would leave it.
            return cut == 0 ? json[..(json.Length / 2)] : json;
        }
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 2000)]
    public void Reading_a_line_gives_what_the_serializer_gives(Line line)
    {
        Assert.Equal(Outcome(() => ComplaintJson.ParseWithSerializer(line.Json)), Outcome(() => ComplaintJson.ParseComplaint(line.Json)));
    }

    [Fact]
    public void Every_sample_line_is_plain_and_reads_as_the_serializer_reads_it()
    {
        foreach (var json in File.ReadLines(RepositoryFiles.PathOf("samples/complaints.jsonl")).Where(l => l.Length > 0))
        {
            Assert.True(ComplaintFastReading.TryParse(json, out var complaint), json);
            Assert.Equal(Outcome(() => ComplaintJson.ParseWithSerializer(json)), Outcome(() => complaint!));
        }
    }

    [Theory]
    [InlineData("""{"id":"a","text":"b","receivedAt":"2025-09-16T10:00:00Z"}""")] // a date
    [InlineData("""{"id":"a","text":"b","attributes":{}}""")] // attributes
    [InlineData("""{"id":"a","text":"b","extra":1}""")] // a field the complaint does not have
    [InlineData("""{"\u0069d":"a","text":"b"}""")] // an escaped name
    [InlineData("""{"id":"a","text":"\ud800"}""")] // a lone surrogate, replaced with a warning
    [InlineData("""{"id":"a","text":null}""")]
    [InlineData("""{"id":"a","text":"b","text":"c"}""")]
    [InlineData("""{"id":"a","text":"b"} x""")]
    [InlineData("""{"id":"a"}""")]
    [InlineData("""{"id":"a","text":"b","amount":"12"}""")]
    [InlineData("""{"id":"a","text":"b","priorComplaints":1.5}""")]
    public void Anything_but_a_plain_line_is_left_to_the_serializer(string json)
    {
        Assert.False(ComplaintFastReading.TryParse(json, out _));
    }

    [Fact]
    public void A_plain_line_with_comments_trailing_commas_and_every_plain_field_is_read_directly()
    {
        const string json = """
            /* lead */ {"id":"x","text":"t\n\u00e9","language":"en","channel":"phone","product":"card","amount":-0.50,"currency":"USD",
            "customerTags":["vip",],"priorComplaints":2,"customerDemand":"refund","regime":"US-CFPB","customerId":"k","handlerRole":"agent",} // end
            """;

        Assert.True(ComplaintFastReading.TryParse(json, out var complaint));
        Assert.Equal(Outcome(() => ComplaintJson.ParseWithSerializer(json)), Outcome(() => complaint!));
        Assert.Equal("t\né", complaint!.Text);
        Assert.Equal(-0.50m, complaint.Amount);
    }

    // The complaint as text, field by field (lists compared by content), or the error's type and message.
    private static string Outcome(Func<Complaint> parse)
    {
        try
        {
            var c = parse();
            return string.Join("|",
                c.Id, c.Text, c.Language, c.Channel, c.ReceivedAt?.ToString("O"), c.Product, c.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Currency, c.CustomerTags is null ? "-" : $"[{string.Join(",", c.CustomerTags)}]", c.PriorComplaints, c.CustomerDemand, c.Regime,
                c.DecisionReceivedAt?.ToString("O"), c.CustomerId, c.HandlerRole,
                c.Attributes is null ? "-" : $"{{{string.Join(",", c.Attributes.Select(a => $"{a.Key}={a.Value}"))}}}",
                c.IntakeWarnings is null ? "-" : $"[{string.Join(",", c.IntakeWarnings.Select(w => $"{w.Code}:{w.Message}"))}]");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
