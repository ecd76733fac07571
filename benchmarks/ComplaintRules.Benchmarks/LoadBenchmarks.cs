using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;
using ComplaintRules.Rules;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// Loading, validating and compiling a rule set in a warm process (every rule compiled; the phrase automaton built, or
/// for the default alone read from its prebuilt snapshot), and loading documents identical to a rule set still in use
/// (the compiled parts are reused).
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private static readonly RuleSetSource s_ownFile =
        RuleSetSource.FromJson("""{"lexicons": {"anger": {"en": ["beyond frustrating"], "zh": ["太气人了"]}}}""", "own.rules.json");

    private ComplaintRuleSet _inUse = null!;

    [GlobalSetup]
    public void Setup() => _inUse = ComplaintRuleSet.Load(RuleSetSource.Default);

    /// <summary>The whole work: the process has not loaded these documents before.</summary>
    [Benchmark(Baseline = true)]
    public ComplaintRuleSet LoadDefault()
    {
        LoadedRuleSets.Clear();
        return ComplaintRuleSet.Load(RuleSetSource.Default);
    }

    /// <summary>The default again while an earlier load of it is alive (ComplaintRuleSet.Default, a host's current set).</summary>
    [Benchmark]
    public ComplaintRuleSet LoadDefaultAgain()
    {
        GC.KeepAlive(_inUse);
        return ComplaintRuleSet.Load(RuleSetSource.Default);
    }

    /// <summary>The default with a small file of one's own over it: the automaton is built, as for any rule file.</summary>
    [Benchmark]
    public ComplaintRuleSet LoadDefaultWithFile()
    {
        LoadedRuleSets.Clear();
        return ComplaintRuleSet.Load(RuleSetSource.Default, s_ownFile);
    }

    [Benchmark]
    public ComplaintRuleSet LoadSnapshot()
    {
        LoadedRuleSets.Clear();
        return ComplaintRuleSet.Load(RuleSets.Snapshot);
    }
}
