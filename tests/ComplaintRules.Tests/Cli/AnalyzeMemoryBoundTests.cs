using System.Text;
using System.Text.Json;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using ComplaintRules.Cli.Input;

namespace ComplaintRules.Tests.Cli;

public class AnalyzeMemoryBoundTests
{
    [Fact]
    public async Task A_line_over_the_maximum_length_is_reported_with_its_number_and_the_batch_goes_on()
    {
        var lines = Enumerable.Range(1, 6)
            .Select(i => Line($"m-{i}", i == 3 ? new string('a', 5_000) : "The card fee was charged twice; please refund it."))
            .ToList();
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();

        var exit = await AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-", "--max-line-length", "1000"]), new StringReader(string.Join('\n', lines)), stdout, stderr);

        Assert.Equal(["m-1", "m-2", "m-4", "m-5", "m-6"], Ids(stdout));
        Assert.Equal(1, exit);
        Assert.Contains("-:3: the line is longer than 1,000 characters (--max-line-length); skipped", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 line(s) failed", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_in_flight_stay_within_the_byte_budget_and_come_out_in_order()
    {
        const int Count = 120;
        var text = string.Concat(Enumerable.Repeat("I was promised no annual fee and was charged anyway. ", 1_000)); // ~53,000 characters
        var input = string.Join('\n', Enumerable.Range(0, Count).Select(i => Line($"b-{i}", text)));
        var budget = new InFlightBudget(1L << 20);               // room for about nine lines, not 120
        using var stdout = new MemoryStream();

        var exit = await AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-", "--threads", "2"]), new StringReader(input), stdout, new StringWriter(), budget);

        Assert.Equal(0, exit);
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"b-{i}"), Ids(stdout));
        Assert.InRange(budget.PeakBytes, text.Length * 2L, budget.LimitBytes);
    }

    [Fact]
    public async Task A_single_line_larger_than_the_budget_still_passes_alone()
    {
        var budget = new InFlightBudget(1_000);
        var input = string.Join('\n', Line("l-1", new string('b', 2_000)), Line("l-2", "short"), Line("l-3", new string('c', 3_000)));
        using var stdout = new MemoryStream();

        var exit = await AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-"]), new StringReader(input), stdout, new StringWriter(), budget);

        Assert.Equal(0, exit);
        Assert.Equal(["l-1", "l-2", "l-3"], Ids(stdout));
        Assert.True(budget.PeakBytes < 7_000, $"peak {budget.PeakBytes} bytes: more than the longest line was held");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    public async Task A_bad_maximum_line_length_is_a_usage_error(string value)
    {
        var error = await Assert.ThrowsAsync<CliUsageException>(() =>
            AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-", "--max-line-length", value]), TextReader.Null, Stream.Null, TextWriter.Null));

        Assert.Contains("--max-line-length", error.Message, StringComparison.Ordinal);
    }

    private static string Line(string id, string text) => JsonSerializer.Serialize(new { id, text });

    private static List<string> Ids(MemoryStream stdout) =>
        Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();
}
