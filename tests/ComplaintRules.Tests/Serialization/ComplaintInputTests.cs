using System.Text;
using System.Text.Json;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Serialization;

/// <summary>Input is never lost or changed without a word: what is replaced is warned about, what is ambiguous is refused clearly.</summary>
public class ComplaintInputTests
{
    [Fact]
    public void A_lone_surrogate_escape_is_read_as_a_replacement_character_with_a_warning()
    {
        var complaint = ComplaintJson.ParseComplaint("""{"id":"s","text":"abc \ud800 def \ud83d\ude00"}""");

        Assert.Equal("abc \uFFFD def \U0001F600", complaint.Text);
        var assessment = new ComplaintAnalyzer().Analyze(complaint);
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.CharactersReplaced && w.Message.StartsWith("1 lone surrogate", StringComparison.Ordinal));
    }

    [Fact]
    public void A_field_given_twice_rejects_the_complaint_naming_the_field()
    {
        var error = Assert.ThrowsAny<JsonException>(() => ComplaintJson.ParseComplaint("""{"id":"d","text":"I am angry","text":"fine"}"""));

        Assert.Contains("'text' appears more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_given_twice_is_named_too()
    {
        var error = Assert.ThrowsAny<JsonException>(() => ComplaintJson.ParseComplaint("""{"id":"d","text":"x","attributes":{"tier":"a","tier":"b"}}"""));

        Assert.Contains("'tier'", error.Message, StringComparison.Ordinal);
        Assert.Contains("more than once in 'attributes'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"x","text":5}""", "the field 'text' must be a string, not a number")]
    [InlineData("""{"id":"x"}""", "the required field 'text' is missing")]
    [InlineData("""{"text":"x"}""", "the required field 'id' is missing")]
    [InlineData("""{"id":"x","text":"y","amount":"lots"}""", "the field 'amount' must be a number")]
    [InlineData("""{"id":"x","text":"y","priorComplaints":1.5}""", "the field 'priorComplaints' must be a whole number")]
    [InlineData("""{"id":"x","text":"y","receivedAt":"soon"}""", "the field 'receivedAt' must be a date and time in ISO 8601")]
    [InlineData("""{"id":"x","text":"y","customerTags":[1]}""", "the field 'customerTags' must be an array of strings, not a number")]
    [InlineData("""[1]""", "a complaint must be a JSON object")]
    [InlineData("""{"id":"x","text":"y" """, "malformed JSON at character")]
    [InlineData("""{"id":"说","text":"y",}x""", "malformed JSON at character 23")]
    public void Errors_name_the_field_in_the_input_words(string json, string expected)
    {
        var error = Assert.ThrowsAny<JsonException>(() => ComplaintJson.ParseComplaint(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ComplaintRules.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_received_date_too_far_ahead_for_deadlines_is_named_and_the_complaint_still_analysed()
    {
        var complaint = ComplaintJson.ParseComplaint("""{"id":"f","text":"I want a refund","receivedAt":"9999-12-31T00:00:00Z","regime":"US-CFPB"}""");

        var assessment = new ComplaintAnalyzer().Analyze(complaint);

        Assert.Empty(assessment.Deadlines);
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.ReceivedAtOutOfRange && w.Message.StartsWith("receivedAt 9999-12-31", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_command_line_counts_lines_at_line_feeds_only_and_warns_about_invalid_utf8()
    {
        var input = new MemoryStream();
        input.Write("""{"id":"a","text":"first"}"""u8);
        input.Write("\r\n"u8);                                          // a Windows line end is one line end
        input.Write("{\"id\":\"b\",\"text\":\"a raw CR"u8);
        input.Write("\r"u8);                                            // inside a line: that line is bad, no other
        input.Write(""" here"}"""u8);
        input.Write("\n"u8);
        input.Write("""{"id":"c","text":"bad bytes """u8);
        input.Write([0xFF, 0xFE]);
        input.Write(""" here"}"""u8);
        input.Write("\n"u8);
        input.Write("""{"id":"d","text":"I am angry","text":"fine"}"""u8);
        input.Write("\n"u8);
        input.Write("""{"id":"e","text":"last"}"""u8);
        input.Position = 0;
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();

        var exit = await AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-"]), new StreamReader(input, Encoding.UTF8), stdout, stderr);

        var lines = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a", "c", "e"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Contains(lines[1].GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == WarningCodes.CharactersReplaced
            && w.GetProperty("message").GetString()!.StartsWith("the input line is not valid UTF-8", StringComparison.Ordinal));
        var errors = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, errors.Length);
        Assert.StartsWith("-:2: malformed JSON at character 27 (in 'text'): '0x0D' is invalid within a JSON string", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("-:4: the field 'text' appears more than once", errors[1], StringComparison.Ordinal);
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Input_in_utf16_with_a_byte_order_mark_is_still_read()
    {
        var input = new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"id\":\"u1\",\"text\":\"退款\"}\r\n{\"id\":\"u2\",\"text\":\"fine\"}\n")).ToArray());
        using var stdout = new MemoryStream();

        var exit = await AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-"]), new StreamReader(input, Encoding.UTF8), stdout, new StringWriter());

        Assert.Equal(0, exit);
        var ids = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.Equal(["u1", "u2"], ids);
    }
}
