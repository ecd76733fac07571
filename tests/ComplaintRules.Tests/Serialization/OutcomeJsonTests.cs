using System.Text.Json;

namespace ComplaintRules.Tests.Serialization;

/// <summary>Reading an outcome line: every field, and errors that name the field and what it must be.</summary>
public sealed class OutcomeJsonTests
{
    [Fact]
    public void Every_field_is_read()
    {
        var outcome = ComplaintJson.ParseOutcome("""{"complaintId":"c1","remediesGiven":["refund","private_apology"],"resolved":true,"satisfaction":4,"reopened":false,"timeToResolve":"2.04:00:00"}""");

        Assert.Equal("c1", outcome.ComplaintId);
        Assert.Equal(["refund", "private_apology"], outcome.RemediesGiven);
        Assert.True(outcome.Resolved);
        Assert.Equal(4, outcome.Satisfaction);
        Assert.False(outcome.Reopened);
        Assert.Equal(new TimeSpan(2, 4, 0, 0), outcome.TimeToResolve);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)outcome.RemediesGiven).Clear());
    }

    [Fact]
    public void Only_the_id_and_resolved_are_required()
    {
        var outcome = ComplaintJson.ParseOutcome("""{"complaintId":"c2","resolved":false,"satisfaction":null}""");

        Assert.Empty(outcome.RemediesGiven);
        Assert.Null(outcome.Satisfaction);
        Assert.Null(outcome.TimeToResolve);
        Assert.False(outcome.Reopened);
    }

    [Theory]
    [InlineData("""{"resolved":true}""", "field 'complaintId'")]
    [InlineData("""{"complaintId":"c"}""", "field 'resolved'")]
    [InlineData("""{"complaintId":"c","resolved":"yes"}""", "field 'resolved' must be true or false")]
    [InlineData("""{"complaintId":"c","resolved":true,"satisfaction":6}""", "field 'satisfaction' must be a whole number from 1 to 5")]
    [InlineData("""{"complaintId":"c","resolved":true,"satisfaction":3.5}""", "field 'satisfaction'")]
    [InlineData("""{"complaintId":"c","resolved":true,"remediesGiven":["refund",3]}""", "field 'remediesGiven[1]'")]
    [InlineData("""{"complaintId":"c","resolved":true,"timeToResolve":"two days"}""", "field 'timeToResolve'")]
    [InlineData("""{"complaintId":"c","resolved":true,"csat":4}""", "unknown field 'csat'")]
    [InlineData("""{"complaintId":"c","resolved":true,"resolved":false}""", "given twice")]
    [InlineData("""[1]""", "JSON object")]
    public void A_bad_field_is_named_in_the_error(string json, string expected)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => ComplaintJson.ParseOutcome(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
