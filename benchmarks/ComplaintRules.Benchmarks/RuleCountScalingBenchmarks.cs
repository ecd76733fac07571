using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;
using ComplaintRules.Evaluation;
using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// 10 to 1,000 generated rules over the snapshot's lexicons, on a typical English complaint: the compiled conditions
/// alone (per rule: divide by the rule count), the evaluator with the assessment, end to end, and the load.
/// </summary>
[MemoryDiagnoser]
public class RuleCountScalingBenchmarks
{
    private RuleSetSource _source = null!;
    private ComplaintRuleSet _ruleSet = null!;
    private CompiledRule[] _rules = [];
    private ComplaintAnalyzer _analyzer = null!;
    private Complaint _complaint = null!;
    private SignalHitList _hits = null!;
    private ComplaintFacts _facts = null!;
    private readonly List<AssessmentWarning> _warnings = [];

    [Params(10, 100, 1_000)]
    public int Rules { get; set; } = 100;

    [GlobalSetup]
    public void Setup()
    {
        _source = RuleSets.WithRules(Rules);
        _ruleSet = ComplaintRuleSet.Load(_source);
        _rules = [.. _ruleSet.AllRules];
        _analyzer = new ComplaintAnalyzer(_ruleSet);
        _complaint = Samples.ComplaintOf("en-typical");
        var text = _complaint.Text;
        _hits = new SignalHitList(64, (4 * text.Length) + 1024);
        _facts = _ruleSet.Extractor.Extract(_complaint, text, "en", _hits);
        RuleEvaluator.Evaluate(_ruleSet, _complaint, _facts, _hits, text, _warnings);
    }

    [GlobalCleanup]
    public void Cleanup() => _hits.Dispose();

    [Benchmark(Baseline = true)]
    public int CompiledConditions()
    {
        var fired = 0;
        foreach (var rule in _rules)
        {
            fired += rule.Condition(_facts) ? 1 : 0;
        }

        return fired;
    }

    [Benchmark]
    public ComplaintAssessment EvaluateAndBuild() =>
        RuleEvaluator.Evaluate(_ruleSet, _complaint, _facts, _hits, _complaint.Text, _warnings).ToAssessment(_complaint.Id, _warnings, []);

    [Benchmark]
    public ComplaintAssessment Analyze() => _analyzer.Analyze(_complaint);

    [Benchmark]
    public ComplaintRuleSet Load() => ComplaintRuleSet.Load(_source);
}
