namespace ComplaintRules.Tests;

/// <summary>The rule files written for the tests (copied next to the test assembly) and shortcuts to analyse with them.</summary>
internal static class TestRuleFiles
{
    private static readonly Lazy<ComplaintRuleSet> s_basic = new(() => Load("basic.rules.json"));

    /// <summary>basic.rules.json: every decision, with weights chosen so the expected numbers are easy to check.</summary>
    public static ComplaintRuleSet Basic => s_basic.Value;

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "TestRules", name);

    /// <summary>Loads test rule files, layered in order, without the embedded default.</summary>
    public static ComplaintRuleSet Load(params string[] names) => ComplaintRuleSet.LoadFiles(names.Select(PathOf), includeDefault: false);

    public static IReadOnlyList<RuleDiagnostic> Validate(params string[] names) =>
        ComplaintRuleSet.Validate(names.Select(n => RuleSetSource.FromFile(PathOf(n))).ToArray());

    public static ComplaintAssessment Analyze(string text, ComplaintRuleSet? rules = null) =>
        new ComplaintAnalyzer(rules ?? Basic).Analyze(new Complaint { Id = "t", Text = text });

    public static ComplaintAssessment Analyze(Complaint complaint, ComplaintRuleSet? rules = null) =>
        new ComplaintAnalyzer(rules ?? Basic).Analyze(complaint);
}
