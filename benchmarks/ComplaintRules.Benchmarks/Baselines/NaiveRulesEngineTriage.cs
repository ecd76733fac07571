using ComplaintRules.Features;
using ComplaintRules.Rules;
using RulesEngine.Models;

namespace ComplaintRules.Benchmarks.Baselines;

/// <summary>
/// The naive path: the same rule expressions run through <c>RulesEngine.ExecuteAllRulesAsync</c>, one workflow per
/// decision, each rule a lambda expression over the facts, with the library's RulesEngine settings. What a team gets
/// by handing the rule file to RulesEngine as it is.
/// </summary>
/// <remarks>
/// The facts are passed as a <see cref="RuleParameter"/> named <c>""</c>: Dynamic LINQ then treats the parameter as
/// the implicit <c>it</c>, so members are named bare (<c>Count("fees") &gt; 0</c>), as in the rule files.
/// </remarks>
internal sealed class NaiveRulesEngineTriage : TriagePipeline
{
    private static readonly string[] s_workflows = ["causes", "intensity", "conflicts", "severity", "steps", "remedies"];

    private readonly global::RulesEngine.RulesEngine _engine;
    private readonly int[] _rulesPerDecision;

    public NaiveRulesEngineTriage(ComplaintRuleSet ruleSet)
        : base(ruleSet)
    {
        var workflows = new Workflow[s_workflows.Length];
        for (var d = 0; d < workflows.Length; d++)
        {
            workflows[d] = new Workflow
            {
                WorkflowName = s_workflows[d],
                Rules = ruleSet.AllRules.Where(r => (int)r.Decision == d).Select(r => new Rule
                {
                    RuleName = r.Id,
                    Expression = r.When,
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                }).ToList(),
            };
        }

        _rulesPerDecision = workflows.Select(w => w.Rules.Count()).ToArray();
        _engine = new global::RulesEngine.RulesEngine(workflows, RuleExpressionCompiler.CreateSettings());
    }

    protected override void Decide(Decision decision, ComplaintFacts facts, Span<bool> fired)
    {
        // Benchmarks measure one thread; RulesEngine's async path does no I/O and normally completes synchronously.
        var pending = _engine.ExecuteAllRulesAsync(s_workflows[(int)decision], new RuleParameter("", facts));
        var results = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        if (results.Count != fired.Length)
        {
            throw new InvalidOperationException($"RulesEngine returned {results.Count} results for {fired.Length} {s_workflows[(int)decision]} rules.");
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (!string.IsNullOrEmpty(results[i].ExceptionMessage))
            {
                throw new InvalidOperationException($"RulesEngine failed on rule '{results[i].Rule.RuleName}': {results[i].ExceptionMessage}");
            }

            fired[i] = results[i].IsSuccess;
        }
    }

    /// <summary>Only the rules, over facts whose earlier outcomes are already set.</summary>
    /// <returns>How many rules fire.</returns>
    public int CountFiring(ComplaintFacts facts)
    {
        Span<bool> fired = stackalloc bool[RuleSet.RuleCount];
        var count = 0;
        for (var d = Decision.Causes; d <= Decision.Remedies; d++)
        {
            var slice = fired[.._rulesPerDecision[(int)d]];
            Decide(d, facts, slice);
            foreach (var f in slice)
            {
                count += f ? 1 : 0;
            }
        }

        return count;
    }
}
