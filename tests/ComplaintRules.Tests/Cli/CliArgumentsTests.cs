using ComplaintRules.Cli;

namespace ComplaintRules.Tests.Cli;

/// <summary>The command line's grammar: what each command accepts, and errors that name the option at fault.</summary>
public class CliArgumentsTests
{
    [Theory]
    [InlineData("--format", "json")]
    [InlineData("--thread", "2")]
    [InlineData("--all-rules", null)]
    public void An_option_the_command_does_not_have_is_an_error_naming_it(string option, string? value)
    {
        string[] args = value is null ? ["analyze", "in.jsonl", option] : ["analyze", "in.jsonl", option, value];

        var error = Assert.Throws<CliUsageException>(() => new CliArguments(args));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze", "--threads", "x")]
    [InlineData("analyze", "--threads", "0")]
    [InlineData("analyze", "--threads", "1,000")]
    [InlineData("analyze", "--max-line-length", "-5")]
    [InlineData("score", "--misses", "many")]
    [InlineData("score", "--format", "xml")]
    [InlineData("validate", "--format", "yaml")]
    [InlineData("tune", "--penalty", "-1")]
    [InlineData("suggest", "--language", "fr")]
    [InlineData("suggest", "--folds", "1")]
    public void A_bad_value_is_an_error_naming_the_option(string command, string option, string value)
    {
        var error = Assert.Throws<CliUsageException>(() => new CliArguments([command, "in.jsonl", option, value]));

        Assert.Contains(option, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_that_needs_a_value_and_has_none_is_an_error_naming_it()
    {
        var error = Assert.Throws<CliUsageException>(() => new CliArguments(["analyze", "in.jsonl", "--rules"]));

        Assert.Contains("--rules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_option_left_out_is_an_error_naming_it()
    {
        var error = Assert.Throws<CliUsageException>(() => new CliArguments(["suggest", "in.jsonl"]));

        Assert.Contains("--label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_read_back_as_given_and_numbers_default_when_left_out()
    {
        var args = new CliArguments(["analyze", "-", "--rules", "a.json", "--rules", "b.json", "--no-default", "--max-line-length", "1000"]);

        Assert.Equal("analyze", args.Command);
        Assert.Equal(["-"], args.Positional);
        Assert.Equal(["a.json", "b.json"], args.All("--rules"));
        Assert.True(args.Flag("--no-default"));
        Assert.Equal(1000, args.Number("--max-line-length"));
        Assert.Null(args.Number("--threads"));
        Assert.Equal(10, new CliArguments(["score", "l.jsonl"]).Number("--misses"));
    }

    [Fact]
    public void An_input_path_that_starts_with_an_at_sign_is_a_path_not_a_response_file()
    {
        Assert.Equal(["@complaints.jsonl"], new CliArguments(["analyze", "@complaints.jsonl"]).Positional);
    }

    [Fact]
    public void Every_command_has_generated_help_listing_its_options()
    {
        var help = new StringWriter();
        var result = CliCommandLine.Parse(["score", "--help"]);

        var exit = result.Invoke(new System.CommandLine.InvocationConfiguration { Output = help });

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--rules", "--no-default", "--map", "--min", "--format", "--misses" })
        {
            Assert.Contains(option, help.ToString(), StringComparison.Ordinal);
        }
    }
}
