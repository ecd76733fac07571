using System.Runtime.InteropServices;
using ComplaintRules.Rules;

namespace ComplaintRules.Evaluation;

// Remedies: per remedy, the rule with the highest priority; ranked by priority, then rule order.
internal static partial class RuleEvaluator
{
    private static IReadOnlyList<RemedyRecommendation>? DecideRemedies(Run run, bool defer)
    {
        var remedies = run.Scratch.Remedies;
        var slots = run.Rules.RemedySlots;
        if (run.Scratch.RemedyAt.Length < slots.Count)
        {
            run.Scratch.RemedyAt = new int[slots.Count];
        }

        var at = run.Scratch.RemedyAt.AsSpan(0, slots.Count);
        at.Fill(-1);
        foreach (var (rule, i, _) in run.Firing(run.Rules.Remedies))
        {
            // The remedy's place by its number: no comparison of remedy names with every remedy so far.
            ref var existing = ref at[slots.OfRule[i]];
            var recommendation = rule.RecommendationFor(run.Facts.Language);
            if (existing < 0)
            {
                existing = remedies.Count;
                remedies.Add(recommendation);
                run.Scratch.RemedyNumbers.Add(slots.OfRule[i]);
            }
            else if (rule.Priority > remedies[existing].Priority)
            {
                remedies[existing] = recommendation;
            }
        }

        if (defer)
        {
            RankInScratch(run.Scratch);
            return null;
        }

        return RankedByPriority(CollectionsMarshal.AsSpan(remedies));
    }

    // As RankedByPriority, into the scratch's pending arrays, with each remedy's number (for the authority step).
    private static void RankInScratch(Scratch scratch)
    {
        var remedies = CollectionsMarshal.AsSpan(scratch.Remedies);
        var numbers = CollectionsMarshal.AsSpan(scratch.RemedyNumbers);
        if (scratch.Ranked.Length < remedies.Length)
        {
            (scratch.Ranked, scratch.RankedNumbers) = (new RemedyRecommendation[remedies.Length], new int[remedies.Length]);
        }

        Span<ulong> order = remedies.Length <= 64 ? stackalloc ulong[remedies.Length] : new ulong[remedies.Length];
        OrderByPriority(remedies, order);
        for (var i = 0; i < remedies.Length; i++)
        {
            var at = (int)(uint)order[i];
            (scratch.Ranked[i], scratch.RankedNumbers[i]) = (remedies[at], numbers[at]);
        }

        scratch.RankedCount = remedies.Length;
    }

    // Highest priority first, ties in the order found: the keys sort, stable by their index (the low 32 bits).
    private static void OrderByPriority(ReadOnlySpan<RemedyRecommendation> remedies, Span<ulong> order)
    {
        for (var i = 0; i < remedies.Length; i++)
        {
            order[i] = ((ulong)((long)int.MaxValue - remedies[i].Priority) << 32) | (uint)i;
        }

        InsertionSort(order);
    }

    // Highest priority first, ties in the order found: the keys sort (stable by their index), and each
    // recommendation is written once, into the exact array.
    private static IReadOnlyList<RemedyRecommendation> RankedByPriority(ReadOnlySpan<RemedyRecommendation> remedies)
    {
        if (remedies.IsEmpty)
        {
            return System.Collections.ObjectModel.ReadOnlyCollection<RemedyRecommendation>.Empty;
        }

        Span<ulong> order = remedies.Length <= 64 ? stackalloc ulong[remedies.Length] : new ulong[remedies.Length];
        OrderByPriority(remedies, order);
        var ranked = new RemedyRecommendation[remedies.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = remedies[(int)(uint)order[i]];
        }

        return ReadOnlyLists.Of(ranked);
    }
}

/// <summary>The remedies of a rule set numbered 0, 1, …: per remedy rule, the number of its remedy.</summary>
internal sealed class RemedySlots
{
    public RemedySlots(RemedyRule[] rules)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        OfRule = new int[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            if (!numbers.TryGetValue(rules[i].Remedy, out var number))
            {
                numbers[rules[i].Remedy] = number = numbers.Count;
            }

            OfRule[i] = number;
        }

        Count = numbers.Count;
        Names = new string[Count];
        foreach (var (name, number) in numbers)
        {
            Names[number] = name;
        }
    }

    /// <summary>Per number, its remedy.</summary>
    public string[] Names { get; }

    /// <summary>Per rule of <see cref="ComplaintRuleSet.Remedies"/>, the number of its remedy.</summary>
    public int[] OfRule { get; }

    /// <summary>How many distinct remedies the rules recommend.</summary>
    public int Count { get; }
}
