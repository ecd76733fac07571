using ComplaintRules.Features;
using ComplaintRules.Rules;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Features;

/// <summary>
/// The default rule set's phrase automaton ships as a snapshot written ahead of time: it must be the one this library
/// builds from the default's phrases now, and the default must load it.
/// </summary>
public sealed class PhraseMatcherSnapshotTests
{
    private const string SnapshotFile = "src/ComplaintRules/DefaultRules/default.automaton";

    // Set to 1 to write the snapshot afresh after changing the default's lexicons (or the automaton's build).
    private const string UpdateVariable = "COMPLAINTRULES_UPDATE_AUTOMATON";

    [Fact]
    public void The_default_automaton_snapshot_is_current()
    {
        var expected = RuleSetLoader.WriteDefaultAutomaton();
        var path = RepositoryFiles.PathOf(SnapshotFile);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllBytes(path, expected); // the library embeds it from its next build on
            return;
        }

        Assert.True(File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(expected),
            $"{SnapshotFile} is not what the default's lexicons make now: run this test with {UpdateVariable}=1 and commit the file.");
        Assert.True(EmbeddedSnapshot().AsSpan().SequenceEqual(expected), "The library embeds another snapshot than the file: rebuild it.");
    }

    [Fact]
    public void The_default_reads_its_automaton_from_the_snapshot_and_gets_the_built_one()
    {
        var loaded = ComplaintRuleSet.Load(RuleSetSource.Default).Extractor.Matcher;
        var built = RuleSetLoader.LoadDefaultEagerly().RuleSet!.Extractor.Matcher;

        Assert.True(loaded.FromSnapshot);
        Assert.False(built.FromSnapshot);
        Assert.True(loaded.SameAs(built));
    }

    [Fact]
    public void Default_layered_with_another_file_builds_its_automaton()
    {
        var extra = RuleSetSource.FromJson("{\"lexicons\": {\"anger\": {\"en\": [\"snapshot test phrase\"]}}}", "extra.json");

        var matcher = ComplaintRuleSet.Load(RuleSetSource.Default, extra).Extractor.Matcher;

        Assert.False(matcher.FromSnapshot);
    }

    [Fact]
    public void A_snapshot_of_other_phrases_is_not_used()
    {
        (string, int)[] phrases = [("refund*", 0), ("退款", 1), ("not working", 2)];
        var snapshot = FeatureExtractor.WriteAutomaton(phrases);

        Assert.True(new FeatureExtractor(Signals, phrases, automaton: snapshot).Matcher.FromSnapshot);
        foreach (var other in (IEnumerable<(string, int)>[])[
            [("refund", 0), ("退款", 1), ("not working", 2)], [("refund*", 0), ("退款", 2), ("not working", 2)],
            [("退款", 1), ("refund*", 0), ("not working", 2)], phrases[..2], [.. phrases, ("退款", 1)]])
        {
            Assert.False(new FeatureExtractor(Signals, other, automaton: snapshot).Matcher.FromSnapshot);
        }

        Assert.Null(PhraseMatcher.ReadSnapshot(snapshot.AsSpan(0, 8), PhraseMatcher.Fingerprint(phrases)));
    }

    [Fact]
    public void The_fingerprint_tells_phrases_lexicons_and_order_apart()
    {
        (string, int)[][] inputs = [[], [("a", 0)], [("a", 1)], [("b", 0)], [("a", 0), ("b", 0)], [("b", 0), ("a", 0)], [("ab", 0)],
            [("abcd", 0)], [("abcde", 0)], [("abcd", 0), ("e", 0)], [("退款", 0)], [("退", 0), ("款", 0)]];

        Assert.Equal(inputs.Length, inputs.Select(p => PhraseMatcher.Fingerprint(p)).Distinct().Count());
    }

    private static SignalTable Signals => ComplaintRuleSet.Default.Extractor.Signals;

    private static byte[] EmbeddedSnapshot()
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream(RuleSetLoader.DefaultAutomatonResource);
        Assert.NotNull(stream);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
