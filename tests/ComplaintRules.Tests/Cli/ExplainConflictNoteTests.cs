using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Cli;

/// <summary>
/// <c>explain</c> says why no conflict is listed when conflict rules fired on a text that is no complaint (the default
/// rule set's <c>settings.conflictNeedsCause</c>), and why a cause only <c>primaryOnly</c> rules found is not listed
/// beside the primary, so the trace below is no puzzle; other texts get no such note.
/// </summary>
public sealed class ExplainConflictNoteTests
{
    [Fact]
    public void A_question_about_a_fee_shows_why_its_price_rule_gives_no_conflict()
    {
        var output = Explain("Quick question: is there a fee for paying my card bill by phone?");

        Assert.Contains("Conflict: other  (no complaint, so no conflict: the conflict rules that fired are in the trace)", output, StringComparison.Ordinal);
        Assert.Contains("conflict.price.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complaint_lists_its_conflict_without_the_note()
    {
        var output = Explain("Your monthly fee went up from 5 to 9 pounds and I want the difference back.");

        Assert.Contains("Conflict: price", output, StringComparison.Ordinal);
        Assert.DoesNotContain("so no conflict", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_expectation_left_out_beside_venting_is_named_with_its_score()
    {
        var output = Explain("这价格也太贵了吧，黑心商家，恶心！！！");

        Assert.Contains("Primary cause: venting", output, StringComparison.Ordinal);
        Assert.Contains("expectation   0.50  not listed: only primaryOnly rules found it, and it is not the primary cause", output, StringComparison.Ordinal);
        Assert.Contains("cause.expectation.service_failure", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expectation_a_first_stage_rule_found_is_listed_without_the_note()
    {
        var output = Explain("Three hours on hold and still no answer. Useless. Absolutely useless!!!");

        Assert.Matches(@"\n  expectation   0\.\d\d  ← ", output);
        Assert.DoesNotContain("only primaryOnly rules found it", output, StringComparison.Ordinal);
    }

    private static string Explain(string text)
    {
        var stdout = new StringWriter();
        Assert.Equal(0, ExplainCommand.Run(new CliArguments(["explain", text, "--no-color"]), stdout, TextWriter.Null));
        return stdout.ToString();
    }
}
