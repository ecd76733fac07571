using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Cli;

/// <summary><c>explain</c> shows who may grant each remedy and why, and the handler's split.</summary>
public sealed class ExplainAuthorityTests
{
    [Fact]
    public void Explain_shows_the_granting_role_of_each_remedy_and_why()
    {
        var rules = TestRuleFiles.Load("authority.rules.json");
        var complaint = new Complaint { Id = "x", Text = "refund please", Language = "en", Amount = 800, Currency = "CNY", HandlerRole = "agent" };

        var text = ExplainCommand.Render(complaint, new ComplaintAnalyzer(rules).Explain(complaint), color: false, allRules: false, rules);

        Assert.Contains("      granted by: supervisor — granted by agent and above; 800 CNY is within the cap of supervisor (5000)", text, StringComparison.Ordinal);
        Assert.Contains("      granted by: agent — not listed under authority.remedies: agent, the lowest role", text, StringComparison.Ordinal);
        Assert.Contains("Authority for agent: offer now [explain], ask for approval [refund → supervisor, compensation → supervisor]", text, StringComparison.Ordinal);
    }
}
