using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Baselines;
using ComplaintRules.Benchmarks.Infrastructure;
using ComplaintRules.Evaluation;
using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// Rule evaluation alone, over facts extracted once, on the frozen snapshot of the default rule set (28 rules).
/// Conditions only: the hand-written conditions (baseline), the library's compiled delegates in a loop, and
/// RulesEngine per decision. Then decisions with the assessment: the library's <see cref="RuleEvaluator"/>, and the
/// assessment built alone from rule firings decided beforehand (result building alone).
/// </summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private ComplaintRuleSet _snapshot = null!;
    private CompiledRule[] _rules = [];
    private HandWrittenTriage _handWritten = null!;
    private NaiveRulesEngineTriage _rulesEngine = null!;
    private RecordedTriage _recorded = null!;
    private Complaint _complaint = null!;
    private SignalHitList _hits = null!;
    private ComplaintFacts _facts = null!;
    private readonly List<AssessmentWarning> _warnings = [];

    [Params("zh-typical", "en-typical")]
    public string Sample { get; set; } = "en-typical";

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = ComplaintRuleSet.Load(RuleSets.Snapshot);
        _rules = [.. _snapshot.AllRules];
        _handWritten = new HandWrittenTriage(_snapshot);
        _rulesEngine = new NaiveRulesEngineTriage(_snapshot);
        _complaint = Samples.ComplaintOf(Sample);
        var text = _complaint.Text;
        _hits = new SignalHitList(64, (4 * text.Length) + 1024);
        _facts = _snapshot.Extractor.Extract(_complaint, text, FeatureExtractor.DetectLanguage(text), _hits);

        // One full evaluation sets the outcomes that later decisions read.
        RuleEvaluator.Evaluate(_snapshot, _complaint, _facts, _hits, text, _warnings);
        _recorded = new RecordedTriage(_snapshot, _handWritten, _facts);

        var compiled = CompiledDelegates();
        if (compiled != HandWrittenConditions() || compiled != NaiveRulesEngineConditions())
        {
            throw new InvalidOperationException(
                $"The baselines disagree: {compiled} rules fire compiled, {HandWrittenConditions()} hand-written, {NaiveRulesEngineConditions()} through RulesEngine.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _hits.Dispose();

    /// <summary>The conditions hand-written in C#.</summary>
    [Benchmark(Baseline = true)]
    public int HandWrittenConditions() => _handWritten.CountFiring(_facts);

    /// <summary>Every compiled condition of the rule set, in order: the per-rule cost is this over the rule count.</summary>
    [Benchmark]
    public int CompiledDelegates()
    {
        var fired = 0;
        foreach (var rule in _rules)
        {
            fired += rule.Condition(_facts) ? 1 : 0;
        }

        return fired;
    }

    /// <summary>The same conditions through <c>RulesEngine.ExecuteAllRulesAsync</c>, one call per decision.</summary>
    [Benchmark]
    public int NaiveRulesEngineConditions() => _rulesEngine.CountFiring(_facts);

    /// <summary>The library's evaluator: every decision with its hit policy, evidence and the assessment.</summary>
    [Benchmark]
    public ComplaintAssessment EvaluateAndBuild() =>
        RuleEvaluator.Evaluate(_snapshot, _complaint, _facts, _hits, _complaint.Text, _warnings).ToAssessment(_complaint.Id, _warnings, []);

    /// <summary>The assessment built from firings decided beforehand: result building alone.</summary>
    [Benchmark]
    public ComplaintAssessment BuildOnly() => _recorded.Evaluate(_complaint, _facts, _hits, _complaint.Text, _warnings);

    /// <summary>Replays firings recorded once, so that only the assessment is built.</summary>
    private sealed class RecordedTriage : TriagePipeline
    {
        private readonly bool[][] _fired;

        public RecordedTriage(ComplaintRuleSet ruleSet, HandWrittenTriage decider, ComplaintFacts facts)
            : base(ruleSet)
        {
            _fired = new bool[6][];
            for (var d = Decision.Causes; d <= Decision.Remedies; d++)
            {
                _fired[(int)d] = new bool[ruleSet.AllRules.Count(r => r.Decision == d)];
                decider.DecideFor(d, facts, _fired[(int)d]);
            }
        }

        protected override void Decide(Decision decision, ComplaintFacts facts, Span<bool> fired) => _fired[(int)decision].CopyTo(fired);
    }
}
