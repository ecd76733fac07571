namespace ComplaintRules.Tests;

public class SmokeTests
{
    [Fact]
    public void Default_rule_set_analyses_a_complaint()
    {
        var analyzer = new ComplaintAnalyzer();
        var result = analyzer.Analyze(new Complaint { Id = "1", Text = "You promised no fees, I want a refund now!!! This is the WORST BANK EVER." });
        Assert.Equal("en", result.Language);
        Assert.NotEmpty(result.RootCauses);
        Assert.Contains(result.RootCauses, c => c.Cause == RootCause.RightsClaim);
        Assert.NotEmpty(result.Trace);
        Assert.Contains(result.Remedies, r => r.Remedy == "refund");
    }
}
