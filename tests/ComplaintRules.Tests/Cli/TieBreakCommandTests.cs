using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Cli;

/// <summary><c>tiebreak</c>: writes a tieBreak layer that validates, with its leads; usage errors.</summary>
public sealed class TieBreakCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tiebreak-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Labelled()
    {
        var path = Path.Combine(_dir, "labelled.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 30).Select(i => i % 2 == 0
            ? $$$"""{"id": "{{{i}}}", "text": "You promised delivery by Friday, case {{{i}}}", "language": "en", "expect": {"primaryCause": "expectation"}}"""
            : $$$"""{"id": "{{{i}}}", "text": "Absolute joke of a company, case {{{i}}}", "language": "en", "expect": {"primaryCause": "venting"}}"""));
        return path;
    }

    [Fact]
    public void Writes_the_leads_given_into_a_layer_that_validates()
    {
        var output = Path.Combine(_dir, "tiebreak.rules.json");

        var exit = TieBreakCommand.Run(new CliArguments(["tiebreak", Labelled(), "--out", output, "--min-count", "5", "--lead", "venting=7", "--lead", "expectation=6.5"]),
            new StringWriter(), new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("\"leads\": { \"expectation\": 6.5, \"venting\": 7 }", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(0, ValidateCommand.Run(new CliArguments(["validate", output]), new StringWriter(), new StringWriter()));
    }

    [Theory]
    [InlineData("anger=7")]
    [InlineData("none=7")]
    [InlineData("venting")]
    [InlineData("venting=-1")]
    [InlineData("venting=1001")]
    public void A_bad_lead_is_a_usage_error(string lead)
    {
        var args = new CliArguments(["tiebreak", Labelled(), "--out", Path.Combine(_dir, "t.rules.json"), "--lead", lead]);

        Assert.Throws<CliUsageException>(() => TieBreakCommand.Run(args, new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void A_cause_given_twice_is_a_usage_error()
    {
        var args = new CliArguments(["tiebreak", Labelled(), "--out", Path.Combine(_dir, "t.rules.json"), "--lead", "venting=7", "--lead", "venting=6"]);

        Assert.Throws<CliUsageException>(() => TieBreakCommand.Run(args, new StringWriter(), new StringWriter()));
    }
}
