using System.Text.Json;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Cli;

public class AnalyzeCommandTests
{
    [Fact]
    public async Task Writes_one_line_per_complaint_in_input_order_and_reports_bad_lines_without_stopping()
    {
        var lines = Enumerable.Range(0, 200)
            .Select(i => i % 50 == 7 ? "{\"id\": \"broken\"" : JsonSerializer.Serialize(new { id = $"c-{i}", text = i % 2 == 0 ? "I want a refund now!!!" : "说好的免年费，结果扣了年费。" }))
            .ToList();
        lines.Insert(3, "");                      // blank lines are skipped silently
        lines.Insert(10, "{\"id\": \"no-text\"}"); // a complaint without text
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();

        var exit = await AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-", "--threads", "2"]), new StringReader(string.Join('\n', lines)), stdout, stderr);

        var ids = System.Text.Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();
        var expected = Enumerable.Range(0, 200).Where(i => i % 50 != 7).Select(i => $"c-{i}").ToList();
        Assert.Equal(expected, ids);
        Assert.Equal(1, exit);
        var errors = stderr.ToString();
        Assert.Contains("-:9:", errors, StringComparison.Ordinal);   // input line 9 is the first broken one (after the blank line)
        Assert.Contains("-:11:", errors, StringComparison.Ordinal);  // the complaint without text
        Assert.Contains("5 line(s) failed", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exits_zero_when_every_line_is_analysed()
    {
        using var stdout = new MemoryStream();

        var exit = await AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-"]), new StringReader("{\"id\": \"1\", \"text\": \"说好的免年费\"}"), stdout, new StringWriter());

        Assert.Equal(0, exit);
        var output = System.Text.Encoding.UTF8.GetString(stdout.ToArray());
        Assert.Contains("说好的", output, StringComparison.Ordinal); // UTF-8, readable, not \u-escaped
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_missing_input_file_is_a_usage_error()
    {
        await Assert.ThrowsAsync<CliUsageException>(() =>
            AnalyzeCommand.RunAsync(new CliArguments(["analyze", "no-such-file.jsonl"]), TextReader.Null, Stream.Null, TextWriter.Null));
    }

    [Fact]
    public async Task A_rule_file_with_errors_fails_before_the_input_is_opened_as_before()
    {
        var rules = Path.Combine(Path.GetTempPath(), $"analyze-{Guid.NewGuid():N}.rules.json");
        await File.WriteAllTextAsync(rules, """{ "rules": { "severity": [ { "id": "s.x", "level": "serious", "when": "Cout(\"a\") > 0" } ] } }""");
        try
        {
            // The rule set loads on a thread of its own; its error still comes first, not the missing input file's.
            var error = await Assert.ThrowsAsync<RuleSetException>(() =>
                AnalyzeCommand.RunAsync(new CliArguments(["analyze", "no-such-file.jsonl", "--rules", rules]), TextReader.Null, Stream.Null, TextWriter.Null));
            Assert.Contains("s.x", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(rules);
        }
    }
}
