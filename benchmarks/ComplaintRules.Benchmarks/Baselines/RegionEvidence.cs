using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Benchmarks.Baselines;

/// <summary>The occurrences of one signal, grouped by the baseline's index.</summary>
internal delegate ReadOnlySpan<SignalHit> HitsOf(int signal);

/// <summary>
/// The evidence of one finding, hand-written as the library defines it: the spans of the signals its fired rules read,
/// merged where they overlap (named after the longest part), at most a fixed number of regions, in text order, a
/// repeated phrase sharing one string.
/// </summary>
internal static class RegionEvidence
{
    private const int Max = ComplaintRules.Evaluation.RuleEvaluator.MaxEvidencePerFinding;

    public static List<Evidence> Collect<TRule>(TRule[] rules, ReadOnlySpan<bool> fired, Func<TRule, bool> belongs, HitsOf hitsOf,
        string text, string demand, string[] signalNames)
        where TRule : CompiledRule
    {
        Span<Region> regions = stackalloc Region[Max];
        var count = 0;
        int low = int.MaxValue, high = int.MinValue;
        Span<int> seen = stackalloc int[16];
        var seenCount = 0;
        for (var r = 0; r < rules.Length; r++)
        {
            if (!fired[r] || !belongs(rules[r]))
            {
                continue;
            }

            foreach (var signal in rules[r].SignalsRead)
            {
                if (seen[..seenCount].Contains(signal))
                {
                    continue;
                }

                if (seenCount < seen.Length)
                {
                    seen[seenCount++] = signal;
                }

                foreach (ref readonly var hit in hitsOf(signal))
                {
                    var end = hit.Start + hit.Length;
                    if (hit.Kind == HitKind.Negated || (count == Max && (hit.Start >= high || end <= low)))
                    {
                        continue;
                    }

                    count = Add(regions, count, new Region(hit.Start, end, hit.Kind == HitKind.Demand, signal, r, hit.Length));
                    low = Math.Min(low, hit.Start);
                    high = Math.Max(high, end);
                }
            }
        }

        var list = new List<Evidence>(count);
        regions = regions[..count];
        regions.Sort(static (a, b) => a.InDemand != b.InDemand ? a.InDemand.CompareTo(b.InDemand) : a.Start.CompareTo(b.Start));
        foreach (var region in regions)
        {
            var span = (region.InDemand ? demand : text).AsSpan(region.Start, region.End - region.Start);
            string? shared = null;
            foreach (var e in list)
            {
                if (span.SequenceEqual(e.Text))
                {
                    shared = e.Text;
                    break;
                }
            }

            list.Add(new Evidence(shared ?? span.ToString(), region.Start, region.End - region.Start, rules[region.Rule].Id,
                signalNames[region.Signal], region.InDemand ? "customerDemand" : "text"));
        }

        return list;
    }

    private static int Add(Span<Region> regions, int count, in Region hit)
    {
        var first = 0;
        while (first < count && !Overlaps(regions[first], hit))
        {
            first++;
        }

        if (first < count && regions[first].Start <= hit.Start && hit.End <= regions[first].End && regions[first].PartLength >= hit.PartLength)
        {
            return count;
        }

        if (first == count)
        {
            if (count == regions.Length)
            {
                return count;
            }

            regions[count] = hit;
            return count + 1;
        }

        var merged = hit;
        var kept = first;
        for (var i = first; i < count; i++)
        {
            var region = regions[i];
            if (!Overlaps(region, hit))
            {
                regions[kept++] = region;
                continue;
            }

            var longest = region.PartLength >= merged.PartLength ? region : merged;
            merged = longest with { Start = Math.Min(region.Start, merged.Start), End = Math.Max(region.End, merged.End) };
        }

        regions[kept] = merged;
        return kept + 1;
    }

    private static bool Overlaps(in Region region, in Region hit) =>
        region.Start < hit.End && hit.Start < region.End && region.InDemand == hit.InDemand;

    private readonly record struct Region(int Start, int End, bool InDemand, int Signal, int Rule, int PartLength);
}
