using ComplaintRules.Features;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Properties;

/// <summary>The passes over the phrase hits keep exactly the hits their definitions keep, compared pair by pair.</summary>
public sealed class HitPassProperties
{
    private const int Signals = 5;

    /// <summary>
    /// Hits of a few signals on a short text, in order of end as the matcher gives them; pattern hits after them in any
    /// order; and which signals hide.
    /// </summary>
    public sealed record Hits((int Signal, int Start, int Length)[] Items, (int Signal, int Start, int Length)[] Patterns, bool[] Hides)
    {
        public override string ToString() =>
            $"hits [{string.Join(", ", Items)}] patterns [{string.Join(", ", Patterns)}] hiding [{string.Join(", ", Hides.Select((h, i) => h ? i : -1).Where(i => i >= 0))}]";
    }

    public static class Generators
    {
        public static Arbitrary<Hits> Hits() =>
            (from items in Hit().ListOf()
             from patterns in Hit().ListOf()
             from patternCount in Gen.Choose(0, 3)
             from hides in ArbMap.Default.GeneratorFor<bool>().ArrayOf(Signals)
             select new Hits([.. items.OrderBy(h => h.Start + h.Length)], [.. patterns.Take(patternCount)], hides)).ToArbitrary();

        // Up to 40 hits on 30 characters: often more than the few hiding hits compared directly.
        private static Gen<(int Signal, int Start, int Length)> Hit() =>
            from signal in Gen.Choose(0, Signals - 1)
            from start in Gen.Choose(0, 29)
            from length in Gen.Choose(1, Math.Min(6, 30 - start))
            select (signal, start, length);
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public void Hiding_keeps_what_no_longer_hiding_hit_covers(Hits hits)
    {
        (int Signal, int Start, int Length)[] all = [.. hits.Items, .. hits.Patterns];
        var phrases = hits.Items.Length;
        var expected = all.Where((h, i) => hits.Hides[h.Signal] || !all.Any(o => hits.Hides[o.Signal] && Hides(o, h, fromPattern: i >= phrases))).ToArray();

        Assert.Equal(expected, Run(all, list => FeatureExtractor.HideCoveredHits(hits.Hides, 30, list, 1, phrases), phrases));
        Assert.Equal(expected, Run(all, list => FeatureExtractor.HideCoveredHits(hits.Hides, 30, list, 1, 0), phrases));
        Assert.Equal(expected, Run(all, list => FeatureExtractor.HideCoveredHitsLinear(hits.Hides, 30, list, 1), phrases));
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 500)]
    public void Nested_hits_of_one_lexicon_leave_the_one_that_ends_last(Hits hits)
    {
        var items = hits.Items;
        var expected = Enumerable.Range(0, items.Length)
            .Where(i => !Enumerable.Range(0, items.Length).Any(j => j != i && Outlasts(items[j], j, items[i], i)))
            .Select(i => items[i])
            .ToArray();

        Assert.Equal(expected, Run(items, list => FeatureExtractor.DropNestedPhraseHits(Signals, list, 1)));
    }

    /// <summary>
    /// A text of 120 characters (mostly Latin letters, some spaces, Han characters and commas), phrase hits in order of
    /// end as the matcher gives them (of the text or of a demand), pattern hits after them, the free cues' ends and
    /// every cue's span (some inside hits).
    /// </summary>
    public sealed record Negation(string Text, (int Signal, int Start, int Length, bool Demand)[] Items,
        (int Signal, int Start, int Length, bool Demand)[] Patterns, int[] CueEnds, (int Start, int End)[] Cues)
    {
        public override string ToString() =>
            $"text \"{Text}\" hits [{string.Join(", ", Items)}] patterns [{string.Join(", ", Patterns)}] cue ends [{string.Join(", ", CueEnds)}] cues [{string.Join(", ", Cues)}]";
    }

    public static class NegationGenerators
    {
        public static Arbitrary<Negation> Negation() =>
            (from text in Gen.Elements('a', 'a', 'a', 'a', 'a', 'a', ' ', ' ', '汉', ',').ArrayOf(NegationText)
             from items in Hit().ListOf()
             from patterns in Hit().ListOf()
             from patternCount in Gen.Choose(0, 3)
             from cues in Gen.Choose(0, NegationText).ListOf()
             from firstCue in Gen.Choose(0, NegationText)
             from inner in Hit().ListOf()
             select new Negation(new string(text), [.. items.OrderBy(h => h.Start + h.Length)], [.. patterns.Take(patternCount)],
                 [.. cues.Take(4).Append(firstCue).Distinct().Order()],
                 [.. inner.Take(4).Select(c => (c.Start, c.Start + Math.Min(c.Length, 3)))])).ToArbitrary();

