using ComplaintRules.Evaluation;
using ComplaintRules.Features;
using FsCheck;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>
/// The candidates of a complaint are exactly the rules whose guard lets them run (no guard, or a guard slot above 0),
/// so stepping from one candidate to the next passes over the same rules as testing every guard in turn.
/// </summary>
public class RuleCandidatesTests
{
    [Property(MaxTest = 200)]
    public void The_candidates_are_the_rules_whose_guard_passes(int seed, PositiveInt present)
    {
        var rules = ComplaintRuleSet.Default;
        var counts = new int[rules.Extractor.Signals.Count * ComplaintFacts.CountsPerSignal];
        var random = new Random(seed);
        for (var i = 0; i < present.Get % 40; i++)
        {
            counts[random.Next(counts.Length)] = random.Next(1, 4);
        }

        var candidates = new ulong[rules.Candidates.Words];
        rules.Candidates.Find(counts, candidates);

        for (var position = 0; position < rules.EvaluationOrder.Length; position++)
        {
            var guard = rules.EvaluationOrder[position].Guard;
            var runs = guard is null || guard.Any(slot => counts[slot] != 0);
            Assert.Equal(runs, (candidates[position >> 6] & (1UL << position)) != 0);
        }
    }

    [Fact]
    public void Stepping_visits_each_candidate_in_order_and_stops_at_the_end()
    {
        ulong[] candidates = [0b1010UL, 0, 1UL << 3];
        var visited = new List<int>();
        var walk = new RuleCandidates.Walk(candidates, 0, 190);
        while (walk.Next(out var p))
        {
            visited.Add(p);
        }

        Assert.Equal([1, 3, 131], visited);
        Assert.False(new RuleCandidates.Walk(candidates, 2, 2).Next(out _));
        Assert.False(new RuleCandidates.Walk(candidates, 4, 100).Next(out _));
    }
}
