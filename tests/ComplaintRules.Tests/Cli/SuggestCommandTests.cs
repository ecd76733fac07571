using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Cli;

/// <summary><c>suggest</c>: prints and writes a lexicon layer; usage errors.</summary>
public sealed class SuggestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("suggest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Labelled()
    {
        var path = Path.Combine(_dir, "labelled.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, 30).Select(i => i % 2 == 0
            ? $$$"""{"id": "{{{i}}}", "text": "A hidden charge appeared, case {{{i}}}", "expect": {"conflictType": "price"}}"""
            : $$$"""{"id": "{{{i}}}", "text": "Nobody called me back, case {{{i}}}", "expect": {"conflictType": "service_quality"}}"""));
        return path;
    }

    [Fact]
    public void Prints_the_phrases_and_writes_a_lexicon_that_validates()
    {
        var output = Path.Combine(_dir, "suggested.rules.json");
        var stdout = new StringWriter();

        var exit = SuggestCommand.Run(new CliArguments(["suggest", Labelled(), "--label", "conflictType=price", "--out", output]), stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("hidden charge appeared", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("suggested_conflicttype_price", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(0, ValidateCommand.Run(new CliArguments(["validate", output]), new StringWriter(), new StringWriter()));
    }

    [Theory]
    [InlineData("--language", "fr")]
    [InlineData("--label", "conflictType")]
    [InlineData("--folds", "1")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        var args = option == "--label" ? new[] { "suggest", Labelled(), option, value } : ["suggest", Labelled(), "--label", "conflictType=price", option, value];

        Assert.Throws<CliUsageException>(() => SuggestCommand.Run(new CliArguments(args), new StringWriter(), new StringWriter()));
    }

    [Fact]
    public void The_label_is_required()
    {
        Assert.Throws<CliUsageException>(() => SuggestCommand.Run(new CliArguments(["suggest", Labelled()]), new StringWriter(), new StringWriter()));
    }
}
