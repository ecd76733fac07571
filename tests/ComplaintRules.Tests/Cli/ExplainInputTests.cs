using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Cli;

/// <summary><c>explain --id ID --input FILE</c> names the line and the problem when that complaint cannot be read.</summary>
public sealed class ExplainInputTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"explain-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void A_row_without_text_is_a_usage_error_naming_the_line_and_the_field()
    {
        File.WriteAllLines(_path, ["""{"id": "a1", "text": "The card was charged twice."}""", """{"id": "b2", "expectation": 1}"""]);

        var error = Assert.Throws<CliUsageException>(() => Explain("b2"));

        Assert.Equal($"{_path}:2: the complaint with id 'b2' cannot be read: the required field 'text' is missing", error.Message);
    }

    [Fact]
    public void A_line_that_only_mentions_the_id_is_passed_over()
    {
        File.WriteAllLines(_path, ["""{"note": "see b2"}""", """{"id": "b2", "text": "My refund never arrived."}"""]);

        var stdout = new StringWriter();
        Assert.Equal(0, ExplainCommand.Run(new CliArguments(["explain", "--id", "b2", "--input", _path, "--no-color"]), stdout, TextWriter.Null));
        Assert.StartsWith("Complaint b2 (en)", stdout.ToString(), StringComparison.Ordinal);
    }

    private int Explain(string id) =>
        ExplainCommand.Run(new CliArguments(["explain", "--id", id, "--input", _path, "--no-color"]), TextWriter.Null, TextWriter.Null);
}