        private static Gen<(int Signal, int Start, int Length, bool Demand)> Hit() =>
            from signal in Gen.Choose(0, Signals - 1)
            from start in Gen.Choose(0, NegationText - 1)
            from length in Gen.Choose(1, Math.Min(MaxPhrase, NegationText - start))
            from demand in ArbMap.Default.GeneratorFor<bool>()
            select (signal, start, length, demand);
    }

    private const int NegationText = 120;
    private const int MaxPhrase = 6;

    [Property(Arbitrary = new[] { typeof(NegationGenerators) }, MaxTest = 500)]
    public void Negation_reads_only_the_hits_a_cue_can_reach_and_negates_what_the_rule_for_each_hit_does(Negation case_)
    {
        const int cue = 0;
        bool[] negatable = [false, true, true, false, true];
        var phrases = case_.Items.Length;
        FeatureExtractor.CueSpan[] cues = [.. case_.Cues.Select(c => new FeatureExtractor.CueSpan(c.Start, c.End))];
        SignalHitList Fill()
        {
            var list = new SignalHitList(4, 1000);
            list.Add(new SignalHit(1, 0, 1, HitKind.Affirmed)); // before the hits the pass works on: left alone
            foreach (var (signal, start, length, demand) in case_.Items.Concat(case_.Patterns))
            {
                list.Add(new SignalHit(signal, start, length, demand ? HitKind.Demand : HitKind.Affirmed));
            }

            return list;
        }

        using var expected = Fill();
        var expectedDemand = false;
        for (var i = 1; i < expected.Count; i++)
        {
            expectedDemand |= FeatureExtractor.NegateHit(case_.Text, ref expected[i], cue, negatable, case_.CueEnds, cues);
        }

        using var actual = Fill();
        var actualDemand = FeatureExtractor.Negate(case_.Text, actual, 1, 1 + phrases, cue, negatable, MaxPhrase, case_.CueEnds, cues);

        Assert.Equal(expected.Items.ToArray(), actual.Items.ToArray());
        Assert.Equal(expectedDemand, actualDemand);
    }

    // A hiding hit hides a hit inside its span, unless the spans are the same; a pattern's hit also then.
    private static bool Hides((int Signal, int Start, int Length) hiding, (int Signal, int Start, int Length) hit, bool fromPattern)
    {
        var (end, hitEnd) = (hiding.Start + hiding.Length, hit.Start + hit.Length);
        return (hiding.Start < hit.Start && end >= hitEnd) || (hiding.Start == hit.Start && (end > hitEnd || fromPattern && end == hitEnd));
    }

    // Another hit of the lexicon overlaps it and ends later, or ends with it and is longer (or as long and earlier).
    private static bool Outlasts((int Signal, int Start, int Length) other, int j, (int Signal, int Start, int Length) hit, int i)
    {
        var (end, hitEnd) = (other.Start + other.Length, hit.Start + hit.Length);
        return other.Signal == hit.Signal
            && ((end > hitEnd && other.Start < hitEnd) || (end == hitEnd && (other.Start < hit.Start || (other.Start == hit.Start && j < i))));
    }

    // The pass over a list holding one hit before the ones it works on (left alone), as the demand text's pass sees them.
    // The hits from patternsFrom on are a pattern's (FromPattern).
    private static (int Signal, int Start, int Length)[] Run((int Signal, int Start, int Length)[] hits, Action<SignalHitList> pass, int patternsFrom = int.MaxValue)
    {
        using var list = new SignalHitList(4, 1000);
        list.Add(new SignalHit(0, 0, 30, HitKind.Affirmed));
        for (var i = 0; i < hits.Length; i++)
        {
            var (signal, start, length) = hits[i];
            list.Add(new SignalHit(signal, start, length, HitKind.Affirmed, FromPattern: i >= patternsFrom));
        }

        pass(list);
        Assert.Equal(new SignalHit(0, 0, 30, HitKind.Affirmed), list[0]);
        return [.. list.Items[1..].ToArray().Select(h => (h.Signal, h.Start, h.Length))];
    }
}
