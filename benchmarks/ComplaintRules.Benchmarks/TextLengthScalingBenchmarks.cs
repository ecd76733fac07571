using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;

namespace ComplaintRules.Benchmarks;

/// <summary>End to end with the default rule set as the text grows from 100 to 100,000 characters: the time per character must stay flat.</summary>
[MemoryDiagnoser]
public class TextLengthScalingBenchmarks
{
    private ComplaintAnalyzer _analyzer = null!;
    private Complaint _complaint = null!;

    [Params(100, 1_000, 10_000, 100_000)]
    public int Length { get; set; } = 1_000;

    [Params("zh", "en")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Default);
        _complaint = Samples.Complaint(Samples.Text(Language, Length, exact: true));
    }

    [Benchmark(Baseline = true)]
    public ComplaintAssessment Analyze() => _analyzer.Analyze(_complaint);
}
