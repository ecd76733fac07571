using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;

namespace ComplaintRules.Benchmarks;

/// <summary>Loading, validating and compiling a rule set in a warm process (every rule compiled, the automaton built).</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    [Benchmark(Baseline = true)]
    public ComplaintRuleSet LoadDefault() => ComplaintRuleSet.Load(RuleSetSource.Default);

    [Benchmark]
    public ComplaintRuleSet LoadSnapshot() => ComplaintRuleSet.Load(RuleSets.Snapshot);
}
