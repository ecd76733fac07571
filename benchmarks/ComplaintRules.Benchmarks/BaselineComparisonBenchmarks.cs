using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Baselines;
using ComplaintRules.Benchmarks.Infrastructure;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// End to end on the frozen snapshot of the default rule set: the library against the same rules hand-written in C#
/// (the baseline, the practical lower bound) and against the same rules run through RulesEngine per decision. All
/// three extract features with the library and return the same assessment (checked in setup).
/// </summary>
[MemoryDiagnoser]
public class BaselineComparisonBenchmarks
{
    private ComplaintAnalyzer _library = null!;
    private HandWrittenTriage _handWritten = null!;
    private NaiveRulesEngineTriage _rulesEngine = null!;
    private Complaint _complaint = null!;

    [Params("zh-typical", "en-typical")]
    public string Sample { get; set; } = "en-typical";

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = ComplaintRuleSet.Load(RuleSets.Snapshot);
        _library = new ComplaintAnalyzer(snapshot);
        _handWritten = new HandWrittenTriage(snapshot);
        _rulesEngine = new NaiveRulesEngineTriage(snapshot);
        BaselineCheck.SameAsLibrary(_handWritten, _library, "hand-written");
        BaselineCheck.SameAsLibrary(_rulesEngine, _library, "RulesEngine");
        _complaint = Samples.ComplaintOf(Sample);
    }

    [Benchmark(Baseline = true)]
    public ComplaintAssessment HandWritten() => _handWritten.Analyze(_complaint);

    [Benchmark]
    public ComplaintAssessment ComplaintRules() => _library.Analyze(_complaint);

    [Benchmark]
    public ComplaintAssessment NaiveRulesEngine() => _rulesEngine.Analyze(_complaint);
}
