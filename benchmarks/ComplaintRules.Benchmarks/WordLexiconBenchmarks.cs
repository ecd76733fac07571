using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// A sentiment lexicon of ~3,000 single English words and proximity patterns added to the snapshot: loading stays
/// fast, and the cost per complaint stays flat (the automaton walks each character once, however many words).
/// </summary>
[MemoryDiagnoser]
public class WordLexiconBenchmarks
{
    private RuleSetSource _source = null!;
    private ComplaintAnalyzer _analyzer = null!;
    private Complaint _complaint = null!;

    /// <summary>Words in the sentiment lexicon; 0 is the snapshot without it.</summary>
    [Params(0, 3_000)]
    public int Words { get; set; } = 3_000;

    /// <summary>Whether the failed-action near patterns are added.</summary>
    [Params(false, true)]
    public bool NearPatterns { get; set; }

    [Params("en-typical", "zh-typical")]
    public string Sample { get; set; } = "en-typical";

    [GlobalSetup]
    public void Setup()
    {
        _source = RuleSets.WithWordLexicon(Words, NearPatterns);
        _analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Load(_source));
        _complaint = Samples.ComplaintOf(Sample);
    }

    [Benchmark(Baseline = true)]
    public ComplaintAssessment Analyze() => _analyzer.Analyze(_complaint);

    [Benchmark]
    public ComplaintRuleSet Load() => ComplaintRuleSet.Load(_source);
}
