using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;

namespace ComplaintRules.Benchmarks;

/// <summary>End to end: <see cref="ComplaintAnalyzer.Analyze(Complaint)"/> with the default rule set, short to long, Chinese and English.</summary>
[MemoryDiagnoser]
public class AnalyzeBenchmarks
{
    private ComplaintAnalyzer _analyzer = null!;
    private Complaint _complaint = null!;

    /// <summary>Language and size: short ≈ 80, typical ≈ 350, long ≈ 5,000 characters.</summary>
    [ParamsSource(nameof(AllSamples))]
    public string Sample { get; set; } = "en-typical";

    public static IEnumerable<string> AllSamples => Samples.AllSizes;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Default);
        _complaint = Samples.ComplaintOf(Sample);
    }

    [Benchmark(Baseline = true)]
    public ComplaintAssessment Analyze() => _analyzer.Analyze(_complaint);
}
