using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// End to end on a 5,000-character complaint as the lexicons grow from the snapshot's ~100 phrases to 10,000
/// (generated phrases added to the snapshot): the time per character must stay flat.
/// </summary>
[MemoryDiagnoser]
public class LexiconScalingBenchmarks
{
    private ComplaintAnalyzer _analyzer = null!;
    private Complaint _complaint = null!;

    /// <summary>Phrases in all lexicons; 100 means the snapshot as it is (its ~110 phrases).</summary>
    [Params(100, 1_000, 10_000)]
    public int Phrases { get; set; } = 1_000;

    [Params("zh", "en")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Load(RuleSets.WithPhrases(Phrases)));
        _complaint = Samples.Complaint(Samples.Text(Language, Samples.LongLength, exact: true));
    }

    [Benchmark(Baseline = true)]
    public ComplaintAssessment Analyze() => _analyzer.Analyze(_complaint);
}
