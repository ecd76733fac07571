namespace ComplaintRules.Tests.Rules;

// The cache of loaded rule sets is process-wide and holds eight entries: tests loading other rule sets in parallel
// could evict an entry between two loads here, so these run alone.
/// <summary>Loading the same documents while an earlier load is alive reuses it: the same rule set, a load of its own.</summary>
[Collection(nameof(LoadedRuleSetsTests))]
public class LoadedRuleSetsTests
{
    [Fact]
    public void A_reload_of_the_same_documents_carries_everything_the_load_computed_and_a_fresh_load_time_and_fault_log()
    {
        var first = ComplaintRuleSet.Load(RuleSetSource.Default);
        var again = ComplaintRuleSet.Load(RuleSetSource.Default);

        Assert.NotSame(first, again);
        Assert.Same(first.Extractor, again.Extractor);
        Assert.Same(first.Authority, again.Authority);
        Assert.Same(first.AlertRules, again.AlertRules);
        Assert.Same(first.Regimes, again.Regimes);
        Assert.Same(first.Warnings, again.Warnings);
        Assert.Equal(first.Hash, again.Hash);
        Assert.Equal(first.RuleIds, again.RuleIds);
        Assert.NotSame(first.Faults, again.Faults);
        Assert.True(again.LoadedAt >= first.LoadedAt);
        var complaint = new Complaint { Id = "1", Text = "You charged me twice. I want a refund and compensation!!", Amount = 5000m };
        Assert.Equal(ComplaintJson.Serialize(new ComplaintAnalyzer(first).Analyze(complaint)), ComplaintJson.Serialize(new ComplaintAnalyzer(again).Analyze(complaint)));
        GC.KeepAlive(first);
    }

    [Fact]
    public void A_copy_keeps_the_cache_entry_alive_after_the_load_it_came_from_is_gone()
    {
        const string Json = """{"lexicons": {"x": {"en": ["refund"]}}, "rules": {"causes": [{"id": "c", "when": "Has(\"x\")", "cause": "rights_claim", "weight": 0.9}]}}""";
        var copy = LoadCopyOfAnOriginalNobodyHolds(Json);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var again = ComplaintRuleSet.Load(RuleSetSource.FromJson(Json, "kept-alive.rules.json"));

        Assert.Same(copy.Extractor, again.Extractor);
        GC.KeepAlive(copy);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ComplaintRuleSet LoadCopyOfAnOriginalNobodyHolds(string json)
    {
        _ = ComplaintRuleSet.Load(RuleSetSource.FromJson(json, "kept-alive.rules.json"));
        return ComplaintRuleSet.Load(RuleSetSource.FromJson(json, "kept-alive.rules.json"));
    }

    [Fact]
    public void A_reload_under_other_names_is_a_load_of_its_own()
    {
        const string Json = """{"lexicons": {"x": {"en": ["refund"]}}, "rules": {"causes": [{"id": "c", "when": "Has(\"x\")", "cause": "rights_claim", "weight": 0.9}]}}""";
        var first = ComplaintRuleSet.Load(RuleSetSource.FromJson(Json, "a.rules.json"));
        var other = ComplaintRuleSet.Load(RuleSetSource.FromJson(Json, "b.rules.json"));

        Assert.NotSame(first.Extractor, other.Extractor);
        Assert.Equal(["b.rules.json"], other.Sources);
        GC.KeepAlive(first);
    }

    [Fact]
    public void The_default_alone_works_out_its_hash_on_first_use_as_any_load_of_the_same_documents_does()
    {
        var ruleSet = ComplaintRuleSet.Load(RuleSetSource.Default);
        Assert.NotNull(ruleSet.DeferredHash);

        // The same bytes under the same names, read from streams: an ordinary load, hashed as it reads.
        RuleSetSource[] documents = [RuleSetSource.Default, .. RuleSetSource.DefaultCompanions];
        var copy = ComplaintRuleSet.Load([.. documents.Select(d => RuleSetSource.FromStream(new MemoryStream(d.Read()), d.Name))]);
        Assert.Null(copy.DeferredHash);
        Assert.NotSame(ruleSet.Extractor, copy.Extractor);
        Assert.Equal(copy.Hash, ruleSet.Hash);
        Assert.Matches("^[0-9a-f]{16}$", ruleSet.Hash);
        GC.KeepAlive(ruleSet);
    }
}

[CollectionDefinition(nameof(LoadedRuleSetsTests), DisableParallelization = true)]
public sealed class LoadedRuleSetsRunAlone;
