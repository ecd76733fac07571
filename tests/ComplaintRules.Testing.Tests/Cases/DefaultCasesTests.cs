using ComplaintRules.Testing;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Testing.Tests.Cases;

/// <summary>The default rule set passes its own case file, src/ComplaintRules/DefaultRules/default.cases.json.</summary>
public sealed class DefaultCasesTests
{
    private static readonly Lazy<IReadOnlyList<RuleTestResult>> s_results = new(() =>
        new RuleCaseRunner(ComplaintRuleSet.Default).RunAll(RuleTestCaseFile.Load(RepositoryFiles.PathOf("src/ComplaintRules/DefaultRules/default.cases.json"))));

    public static TheoryData<string> CaseNames => [.. RuleTestCaseFile.Load(RepositoryFiles.PathOf("src/ComplaintRules/DefaultRules/default.cases.json")).Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_default_case_passes_unless_marked_pending(string name)
    {
        var result = s_results.Value.Single(r => r.Case.Name == name);

        Assert.False(result.FailsRun, result.Describe());
    }

    [Fact]
    public void The_case_file_covers_every_cause_conflict_type_and_severity_level()
    {
        var cases = s_results.Value.Select(r => r.Case.Expect).ToList();

        Assert.All(Enum.GetValues<RootCause>(), cause => Assert.Contains(cases, e => e.PrimaryCause == cause || e.CausesPresent.Contains(cause)));
        Assert.All(Enum.GetValues<ConflictType>(), type => Assert.Contains(cases, e => e.ConflictType == type));
        Assert.All(Enum.GetValues<Severity>(), level => Assert.Contains(cases, e => e.Severity == level || e.SeverityAtLeast == level));
        Assert.Contains(s_results.Value, r => r.Explanation.Assessment.Language == "zh");
        Assert.Contains(s_results.Value, r => r.Explanation.Assessment.Language == "en");
    }

    [Fact]
    public void The_case_file_is_embedded_next_to_the_default_rule_set()
    {
        using var stream = typeof(ComplaintRuleSet).Assembly.GetManifestResourceStream("ComplaintRules.DefaultRules.default.cases.json");

        Assert.NotNull(stream);
    }
}
