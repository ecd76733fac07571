using ComplaintRules.Testing;
using FsCheck.Xunit;

namespace ComplaintRules.Testing.Tests.Scoring;

/// <summary>Labelled lines, with and without a map.</summary>
public class LabelMapTests
{
    private static readonly LabelMap s_map = LabelMap.Parse("""
        {
          // a helpdesk export: ticket number, body, an agent's category and an emotion column
          "complaint": { "id": "ticket", "text": "body", "language": "lang" },
          "expect": {
            "conflictType": { "column": "category", "values": { "费用争议": "price", "服务态度": "service_quality" } },
            "causes.venting": { "column": "emotion", "values": { "anger": true }, "otherwise": false },
            "intensity": "level",
            "isComplaint": "complaint"
          }
        }
        """);

    [Fact]
    public void A_map_turns_columns_and_values_into_a_complaint_and_its_labels()
    {
        var row = LabelledComplaintFile.Parse("""{"ticket": "T-1", "body": "年费扣了两次", "lang": "zh", "category": "费用争议", "emotion": "anger", "level": 3, "complaint": true, "agent": "x"}""", s_map);

        Assert.Equal("T-1", row.Complaint.Id);
        Assert.Equal("年费扣了两次", row.Complaint.Text);
        Assert.Equal("zh", row.Complaint.Language);
        Assert.Equal(ConflictType.Price, row.Expect.ConflictType);
        Assert.Equal(new Dictionary<RootCause, bool> { [RootCause.Venting] = true }, row.Expect.Causes);
        Assert.Equal(3, row.Expect.Intensity);
        Assert.True(row.Expect.IsComplaint);
        Assert.Null(row.Expect.PrimaryCause);
    }

    [Fact]
    public void A_value_outside_the_table_gives_otherwise_or_no_label_and_an_empty_cell_gives_no_label()
    {
        var row = LabelledComplaintFile.Parse("""{"ticket": "T-2", "body": "slow", "category": "其他", "emotion": "sadness", "level": null}""", s_map);

        Assert.Null(row.Expect.ConflictType);                   // not in the values table, no "otherwise"
        Assert.False(row.Expect.Causes[RootCause.Venting]);     // "otherwise": false
        Assert.Null(row.Expect.Intensity);                      // null cell
        Assert.Null(row.Expect.IsComplaint);                    // missing column
    }

    [Fact]
    public void Without_a_map_a_causes_list_marks_the_causes_it_does_not_name_as_absent()
    {
        var row = LabelledComplaintFile.Parse("""{"id": "1", "text": "t", "expect": {"primaryCause": "rights_claim", "causes": ["rights_claim"], "severity": "serious", "remedyClass": "monetary"}}""");

        Assert.Equal(RootCause.RightsClaim, row.Expect.PrimaryCause);
        Assert.Equal(new Dictionary<RootCause, bool> { [RootCause.Expectation] = false, [RootCause.RightsClaim] = true, [RootCause.Venting] = false }, row.Expect.Causes);
        Assert.Equal(Severity.Serious, row.Expect.Severity);
        Assert.Equal(OutcomeClass.Monetary, row.Expect.RemedyClass);
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_number_and_the_rest_are_read()
    {
        var text = string.Join('\n',
            """{"id": "1", "text": "a", "expect": {"conflictType": "price"}}""",
            "",
            """{"id": "2", "text": "b", "expect": {"conflictType": "fees"}}""",
            """{"id": "3", "text": "c", "expect": {"mood": "bad"}}""",
            """{"id": "4"}""",
            """{"id": "5", "text": "e", "expect": {"intensity": 7}}""",
            """{"id": "6", "text": "f"}""",
            """{"id": "7", "text": "g", "expect": {"conflictType": "price"}, "expect": {"conflictType": "policy"}}""");

        var content = LabelledComplaintFile.Read(new StringReader(text));

        Assert.Equal([1, 7], content.Complaints.Select(c => c.Line));
        Assert.Equal([3, 4, 5, 6, 8], content.Errors.Select(e => e.Line));
        Assert.Contains("fees", content.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'expect' is written twice", content.Errors[4].Message, StringComparison.Ordinal); // an error, not a crash
        Assert.True(content.Complaints[1].Expect.IsEmpty);
    }

    [Theory]
    [InlineData("""{"expect": {"mood": "x"}}""", "expect.mood")]
    [InlineData("""{"expect": {"conflictType": {"values": {}}}}""", "needs a column")]
    [InlineData("""{"complaint": {"body": "text"}}""", "complaint.body")]
    [InlineData("""{"complaint": {"id": "ticket"}}""", "complaint.text is missing")]
    [InlineData("""{"expect": {"intensity": {"column": "x", "default": 1}}}""", "expect.intensity.default")]
    [InlineData("""{"rows": {}}""", "rows")]
    [InlineData("""[1]""", "JSON object")]
    public void A_malformed_map_says_what_is_wrong(string json, string message)
    {
        var ex = Assert.Throws<FormatException>(() => LabelMap.Parse(json, "my.map.json"));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("my.map.json", ex.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public void Format_then_parse_gives_back_the_same_labels(byte primary, byte conflict, byte intensity, byte causes, bool? isComplaint)
    {
        var expect = new ScoreExpectations
        {
            PrimaryCause = primary % 5 == 4 ? null : (RootCause)(primary % 4),
            ConflictType = conflict % 7 == 6 ? null : (ConflictType)(conflict % 6),
            Intensity = intensity % 6 == 5 ? null : intensity % 5,
            Severity = intensity % 5 == 0 ? null : (Severity)(1 + (intensity % 4)),
            RemedyClass = conflict % 3 == 0 ? null : (OutcomeClass)(conflict % 5),
            IsComplaint = isComplaint,
            Causes = new[] { RootCause.Expectation, RootCause.RightsClaim, RootCause.Venting }
                .Where((_, i) => (causes >> i & 1) == 1).ToDictionary(c => c, c => (causes >> 4 & 1) == 1),
        };
        var labelled = new LabelledComplaint { Complaint = new Complaint { Id = "c-1", Text = "说好的\"免年费\"", Language = "zh", Amount = 12.5m }, Expect = expect };

        var back = LabelledComplaintFile.Parse(LabelledComplaintFile.Format(labelled));

        Assert.Equal(labelled.Complaint, back.Complaint);
        Assert.Equal(expect.PrimaryCause, back.Expect.PrimaryCause);
        Assert.Equal(expect.ConflictType, back.Expect.ConflictType);
        Assert.Equal(expect.Intensity, back.Expect.Intensity);
        Assert.Equal(expect.Severity, back.Expect.Severity);
        Assert.Equal(expect.RemedyClass, back.Expect.RemedyClass);
        Assert.Equal(expect.IsComplaint, back.Expect.IsComplaint);
        Assert.Equal(expect.Causes.OrderBy(c => c.Key), back.Expect.Causes.OrderBy(c => c.Key));
    }
}
