using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Cli;

/// <summary><c>tune</c>: writes a layer that <c>validate</c> accepts; usage errors.</summary>
public sealed class TuneCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tune-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Labelled()
    {
        var path = Path.Combine(_dir, "labelled.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 12).Select(i => i % 2 == 0
            ? $$$"""{"id": "{{{i}}}", "text": "It was slow, case {{{i}}}", "expect": {"primaryCause": "expectation"}}"""
            : $$$"""{"id": "{{{i}}}", "text": "Hello, case {{{i}}}", "expect": {"primaryCause": "none"}}"""));
        return path;
    }

    [Fact]
    public void The_written_layer_passes_validate_over_the_rules_it_tuned()
    {
        var output = Path.Combine(_dir, "tuned.rules.json");
        var stdout = new StringWriter();

        var exit = TuneCommand.Run(new CliArguments(["tune", Labelled(), "--rules", PathOf("basic.rules.json"), "--no-default", "--out", output, "--folds", "3", "--seed", "9"]), stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("c.slow", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("primaryCause.accuracy", stdout.ToString(), StringComparison.Ordinal);
        var validate = ValidateCommand.Run(new CliArguments(["validate", PathOf("basic.rules.json"), output, "--no-default"]), new StringWriter(), new StringWriter());
        Assert.Equal(0, validate);
    }

    [Theory]
    [InlineData("--folds", "x")]
    [InlineData("--folds", "20")]
    [InlineData("--penalty", "-1")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        Assert.Throws<CliUsageException>(() => TuneCommand.Run(
            new CliArguments(["tune", Labelled(), "--rules", PathOf("basic.rules.json"), "--no-default", "--out", Path.Combine(_dir, "t.json"), option, value]),
            new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void Out_is_required()
    {
        Assert.Throws<CliUsageException>(() => TuneCommand.Run(new CliArguments(["tune", Labelled()]), new StringWriter(), new StringWriter()));
    }
}
