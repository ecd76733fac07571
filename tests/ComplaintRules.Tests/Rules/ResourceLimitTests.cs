namespace ComplaintRules.Tests.Rules;

/// <summary>Limits that keep hostile rule files and complaint text from taking unbounded memory.</summary>
public class ResourceLimitTests
{
    [Fact]
    public void A_rule_document_over_the_size_limit_is_rejected_whole()
    {
        var padding = new string(' ', RuleSetSource.MaxDocumentBytes);
        var json = "{ \"name\": \"big\"," + padding + "\"lexicons\": {} }";

        var diagnostic = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json, "big.rules.json")));

        Assert.Equal("big.rules.json", diagnostic.File);
        Assert.Contains("limit", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_file_over_the_size_limit_is_rejected_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():n}.rules.json");
        File.WriteAllText(path, "{ \"name\": \"big\"," + new string(' ', RuleSetSource.MaxDocumentBytes) + "}");
        try
        {
            var diagnostic = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromFile(path)));

            Assert.Contains("limit", diagnostic.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Text_that_matches_without_end_is_capped_with_a_warning_not_an_exception()
    {
        // Ten nested phrases over a run of one character (Chinese phrases need no word boundary): every position
        // ends ten matches, far more than the cap of four occurrences per character.
        var phrases = string.Join(", ", Enumerable.Range(1, 10).Select(n => $"\"{new string('哈', n)}\""));
        var rules = ComplaintRuleSet.Load(RuleSetSource.FromJson($$"""
            {
              "lexicons": { "letters": { "zh": [{{phrases}}], "negatable": false } },
              "rules": { "causes": [ { "id": "c", "when": "Count(\"letters\") > 0", "cause": "venting", "weight": 0.5 } ] }
            }
            """));
        var text = "好" + new string('哈', 2000) + "好";

        var assessment = new ComplaintAnalyzer(rules).Analyze(new Complaint { Id = "x", Text = text });

        Assert.Contains(assessment.Warnings, w => w.Message.Contains("signal occurrences", StringComparison.Ordinal));
        Assert.Equal(RootCause.Venting, assessment.PrimaryCause);
        Assert.True(assessment.RootCauses[0].Evidence.Count <= 12);
    }
}

/// <summary>Memory per complaint grows linearly with the text, whatever the text (allocation counts, not timings).</summary>
public class LinearCostTests
{
    [Theory]
    [InlineData("不是不满不退款没有生气！！！")]             // negation cues, phrases, exclamation runs
    [InlineData("WORST BANK EVER!!! sooooo slow refund refund ")] // shouting, elongation, repeated phrases
    [InlineData("哈")]                                           // one character repeated: long runs
    public void Ten_times_the_text_allocates_at_most_about_ten_times_the_memory(string unit)
    {
        var analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Default, new ComplaintAnalyzerOptions { MaxTextLength = 400_000 });
        var small = Repeat(unit, 20_000);
        var large = Repeat(unit, 200_000);

        var smallBytes = Allocated(analyzer, small);
        var largeBytes = Allocated(analyzer, large);

        // Linear growth gives about 10x; anything quadratic would give about 100x.
        Assert.True(largeBytes <= 15 * smallBytes, $"{smallBytes} bytes for 20,000 characters, {largeBytes} for 200,000");
    }

    private static string Repeat(string unit, int length) =>
        string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1))[..length];

    private static long Allocated(ComplaintAnalyzer analyzer, string text)
    {
        var complaint = new Complaint { Id = "x", Text = text };
        analyzer.Analyze(complaint); // warm the pools and the JIT

        // The least of three runs: tests running in parallel share the array pools, so one run can miss a pooled
        // buffer another test holds and allocate it afresh; the analysis itself allocates the same every time.
        var least = long.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            analyzer.Analyze(complaint);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
