using ComplaintRules.Evaluation;
using ComplaintRules.Features;
using ComplaintRules.Rules;
using ComplaintRules.Tests.Properties;
using FsCheck.Xunit;
using RulesEngine.Models;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>
/// The library compiles conditions itself for speed; RulesEngine must agree. The same expressions, run through
/// <c>RulesEngine.ExecuteAllRulesAsync</c> with the library's settings, must fire exactly the rules the library's trace shows.
/// </summary>
public class RulesEngineEquivalenceTests
{
    private static readonly ComplaintRuleSet s_rules = TestRuleFiles.Basic;
    private static readonly RulesEngine.RulesEngine s_engine = new(Workflows(s_rules), RuleExpressionCompiler.CreateSettings());

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public void RulesEngine_fires_the_same_rules_as_the_compiled_conditions(GeneratedComplaint generated)
    {
        var complaint = generated.Value;
        var library = new ComplaintAnalyzer(s_rules).Analyze(complaint);
        var decided = Evaluate(complaint); // the library's facts after every decision, to take each decision's outcome from
        var facts = Extract(complaint);

        foreach (var decision in Enum.GetValues<Decision>())
        {
            SetOutcomesBefore(decision, from: decided, to: facts);
            var expected = library.Trace.Where(f => f.Decision == decision.Name()).Select(f => f.RuleId).ToList();

            var results = RunWorkflow(decision, facts);

            Assert.All(results, r => Assert.True(string.IsNullOrEmpty(r.ExceptionMessage), $"{r.Rule.RuleName}: {r.ExceptionMessage}"));
            Assert.Equal(expected, results.Where(r => r.IsSuccess).Select(r => r.Rule.RuleName).ToList());
        }
    }

    [Fact]
    public void Every_decision_of_the_test_rule_set_has_rules_so_the_property_checks_them_all() =>
        Assert.Equal(Enum.GetValues<Decision>(), s_rules.AllRules.Select(r => r.Decision).Distinct().Order());

    private static Workflow[] Workflows(ComplaintRuleSet rules) =>
        rules.AllRules
            .GroupBy(r => r.Decision)
            .Select(g => new Workflow
            {
                WorkflowName = g.Key.Name(),
                Rules = g.Select(r => new Rule { RuleName = r.Id, Expression = r.When, RuleExpressionType = RuleExpressionType.LambdaExpression }).ToList(),
            })
            .ToArray();

    // The conditions name members bare (Count("x")): an unnamed parameter is Dynamic LINQ's implicit "it".
    private static List<RuleResultTree> RunWorkflow(Decision decision, ComplaintFacts facts) =>
        s_rules.AllRules.Any(r => r.Decision == decision)
            ? s_engine.ExecuteAllRulesAsync(decision.Name(), new RuleParameter("", facts)).AsTask().GetAwaiter().GetResult()
            : [];

    private static ComplaintFacts Extract(Complaint complaint)
    {
        using var hits = new SignalHitList(64, (4 * complaint.Text.Length) + 1024);
        return s_rules.Extractor.Extract(complaint, complaint.Text, FeatureExtractor.DetectLanguage(complaint.Text), hits);
    }

    private static ComplaintFacts Evaluate(Complaint complaint)
    {
        using var hits = new SignalHitList(64, (4 * complaint.Text.Length) + 1024);
        var facts = s_rules.Extractor.Extract(complaint, complaint.Text, FeatureExtractor.DetectLanguage(complaint.Text), hits);
        RuleEvaluator.Evaluate(s_rules, complaint, facts, hits, complaint.Text, []);
        return facts;
    }

    private static void SetOutcomesBefore(Decision decision, ComplaintFacts from, ComplaintFacts to)
    {
        if (decision > Decision.Causes)
        {
            to.CauseThreshold = from.CauseThreshold;
            from.CauseScores.CopyTo(to.CauseScores, 0);
            to.PrimaryCause = from.PrimaryCause;
        }

        if (decision > Decision.Intensity)
        {
            to.Intensity = from.Intensity;
        }

        if (decision > Decision.Conflicts)
        {
            from.ConflictScores.CopyTo(to.ConflictScores, 0);
            to.Conflict = from.Conflict;
            to.ConflictSubtype = from.ConflictSubtype;
        }

        if (decision > Decision.Severity)
        {
            to.Severity = from.Severity;
            to.SeverityLevel = from.SeverityLevel;
        }
    }
}
