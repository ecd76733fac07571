using System.Buffers;

namespace ComplaintRules.Features;

internal sealed partial class FeatureExtractor
{
    /// <summary>
    /// Drops the hits of other lexicons that lie inside a longer hit of a hiding lexicon ("no problem" hides
    /// "problem", "出差" hides "差"): the words of a fixed expression are not signals of their own. A hit with the same
    /// span as the hiding phrase (another lexicon listing the whole expression) stays.
    /// </summary>
    /// <remarks>
    /// Linear: per position, the farthest end of a hiding hit that starts there and of one that starts before it
    /// (a prefix maximum). Nothing is allocated unless a hiding lexicon matched.
    /// </remarks>
    private void HideCoveredHits(int textLength, SignalHitList hits, int first)
    {
        if (!_signals.AnyHides || !HasHidingHit(hits, first))
        {
            return;
        }

        var size = textLength + 1;
        var rented = ArrayPool<int>.Shared.Rent(2 * size);
        try
        {
            var at = rented.AsSpan(0, size);       // farthest end of a hiding hit starting at p
            var before = rented.AsSpan(size, size); // farthest end of a hiding hit starting before p
            at.Clear();
            for (var i = first; i < hits.Count; i++)
            {
                var hit = hits[i];
                if (_signals.Hides[hit.Signal])
                {
                    at[hit.Start] = Math.Max(at[hit.Start], hit.Start + hit.Length);
                }
            }

            before[0] = 0;
            for (var p = 1; p < size; p++)
            {
                before[p] = Math.Max(before[p - 1], at[p - 1]);
            }

            var kept = first;
            for (var i = first; i < hits.Count; i++)
            {
                var hit = hits[i];
                var end = hit.Start + hit.Length;
                var hidden = !_signals.Hides[hit.Signal] && (before[hit.Start] >= end || at[hit.Start] > end);
                if (!hidden)
                {
                    hits[kept++] = hit;
                }
            }

            hits.Truncate(kept);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private bool HasHidingHit(SignalHitList hits, int first)
    {
        for (var i = first; i < hits.Count; i++)
        {
            if (_signals.Hides[hits[i].Signal])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Counts one occurrence once where a lexicon lists overlapping phrases ("过分" in "太过分", "太过分" and "过分了" in
    /// "太过分了", "not owe" in "do not owe"): of the overlapping hits of one lexicon only the one that ends last stays.
    /// </summary>
    /// <remarks>
    /// The automaton reports hits in order of their end. Walking back from the last, every hit already seen ends at or
    /// after the current one, so the current one overlaps a hit of its lexicon when the smallest start seen for that
    /// lexicon lies before its end (hits with the same end are compared with each other directly, the longest kept).
    /// Linear in the hits; the per-lexicon starts are a pooled array.
    /// </remarks>
    private void DropNestedPhraseHits(SignalHitList hits, int first)
    {
        var count = hits.Count - first;
        if (count < 2)
        {
            return;
        }

        var minStart = ArrayPool<int>.Shared.Rent(_signals.Count);
        var dropped = ArrayPool<bool>.Shared.Rent(count);
        try
        {
            minStart.AsSpan(0, _signals.Count).Fill(int.MaxValue);
            dropped.AsSpan(0, count).Clear();
            var any = false;
            var i = hits.Count - 1;
            while (i >= first)
            {
                // The group of hits that end where hits[i] ends.
                var end = hits[i].Start + hits[i].Length;
                var groupFirst = i;
                while (groupFirst > first && hits[groupFirst - 1].Start + hits[groupFirst - 1].Length == end)
                {
                    groupFirst--;
                }

                for (var k = groupFirst; k <= i; k++)
                {
                    var hit = hits[k];
                    var inside = minStart[hit.Signal] < end; // a hit of the lexicon ending later starts before this one ends
                    for (var m = groupFirst; m <= i && !inside; m++)
                    {
                        inside = m != k && hits[m].Signal == hit.Signal && (hits[m].Start < hit.Start || (hits[m].Start == hit.Start && m < k));
                    }

                    dropped[k - first] = inside;
                    any |= inside;
                }

                for (var k = groupFirst; k <= i; k++)
                {
                    ref var start = ref minStart[hits[k].Signal];
                    start = Math.Min(start, hits[k].Start);
                }

                i = groupFirst - 1;
            }

            if (any)
            {
                var kept = first;
                for (var k = first; k < hits.Count; k++)
                {
                    if (!dropped[k - first])
                    {
                        hits[kept++] = hits[k];
                    }
                }

                hits.Truncate(kept);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(minStart);
            ArrayPool<bool>.Shared.Return(dropped);
        }
    }
}
